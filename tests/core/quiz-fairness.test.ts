import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import type { Tip } from '../../src/content/schema.ts';

const tips = loadContent('content').tips;

/** A tie for longest still gives the answer away, so it counts as longest. */
function correctIsLongest(tip: Tip): boolean {
  const { options, answer } = tip.quiz;
  const correct = options[answer]?.length ?? 0;
  return options.every((option) => option.length <= correct);
}

describe('the shipped quizzes cannot be guessed from their options', () => {
  it('the correct option is the longest one in at most 35% of tips', () => {
    const longest = tips.filter(correctIsLongest).map((t) => t.id);
    expect(tips.length).toBeGreaterThan(0);
    expect(longest.length / tips.length, `longest is correct in: ${longest.join(', ')}`).toBeLessThanOrEqual(
      0.35,
    );
  });

  it('the correct option is spread evenly over the positions, for each number of options', () => {
    for (const size of new Set(tips.map((t) => t.quiz.options.length))) {
      const group = tips.filter((t) => t.quiz.options.length === size);
      const counts = Array.from(
        { length: size },
        (_, position) => group.filter((t) => t.quiz.answer === position).length,
      );
      const even = group.length / size;
      // Every position within 15% of an even share (at least one tip either way).
      const slack = Math.max(1, Math.ceil(even * 0.15));
      for (const count of counts) {
        expect(
          Math.abs(count - even),
          `${size}-option quizzes by position: ${counts.join(', ')}`,
        ).toBeLessThanOrEqual(slack);
      }
    }
  });
});
