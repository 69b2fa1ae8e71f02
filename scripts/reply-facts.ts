/**
 * What a reply must do for a specific question, as `npm run eval:replies` and the held-out
 * regression test both judge it. Each line of a set is {"question","expected","facts"}: a reply
 * delivers the fact when every group of alternatives has one (case-insensitive) in its first
 * 700 characters.
 */
import { readFileSync } from 'node:fs';
import type { Content } from '../src/content/load.ts';

export const FACT_WINDOW = 700;
export const SHORT_REPLY = 1200;

export interface SpecificQuestion {
  question: string;
  expected: string;
  facts: string[][];
}

export function deliversFacts(text: string, facts: string[][]): boolean {
  const head = text.slice(0, FACT_WINDOW).toLowerCase();
  return facts.every((group) => group.some((alt) => head.includes(alt.toLowerCase())));
}

/**
 * A chat basic ("hi", "how do streaks work"): its label names no knowledge entry, whether it is a
 * writer's kind ("greeting", "feature") or the id of a reply about the bot.
 */
export function isChatBasic(q: SpecificQuestion, content: Content): boolean {
  return content.entry(q.expected) === undefined;
}

export function readSet(path: string): SpecificQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SpecificQuestion);
}
