/**
 * Shared pieces of the idiom tables (idioms.ts, idioms-work.ts, idioms-people.ts).
 *
 * An idiom: [pattern, topic words, words of the idiom that mean nothing on their own ("land" in
 * "land a job")]. Each pattern is matched against the normalized question (lower case, letters
 * and digits, single spaces).
 */
export type Idiom = readonly [RegExp, string, string?];

/**
 * `a`, then `b` within a few words: what "the message mentions both" means in a chat line.
 * Bounded, unlike `.*`, so that 2,000 characters of repetition cannot make a pattern quadratic.
 */
export function near(a: string, b: string, words = 12): string {
  return `\\b(${a})( [a-z0-9]+){0,${words}} (${b})\\b`;
}

/** `a` and `b` near each other, in either order. */
export function together(a: string, b: string, words = 12): RegExp {
  return new RegExp(`${near(a, b, words)}|${near(b, a, words)}`);
}
