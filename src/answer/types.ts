import type { BotEntry, Entry, EntryKind } from '../content/schema.ts';

export interface ScoredEntry {
  /** A knowledge entry, or a reply about the bot itself (kind `bot`). */
  entry: Entry | BotEntry;
  /** Higher is better; comparable within one result only. */
  score: number;
}

/**
 * - `confident`: `best` answers the question.
 * - `unsure`: something is close; `suggestions` (up to 3) are offered as "Did you mean".
 * - `none`: nothing relevant; say so honestly.
 */
export interface AnswerResult {
  tier: 'confident' | 'unsure' | 'none';
  best?: ScoredEntry;
  suggestions: ScoredEntry[];
}

export interface Answerer {
  /** Answer a free-text question against skills and FAQ entries. Pure and synchronous. */
  answer(question: string): AnswerResult;
  /** Resolve a loosely written name ("dbs", "git", "k8s") to one entry, optionally of one kind. */
  lookup(name: string, kind?: EntryKind): AnswerResult;
}
