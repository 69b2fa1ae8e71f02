/**
 * The neutral language the core speaks. Adapters translate platform events into these
 * types and render `Reply` back into platform messages; nothing here knows which platforms exist.
 */

/** A platform's id: a string its adapter registers (see `PlatformSpec`); the core never lists them. */
export type Platform = string;

/** Who is speaking, where. Shared by messages and button clicks. */
export interface Origin {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  userId: string;
  displayName: string;
  /** The adapter decides who administers the workspace (owners, server managers, the console user). */
  isAdmin: boolean;
  /** When the event happened (the adapter's clock reading, not the platform's). */
  at: Date;
}

/** A free-text message addressed to the bot (slash command text, mention with the mention removed, DM, console line). */
export interface Incoming extends Origin {
  text: string;
}

/** A click on one of the bot's buttons. `actionId` and `value` are the ones the core put on the button. */
export interface ActionEvent extends Origin {
  actionId: string;
  value: string;
}

export type Visibility = 'public' | 'private';

export interface ReplyButton {
  label: string;
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
}

export interface ReplyField {
  label: string;
  value: string;
}

/**
 * A document a reply carries whole (a member's data as JSON). Adapters show it in a code block
 * when it fits in one message, and otherwise attach it as a file or split it, saying so; it is
 * never cut silently.
 */
export interface ReplyFile {
  filename: string;
  /** The code-block language: `json`. */
  language: string;
  content: string;
}

export interface Reply {
  title?: string;
  /** CommonMark. Adapters convert it to their platform's markup. */
  text: string;
  fields?: ReplyField[];
  bullets?: string[];
  buttons?: ReplyButton[];
  /**
   * The buttons are one row of next steps (a full guide and related entries), not choices that
   * must all be offered: a platform keeps as many as fit in one row of its buttons.
   */
  buttonsInOneRow?: boolean;
  /** The knowledge entry whose passages answer the question, when the reply is such an answer. */
  answersFrom?: string;
  /** `private` is seen by the asker only, where the platform can do that (`privateReplies`). */
  visibility: Visibility;
  /** True for answers worth sharing with the channel, on platforms that offer it (`sharePrivateAnswers`). */
  shareable?: boolean;
  file?: ReplyFile;
  /**
   * Personal data: only the asker may ever see it. Where the platform cannot answer this event
   * privately (a mention in a public channel), the adapter sends it privately some other way
   * (a direct message) or says where to ask instead; it never posts it where others can read it.
   */
  personal?: boolean;
}

/** The clock is injected everywhere so rules and the scheduler can be tested at any instant. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Button action ids the core understands. Adapters pass them back untouched. */
export const ACTIONS = {
  /** "I learned it": value is `${tipId}@${localDate}` of the post, or empty for "today". */
  checkin: 'skillbot.checkin',
  /** Quiz option: value is `${tipId}@${localDate}#${optionIndex}`. */
  quiz: 'skillbot.quiz',
  /** Show one knowledge entry (related skills, "Did you mean"): value is the entry id. */
  entry: 'skillbot.entry',
  /** "Delete my data": value is the id of the member who asked; only they can confirm. */
  forget: 'skillbot.forget',
} as const;
