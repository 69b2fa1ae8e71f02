/**
 * The core's neutral `Reply` as Block Kit, inside Slack's limits. Pure.
 * https://api.slack.com/reference/block-kit/blocks
 */
import type { types } from '@slack/bolt';
import { cutAtSentence } from '../../src/text.ts';
import type { Reply, ReplyButton } from '../../src/types.ts';
import { escapeMrkdwn, toMrkdwn } from './mrkdwn.ts';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

export const LIMITS = {
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  buttonText: 75,
  buttonsPerBlock: 25,
  actionId: 255,
  buttonValue: 2000,
  messageBlocks: 50,
  homeBlocks: 100,
  /** Slack accepts far more, but notifications show only the start. */
  fallbackText: 3000,
} as const;

/** Said where content had to be cut. The rest is one narrower question away. */
export const CUT_POINTER = '… _(cut to fit in Slack: ask about one part for more)_';

/** Slack wants unique `action_id`s per message; the core's ids repeat (quiz options), so suffix an index. */
export function encodeActionId(actionId: string, index: number): string {
  return `${actionId}~${index}`;
}

export function decodeActionId(slackActionId: string): string {
  return slackActionId.replace(/~\d{1,3}$/, '');
}

export interface RenderOptions {
  /** Buttons only the adapter understands, e.g. "Share in channel" (the core never sees them). */
  extraButtons?: ReplyButton[];
  /** A plain-text footnote such as "Shared by Alice". */
  footnote?: string;
  maxBlocks?: number;
}

export interface SlackMessage {
  /** Fallback for notifications and old clients: mrkdwn, escaped like the blocks. */
  text: string;
  blocks: KnownBlock[];
}

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text, verbatim: true });
const plain = (text: string, max: number) => ({
  type: 'plain_text' as const,
  text: text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text || ' ',
  emoji: true,
});

/** Repair an escape (`&lt;`) the hard cut may have split, which Slack would show as `&l`. */
function cutMrkdwn(text: string, max: number): string {
  const cut = cutAtSentence(text, max, CUT_POINTER);
  return cut.replace(/&[a-z]{0,3}(?= … _\(cut)/, '');
}

/** Where to end a piece of at most `max` characters: a sentence, else a word, never inside `&lt;`. */
function breakPoint(text: string, max: number): number {
  const head = text.slice(0, max);
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.\n'));
  if (sentence > max * 0.5) return sentence + 1;
  const word = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'));
  if (word > max * 0.5) return word;
  const entity = head.search(/&[a-z]{0,3}$/);
  return entity > 0 ? entity : max;
}

/** Split converted text into section-sized chunks, at paragraphs first and sentences within them. */
export function chunkText(text: string, max: number = LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  for (let paragraph of text.split(/\n{2,}/)) {
    while (paragraph.length > max) {
      const end = breakPoint(paragraph, max);
      pieces.push(paragraph.slice(0, end).trimEnd());
      paragraph = paragraph.slice(end).trimStart();
    }
    if (paragraph) pieces.push(paragraph);
  }
  const chunks: string[] = [];
  for (const piece of pieces) {
    const last = chunks.length - 1;
    const current = chunks[last];
    if (current !== undefined && current.length + 2 + piece.length <= max)
      chunks[last] = `${current}\n\n${piece}`;
    else chunks.push(piece);
  }
  return chunks;
}

/** The last chunk that fits, saying that more was left out. */
function withPointer(chunk: string): string {
  if (chunk.length + 1 + CUT_POINTER.length <= LIMITS.sectionText) return `${chunk} ${CUT_POINTER}`;
  // One character short of the chunk, so the cut (and its pointer) always happens.
  return cutMrkdwn(chunk, Math.min(LIMITS.sectionText, chunk.length - 1));
}

function fieldBlocks(reply: Reply): KnownBlock[] {
  const fields = (reply.fields ?? []).map((f) =>
    mrkdwn(cutMrkdwn(`*${escapeMrkdwn(f.label)}*\n${toMrkdwn(f.value)}`, LIMITS.fieldText)),
  );
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < fields.length; i += LIMITS.fieldsPerSection) {
    blocks.push({ type: 'section', fields: fields.slice(i, i + LIMITS.fieldsPerSection) });
  }
  return blocks;
}

function toButton(button: ReplyButton, index: number): Button | undefined {
  const actionId = encodeActionId(button.actionId, index);
  // A truncated id or value would come back meaning something else: leave such a button out.
  if (actionId.length > LIMITS.actionId || button.value.length > LIMITS.buttonValue) return undefined;
  return {
    type: 'button',
    text: plain(button.label, LIMITS.buttonText),
    action_id: actionId,
    // Slack refuses an empty value; a missing one comes back as '' (see actions.ts).
    ...(button.value ? { value: button.value } : {}),
    ...(button.style ? { style: button.style } : {}),
  };
}

function buttonBlocks(buttons: ReplyButton[]): KnownBlock[] {
  const elements = buttons.map(toButton).filter((b): b is Button => b !== undefined);
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.buttonsPerBlock) {
    blocks.push({ type: 'actions', elements: elements.slice(i, i + LIMITS.buttonsPerBlock) });
  }
  return blocks;
}

