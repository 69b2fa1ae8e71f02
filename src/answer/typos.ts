import SearchableMap from 'minisearch/SearchableMap';
import { isStopWord, stem } from './normalize.ts';

export interface Corrector {
  /** The closest known word for an unknown one, or undefined when nothing is close enough. */
  correct(word: string): string | undefined;
}

const CACHE_LIMIT = 5000;

/** Endings that derive a new word from a known one. */
const DERIVED = /^(y|ly|ful|able|ness|er|ers|ed|ing|ish)$/;

/**
 * Typo correction against the index vocabulary ("postgress" -> "postgres", "kubernets" ->
 * "kubernetes"). Conservative on purpose: an off-topic word must not be "corrected" into a
 * topic. Short words are left alone, the first letter must match (people rarely mistype it),
 * and longer words may be further off than short ones.
 */
export function createCorrector(
  frequencies: ReadonlyMap<string, number>,
  /** Words trusted less: a typo is corrected towards one only when a single slip away. */
  secondary: Iterable<string> = [],
): Corrector {
  const words = SearchableMap.from<number>([...frequencies]);
  const distant = new Set([...secondary].filter((word) => !frequencies.has(word)));
  for (const word of distant) words.set(word, 0);
  const cache = new Map<string, string | undefined>();

  function closest(word: string): string | undefined {
    if (word.length < 5 || !/^[a-z]+$/.test(word)) return undefined;
    // Inflected words ("coming", "parked", "starter") are real English far more often than
    // typos, so they only get the swapped-letters correction.
    const maxDistance = /(ing|ed|er|ers|ly)$/.test(word) ? 0 : word.length >= 8 ? 2 : 1;
    let best: { word: string; distance: number; frequency: number } | undefined;
    const found =
      maxDistance > 0 ? new Map(words.fuzzyGet(word, maxDistance)) : new Map<string, [number, number]>();
    // Swapped neighbours ("pyhton") are one slip, though Levenshtein counts two edits.
    const swaps = new Set<string>();
    for (let i = 0; i + 1 < word.length; i++) {
      const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      const frequency = words.get(swapped);
      if (frequency !== undefined && swapped !== word) {
        found.set(swapped, [frequency, 1]);
        swaps.add(swapped);
      }
    }
    for (const [candidate, [frequency, distance]] of found) {
      if (candidate[0] !== word[0] || candidate.length < 4 || isStopWord(stem(candidate))) continue;
      // A known word plus an ending is another word ("pushy", "hated"), not a slip.
      if (DERIVED.test(word.slice(candidate.length)) && word.startsWith(candidate)) continue;
      // Short words one slip from a lexicon word are usually real words ("profile", "profiler").
      if (distant.has(candidate) && (distance > 1 || word.length < 8)) continue;
      // A short word that differs early is usually another word ("slack", "stack"), not a slip.
      if (word.length < 8 && candidate[1] !== word[1] && !swaps.has(candidate)) continue;
      const better =
        !best || distance < best.distance || (distance === best.distance && frequency > best.frequency);
      if (better) best = { word: candidate, distance, frequency };
    }
    return best?.word;
  }

  return {
    correct(word) {
      if (cache.has(word)) return cache.get(word);
      const result = closest(word);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, result);
      return result;
    },
  };
}
