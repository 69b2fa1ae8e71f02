/**
 * The neutral `Reply` as a Discord message: one embed plus button rows, inside Discord's limits.
 * Pure: the same reply always renders the same body (the button-id store aside).
 */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { cutAtSentence } from '../../src/text.ts';
import type { Reply, ReplyButton } from '../../src/types.ts';
import type { ButtonIds } from './custom-id.ts';

/** Discord's documented limits for a message, its embed and its components. */
export const LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footerText: 2048,
  embedTotal: 6000,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
} as const;

/** A Discord client default and per-call value: parse nothing, not even the replied-to author. */
export const NO_MENTIONS = { parse: [], repliedUser: false };
/** The same, as the REST API spells it. */
export const NO_MENTIONS_API = { parse: [], replied_user: false };

/** Where the rest of a shortened text can be found: Discord has no "show more", so say what to ask. */
export const CUT_POINTER = '… *(shortened to fit Discord: ask about one part for more)*';
/** Keep at least this much room for the description when fields are long. */
const DESCRIPTION_FLOOR = 1000;
export const EMBED_COLOR = 0x2f855a;
const EMPTY = '\u200b';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface RenderedMessage {
  embeds: APIEmbed[];
  components: ButtonRow[];
  /** A reply's file when it is too long to show in the embed (Discord keeps attachments on ephemeral replies too). */
  files?: { attachment: Buffer; name: string }[];
}

/** Plain truncation with an ellipsis for short one-line things (titles, labels, names). */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function renderFields(reply: Reply, room: number): { fields: APIEmbedField[]; dropped: number } {
  const fields: APIEmbedField[] = [];
  const all = reply.fields ?? [];
  let used = 0;
  for (const field of all.slice(0, LIMITS.fields)) {
    const name = clip(field.label.trim(), LIMITS.fieldName) || EMPTY;
    const value = cutAtSentence(field.value.trim(), LIMITS.fieldValue, '…') || EMPTY;
    if (used + name.length + value.length > room) break;
    used += name.length + value.length;
    fields.push({ name, value, inline: value.length <= 40 });
  }
  return { fields, dropped: all.length - fields.length };
}

function descriptionSource(reply: Reply, droppedFields: number): string {
  const parts = [reply.text.trim()];
  if (reply.bullets?.length) parts.push(reply.bullets.map((b) => `- ${b}`).join('\n'));
  if (droppedFields > 0) parts.push(`*(${droppedFields} more not shown)*`);
  return parts.filter((p) => p.length > 0).join('\n\n');
}

export interface EmbedExtras {
  /** Small print under the embed (the daily post's marker); counted in the 6,000 total. */
  footer?: string;
}

export function renderEmbed(reply: Reply, extras: EmbedExtras = {}): APIEmbed {
  const footer = extras.footer ? clip(extras.footer.trim(), LIMITS.footerText) : undefined;
  const title = reply.title ? clip(reply.title.trim(), LIMITS.embedTitle) : undefined;
  // Title and footer share the embed's total with the description and fields.
  const titleLength = (title?.length ?? 0) + (footer?.length ?? 0);
  const fullDescription = descriptionSource(reply, 0);
  const descriptionNeed = Math.min(fullDescription.length, DESCRIPTION_FLOOR) + CUT_POINTER.length;
  const { fields, dropped } = renderFields(reply, LIMITS.embedTotal - titleLength - descriptionNeed);
  const fieldsLength = fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  const room = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - titleLength - fieldsLength);
  const source = dropped > 0 ? descriptionSource(reply, dropped) : fullDescription;
  const description = cutAtSentence(source, room, CUT_POINTER);
  const embed: APIEmbed = { color: EMBED_COLOR };
  if (title) embed.title = title;
  if (description) embed.description = description;
  if (fields.length) embed.fields = fields;
  if (!title && !description && !fields.length) embed.description = '…';
  if (footer) embed.footer = { text: footer };
  return embed;
}

const STYLES: Record<NonNullable<ReplyButton['style']> | 'default', ButtonStyle> = {
  primary: ButtonStyle.Primary,
  danger: ButtonStyle.Danger,
  default: ButtonStyle.Secondary,
};

/** Up to 5 rows of 5 buttons; a button whose id repeats one already shown is left out (Discord refuses duplicates). */
export function renderButtons(buttons: readonly ReplyButton[], ids: ButtonIds): ButtonRow[] {
  const seen = new Set<string>();
  const rendered: APIButtonComponentWithCustomId[] = [];
  for (const button of buttons) {
    const customId = ids.encode(button.actionId, button.value);
    if (seen.has(customId)) continue;
    seen.add(customId);
    rendered.push({
      type: ComponentType.Button,
      style: STYLES[button.style ?? 'default'] as ButtonStyle.Secondary,
      label: clip(button.label.trim(), LIMITS.buttonLabel) || '…',
      custom_id: customId,
    });
    if (rendered.length === LIMITS.buttonsPerRow * LIMITS.rows) break;
  }
  const rows: ButtonRow[] = [];
  for (let i = 0; i < rendered.length; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: rendered.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}

/**
 * A reply's file in a code block under the text when the whole embed still fits; otherwise the
 * file goes along as an attachment, as Discord itself does with a long paste, and the text says so.
 */
function withFile(reply: Reply): { reply: Reply; files?: RenderedMessage['files'] } {
  const { file } = reply;
  if (!file) return { reply };
  // A fence inside the file would end the block early; a zero-width space keeps it literal.
  const block = `\`\`\`${file.language}\n${file.content.replace(/```/g, '`\u200b`\u200b`')}\n\`\`\``;
  const inline = `${reply.text}\n\n${block}`;
  const used =
    inline.length + (reply.title?.length ?? 0) + descriptionSource({ ...reply, text: '' }, 0).length;
  if (used <= LIMITS.embedDescription) return { reply: { ...reply, text: inline } };
  const size = file.content.length.toLocaleString('en');
  const note = `*It is ${size} characters, more than a Discord message shows, so it is attached as \`${file.filename}\`.*`;
  return {
    reply: { ...reply, text: `${reply.text}\n\n${note}` },
    files: [{ attachment: Buffer.from(file.content, 'utf8'), name: file.filename }],
  };
}

export function renderReply(reply: Reply, ids: ButtonIds, extras: EmbedExtras = {}): RenderedMessage {
  const shown = withFile(reply);
  const message: RenderedMessage = {
    embeds: [renderEmbed(shown.reply, extras)],
    components: renderButtons(reply.buttons ?? [], ids),
  };
  if (shown.files) message.files = shown.files;
  return message;
}
