/**
 * A reply too long for one embed (a whole guide) over several embeds and messages, inside
 * Discord's limits: 4,096 characters per embed description, 6,000 per message across its
 * embeds, 10 embeds per message. Nothing is cut below MAX_MESSAGES messages. Pure.
 */
import type { APIEmbed } from 'discord.js';
import { cutAtSentence } from '../../src/text.ts';
import type { Reply } from '../../src/types.ts';
import type { ButtonIds } from './custom-id.ts';
import {
  CUT_POINTER,
  EMBED_COLOR,
  type EmbedExtras,
  LIMITS,
  type RenderedMessage,
  renderButtons,
  renderReply,
} from './render.ts';

/** Enough for the longest guide (about 21,000 characters) with room to grow; more would flood a channel. */
export const MAX_MESSAGES = 5;
export const EMBEDS_PER_MESSAGE = 10;
/**
 * One piece per embed. Two pieces fill a message's 6,000 characters, so messages are rarely
 * half empty, and every piece stays well under the 4,096 of a description.
 */
export const PIECE = 2900;
const HEADING = /^#{1,6}\s/;

/** The text's lines, a line longer than `max` broken at sentences (or words). */
function linesOf(text: string, max: number): string[] {
  const lines: string[] = [];
  for (let line of text.split('\n')) {
    while (line.length > max) {
      const head = cutAtSentence(line, max, '').trimEnd();
      lines.push(head);
      line = line.slice(head.length).trimStart();
    }
    lines.push(line);
  }
  return lines;
}

/** Pieces of at most `max` characters, broken between lines, before a heading when one is near. */
export function splitText(text: string, max: number = PIECE): string[] {
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) pieces.push(current.trim());
    current = '';
  };
  for (const line of linesOf(text, max)) {
    const joined = current ? `${current}\n${line}` : line;
    const headingSoon = HEADING.test(line) && current.length > max * 0.6;
    if (joined.length > max || headingSoon) {
      flush();
      current = line;
    } else current = joined;
  }
  flush();
  return pieces;
}

/** What the message body shows: the text and its bullets (long replies carry no fields or file). */
function bodyOf(reply: Reply): string {
  const bullets = reply.bullets?.length ? reply.bullets.map((b) => `- ${b}`).join('\n') : '';
  return [reply.text.trim(), bullets].filter((p) => p.length > 0).join('\n\n');
}

/** Whether one embed shows the whole reply (title and footer share the 6,000 with the text). */
function fitsOneEmbed(reply: Reply, extras: EmbedExtras): boolean {
  const around = (reply.title?.length ?? 0) + (extras.footer?.length ?? 0);
  const body = bodyOf(reply).length;
  return body <= LIMITS.embedDescription && body + around <= LIMITS.embedTotal;
}

/** Embeds grouped into messages: at most 10 embeds and 6,000 characters each. */
function pack(embeds: APIEmbed[]): APIEmbed[][] {
  const size = (e: APIEmbed) =>
    (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let used = 0;
  for (const embed of embeds) {
    const full = current.length === EMBEDS_PER_MESSAGE || used + size(embed) > LIMITS.embedTotal;
    if (full && current.length > 0) {
      messages.push(current);
      current = [];
      used = 0;
    }
    current.push(embed);
    used += size(embed);
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

/** The first MAX_MESSAGES messages; the last one kept says that the rest was left out. */
function within(messages: APIEmbed[][]): APIEmbed[][] {
  if (messages.length <= MAX_MESSAGES) return messages;
  const kept = messages.slice(0, MAX_MESSAGES);
  const last = kept.at(-1)?.at(-1);
  // One character shorter than before, so the message stays inside its 6,000.
  if (last?.description)
    last.description = cutAtSentence(last.description, last.description.length - 1, CUT_POINTER);
  return kept;
}

/**
 * The reply as one or more messages. A reply that fits one embed renders as `renderReply` does;
 * a longer one (with no fields or file) is split at lines into embeds, the title on the first,
 * the footer and buttons on the last, so they come after the reading.
 */
export function renderMessages(reply: Reply, ids: ButtonIds, extras: EmbedExtras = {}): RenderedMessage[] {
  if (reply.file || reply.fields?.length || fitsOneEmbed(reply, extras))
    return [renderReply(reply, ids, extras)];
  const embeds: APIEmbed[] = splitText(bodyOf(reply)).map((description) => ({
    color: EMBED_COLOR,
    description,
  }));
  const first = embeds[0];
  if (first && reply.title) first.title = reply.title.slice(0, LIMITS.embedTitle);
  const last = embeds.at(-1);
  if (last && extras.footer) last.footer = { text: extras.footer.slice(0, LIMITS.footerText) };
  const messages = within(pack(embeds)).map((group): RenderedMessage => ({ embeds: group, components: [] }));
  const final = messages.at(-1);
  if (final) final.components = renderButtons(reply.buttons ?? [], ids);

  return messages;
}
