import { describe, expect, it } from 'vitest';
import { toJson } from '../../scripts/ask-session.ts';
import type { AnswerResult } from '../../src/answer/types.ts';
import { loadContent } from '../../src/content/load.ts';

const content = loadContent('content');
const apis = content.entry('apis');
const databases = content.entry('databases');

describe('ask --json reports what the member got', () => {
  if (!apis || !databases) throw new Error('the content has lost its APIs or Databases entry');
  const unsure: AnswerResult = {
    tier: 'unsure',
    suggestions: [
      { entry: databases, score: 0.3 },
      { entry: apis, score: 0.2 },
    ],
  } as unknown as AnswerResult;

  it('GIVEN an unsure classifier and a reply that plainly answers from a guide THEN that guide is the answer', () => {
    const line = toJson('what does 429 mean', unsure, '**APIs** ...', apis);
    expect(line).toMatchObject({ answered: true, id: 'apis', title: apis.title, kind: 'skill', score: 0.2 });
    expect(line.suggestions.map((s) => s.id)).toEqual(['databases', 'apis']);
  });

  it('GIVEN an unsure classifier and a "did you mean" reply THEN nothing is answered', () => {
    expect(toJson('hmm', unsure, 'Did you mean', undefined)).toMatchObject({
      answered: false,
      id: null,
      score: 0.3,
    });
  });
});
