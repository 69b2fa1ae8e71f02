import { describe, expect, it } from 'vitest';
import { cutForQuestion } from '../../src/replies/snippet.ts';
import { processedTerms } from '../../src/replies/terms.ts';
import { cutAtSentence } from '../../src/text.ts';

const asked = (question: string) => new Set(processedTerms(question));

const SORTING =
  '**Sorting algorithms:** bubble and insertion sort are quadratic, fine for tiny inputs. ' +
  'Radix sort works digit by digit on integers and strings of fixed length. ' +
  'Merge sort and heapsort run in O(n log n) in every case. ' +
  'Timsort, a merge-sort hybrid, is what Python and Java use for objects.';

describe('a passage cut to fit keeps what the question asks about', () => {
  it('GIVEN the answering sentence deep in a long passage THEN the opening and that sentence stay, with … for the gap', () => {
    const cut = cutForQuestion(SORTING, 180, asked('big o of merge sort'));
    expect(cut).toMatch(/^\*\*Sorting algorithms:\*\* bubble/);
    expect(cut).toContain('Merge sort and heapsort run in O(n log n) in every case.');
    expect(cut).not.toContain('Radix');
    expect(cut).toContain(' … Merge sort');
    expect(cut.length).toBeLessThanOrEqual(180);
  });

  it('GIVEN a question no later sentence speaks to THEN the passage is cut at a sentence as before', () => {
    expect(cutForQuestion(SORTING, 180, asked('what about elephants'))).toBe(cutAtSentence(SORTING, 180));
  });

  it('GIVEN a passage that fits THEN it is left whole', () => {
    expect(cutForQuestion(SORTING, 1000, asked('merge sort'))).toBe(SORTING);
  });

  it('GIVEN a passage carrying a list THEN it is cut plainly, lines kept in order', () => {
    const list = `Trends worth following:\n- **Cloud:** ${'managed services. '.repeat(8)}\n- **AI:** assistants.`;
    expect(cutForQuestion(list, 120, asked('ai assistants'))).toBe(cutAtSentence(list, 120));
  });
});
