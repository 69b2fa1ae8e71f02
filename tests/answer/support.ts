/** The shipped content and one answerer over it, shared by the answer tests. */
import { createAnswerer } from '../../src/answer/engine.ts';
import type { AnswerResult } from '../../src/answer/types.ts';
import { loadContent } from '../../src/content/load.ts';

export const content = loadContent('content');
export const answerer = createAnswerer(content);

/** The entry a user would be shown, or undefined for "Did you mean" and refusals. */
export function answeredId(result: AnswerResult): string | undefined {
  return result.tier === 'confident' ? result.best?.entry.id : undefined;
}
