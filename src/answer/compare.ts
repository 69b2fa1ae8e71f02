import type { QueryWord } from './query.ts';

/** Words that weigh one thing against another ("django or fastapi", "nest vs plain express"). */
const JOINERS = new Set(['or', 'vs', 'versus']);

/** How many meaningful words on each side of a joiner may be the things compared. */
const REACH = 2;

/** Up to REACH topic words from `position` in direction `step`, stopping at sentence-like gaps. */
function sideOf(at: ReadonlyArray<QueryWord | undefined>, position: number, step: 1 | -1): QueryWord[] {
  const side: QueryWord[] = [];
  for (let i = position + step, gap = 0; i >= 0 && i < at.length && side.length < REACH; i += step) {
    const word = at[i];
    if (!word) {
      // Stop words in between are fine ("redis or just a map"), a long run of them is not.
      if (++gap > 2) break;
      continue;
    }
    gap = 0;
    if (!word.generic && !word.offTopic && word.terms.size > 0 && !side.includes(word)) side.push(word);
  }
  return side;
}

/**
 * Marks the words on both sides of "or" / "vs": when both sides name the same entry, the
 * comparison itself is the topic (coverage.ts), though each name alone may be an everyday word
 * ("nest vs plain express") or lose to a stronger one elsewhere in the message.
 * `at` holds, by position in `written`, the word of the question standing there.
 */
export function markCompared(written: readonly string[], at: ReadonlyArray<QueryWord | undefined>): void {
  for (const [position, word] of written.entries()) {
    if (!JOINERS.has(word)) continue;
    const before = sideOf(at, position, -1);
    const after = sideOf(at, position, 1);
    if (before.length === 0 || after.length === 0) continue;
    for (const side of [...before, ...after]) side.compared = true;
  }
}
