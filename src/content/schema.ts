import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and dashes)');
const line = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const EntryFrontMatter = z.object({
  id,
  kind: z.enum(['skill', 'faq']),
  title: line(120),
  summary: line(400),
  aliases: z.array(line(60)).default([]),
  related: z.array(id).default([]),
  /** Example questions: the training data of the answering model. */
  questions: z.array(line(300)).default([]),
  /** Words and phrases people use for this entry that its text may lack (optional training data). */
  vocabulary: z.array(line(80)).default([]),
  /** Per bullet label, messages that bullet answers: they find it when the asker's words differ. */
  asks: z.record(line(120), z.array(line(160)).min(1, 'needs at least one message')).default({}),
});

/** What a bot entry's hint may use, filled from the message by src/replies/slots.ts. */
export const HINT_SLOTS = ['zone', 'time'] as const;
export type HintSlot = (typeof HINT_SLOTS)[number];
const USES_A_SLOT = new RegExp(`\\{(${HINT_SLOTS.join('|')})\\}`);
const OTHER_BRACE = new RegExp(`\\{(?!(${HINT_SLOTS.join('|')})\\})`);

/** A reply about the bot itself (greetings, help, streaks...): a class of the same model. */
export const BotFrontMatter = z.object({
  id,
  kind: z.literal('bot'),
  title: line(120),
  questions: z.array(line(300)).min(1, 'needs at least one example question'),
  vocabulary: z.array(line(80)).default([]),
  /**
   * Instead of the body, do what the message plainly asks: `checkin` counts today (like `done`),
   * `streak` shows the member's streak, `tip` shows today's tip.
   */
  action: z.enum(['checkin', 'streak', 'tip']).optional(),
  /**
   * A line added to the reply when the message names what it needs: `{zone}` (a place or
   * timezone: "i'm in tokyo") or `{time}` (a time of day: "at 8:45"), e.g. "For you that's
   * `timezone {zone}`." (src/replies/slots.ts).
   */
  hint: line(200)
    .refine((text) => USES_A_SLOT.test(text) && !OTHER_BRACE.test(text), {
      message: `must use ${HINT_SLOTS.map((slot) => `{${slot}}`).join(' or ')}, and no other {slot}`,
    })
    .optional(),
});

/** Examples of what the bot must refuse: the model's "none" class. */
export const OffTopicFrontMatter = z.object({
  id: z.literal('offtopic'),
  kind: z.literal('offtopic'),
  questions: z.array(line(300)).min(1, 'needs at least one example'),
});

const pair = z.tuple([line(60), line(60)]);

/** content/language/chat-language.yml: shared chat language, used to normalise questions. */
export const ChatLanguageSchema = z.object({
  slang: z.array(pair).default([]),
  misspellings: z.array(pair).default([]),
});

export type ChatLanguage = z.infer<typeof ChatLanguageSchema>;

export const TipFrontMatter = z
  .object({
    id,
    kind: z.literal('tip'),
    skill: id,
    title: line(80),
    task: line(600),
    /** Messages this tip answers, in the words people use. */
    asks: z.array(line(160)).default([]),
    quiz: z.object({
      question: line(300),
      options: z.array(line(80)).min(3, 'needs 3 or 4 options').max(4, 'needs 3 or 4 options'),
      answer: line(80),
      explanation: line(300),
    }),
  })
  .refine((tip) => tip.quiz.options.includes(tip.quiz.answer), {
    message: 'must be exactly one of quiz.options',
    path: ['quiz', 'answer'],
  });

export type EntryKind = 'skill' | 'faq';
export type BotAction = 'checkin' | 'streak' | 'tip';

/** A knowledge entry: one skill or one FAQ answer. */
export interface Entry {
  id: string;
  kind: EntryKind;
  title: string;
  summary: string;
  aliases: string[];
  related: string[];
  /** Ways people ask for this entry: the training data of the answering model. */
  questions: string[];
  vocabulary: string[];
  /** Per bullet label, messages that bullet answers. */
  asks: Record<string, string[]>;
  /** Markdown. */
  body: string;
  file: string;
}

/** A reply about the bot itself; its body is the reply. */
export interface BotEntry {
  id: string;
  kind: 'bot';
  title: string;
  questions: string[];
  vocabulary: string[];
  action?: BotAction;
  /** A line with `{zone}` or `{time}`, added when the message names them. */
  hint?: string;
  /** Markdown: the reply. */
  body: string;
  file: string;
}

export interface Quiz {
  question: string;
  options: string[];
  /** Index into `options`. */
  answer: number;
  explanation: string;
}

/** A "skill of the day" tip. */
export interface Tip {
  id: string;
  kind: 'tip';
  skill: string;
  title: string;
  /** Markdown, at most 600 characters. */
  body: string;
  task: string;
  /** Messages this tip answers. */
  asks: string[];
  quiz: Quiz;
  file: string;
}

export const TIP_BODY_MAX = 600;
