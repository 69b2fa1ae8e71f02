import type { Content } from '../content/load.ts';
import type { Answerer } from './types.ts';

// Placeholder until the search engine lands: knows nothing.
export function createAnswerer(_content: Content): Answerer {
  return {
    answer: () => ({ tier: 'none', suggestions: [] }),
    lookup: () => ({ tier: 'none', suggestions: [] }),
  };
}