const FENCE = '```';
/** Room for one code block's text in a section, fences and a newline included. */
const CODE_CHUNK = LIMITS.sectionText - 2 * FENCE.length - 2;

/** Lines of at most `max` characters, packed into as few pieces as fit (a longer line is cut). */
function codeChunks(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n').flatMap((l) => l.match(new RegExp(`[^]{1,${max}}`, 'g')) ?? [''])) {
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * A reply's file as code blocks, within `budget` blocks. Slack has no attachments on private
 * (ephemeral) messages, so a long file is split over several blocks, which copy as one text;
 * only beyond a whole message (about 140,000 characters) is it cut, and the reply says so.
 */
function fileBlocks(reply: Reply, budget: number): KnownBlock[] {
  if (!reply.file || budget < 1) return [];
  // A fence inside the file would end the block early; a zero-width space keeps it literal.
  const content = escapeMrkdwn(reply.file.content.replace(/```/g, '`\u200b`\u200b`'));
  const chunks = codeChunks(content, CODE_CHUNK);
  const note = (text: string): KnownBlock => ({ type: 'context', elements: [mrkdwn(text)] });
  const blocks = (list: string[]) =>
    list.map((chunk): KnownBlock => ({ type: 'section', text: mrkdwn(`${FENCE}${chunk}${FENCE}`) }));
  if (chunks.length === 1) return blocks(chunks);
  if (chunks.length < budget) {
    return [
      note(`_${reply.file.filename} is long, so it is split over ${chunks.length} code blocks._`),
      ...blocks(chunks),
    ];
  }
  const kept = chunks.slice(0, Math.max(0, budget - 1));
  const shown = kept.reduce((n, c) => n + c.length, 0);
  return [
    ...blocks(kept),
    note(
      `_Cut to fit in one Slack message: ${shown.toLocaleString('en')} of ${content.length.toLocaleString('en')} characters of ${reply.file.filename} shown. An admin can export all of it._`,
    ),
  ];
}

/** More than fits in 50 blocks anyway; converting megabytes would only waste time. */
const MAX_SOURCE_CHARS = 40_000;

function bodyText(reply: Reply): string {
  const source = cutAtSentence(reply.text, MAX_SOURCE_CHARS, '…');
  const bullets = (reply.bullets ?? []).map((b) => `• ${toMrkdwn(b)}`).join('\n');
  return [toMrkdwn(source), bullets].filter((part) => part !== '').join('\n\n');
}

/** Section blocks for the body, within `budget` blocks; what does not fit is cut with a pointer. */
function sectionBlocks(text: string, budget: number): KnownBlock[] {
  const chunks = chunkText(text);
  const kept = chunks.length > budget ? chunks.slice(0, Math.max(1, budget)) : chunks;
  if (kept.length < chunks.length) kept[kept.length - 1] = withPointer(kept.at(-1) ?? '');
  return kept.map((chunk) => ({ type: 'section', text: mrkdwn(chunk) }));
}

function fallbackText(reply: Reply, body: string): string {
  const title = reply.title ? `*${escapeMrkdwn(reply.title)}*\n` : '';
  return cutMrkdwn(`${title}${body}`, LIMITS.fallbackText) || ' ';
}

/** Render a reply as a message. */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const maxBlocks = options.maxBlocks ?? LIMITS.messageBlocks;
  const header: KnownBlock[] = reply.title
    ? [{ type: 'header', text: plain(reply.title, LIMITS.headerText) }]
    : [];
  const fields = fieldBlocks(reply);
  const actions = buttonBlocks([...(reply.buttons ?? []), ...(options.extraButtons ?? [])]);
  const footnote: KnownBlock[] = options.footnote
    ? [{ type: 'context', elements: [plain(options.footnote, LIMITS.sectionText)] }]
    : [];
  const body = bodyText(reply);
  const fixed = header.length + fields.length + actions.length + footnote.length;
  const file = fileBlocks(reply, maxBlocks - fixed - (body ? 1 : 0));
  const sections = body ? sectionBlocks(body, maxBlocks - fixed - file.length) : [];
  const blocks = [...header, ...sections, ...file, ...fields, ...actions, ...footnote].slice(0, maxBlocks);
  return { text: fallbackText(reply, body), blocks };
}

/**
 * The App Home tab. `notice` is the result of a button clicked on the tab (Home has no
 * response_url), shown on top without its buttons so action ids stay unique in the view.
 * `channelId` (the app's DM with the user) rides along in private_metadata, because clicks on
 * the tab arrive without a channel.
 */
export function renderHome(home: Reply, channelId: string, notice?: Reply): types.HomeView {
  const noticeBlocks: KnownBlock[] = notice
    ? [...renderReply({ ...notice, buttons: [] }, { maxBlocks: 10 }).blocks, { type: 'divider' }]
    : [];
  const main = renderReply(home, { maxBlocks: LIMITS.homeBlocks - noticeBlocks.length }).blocks;
  return { type: 'home', private_metadata: channelId, blocks: [...noticeBlocks, ...main] };
}
