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
  questions: z.array(line(200)).default([]),
});

export const TipFrontMatter = z
  .object({
    id,
    kind: z.literal('tip'),
    skill: id,
    title: line(80),
    task: line(600),
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

/** A knowledge entry: one skill or one FAQ answer. */
export interface Entry {
  id: string;
  kind: EntryKind;
  title: string;
  summary: string;
  aliases: string[];
  related: string[];
  /** Ways people ask for this entry; they feed the search index. */
  questions: string[];
  /** Markdown. */
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
  quiz: Quiz;
  file: string;
}

export const TIP_BODY_MAX = 600;
