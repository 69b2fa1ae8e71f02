import SearchableMap from 'minisearch/SearchableMap';
import { isStopWord, stem } from './normalize.ts';

export interface Corrector {
  /** The closest known word for an unknown one, or undefined when nothing is close enough. */
  correct(word: string): string | undefined;
}

const CACHE_LIMIT = 5000;

/** Endings that derive a new word from a known one. */
const DERIVED = /^(y|ly|ful|able|ness|er|ers|ed|ing|ish)$/;

/** A known word within reach of a typo: how far, and how often the content uses it. */
interface Candidate {
  word: string;
  distance: number;
  frequency: number;
  /** Reached by swapping two neighbouring letters. */
  swap: boolean;
}

/** Swapped neighbours ("pyhton") are one slip, though Levenshtein counts two edits. */
function swapsOf(word: string): string[] {
  const swaps: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (swapped !== word) swaps.push(swapped);
  }
  return swaps;
}

/** How far a word may be from a known one: none for inflected words, more for long ones. */
function reachOf(word: string): number {
  // Inflected words ("coming", "parked", "starter") are real English far more often than
  // typos, so they only get the swapped-letters correction.
  if (/(ing|ed|er|ers|ly)$/.test(word)) return 0;
  return word.length >= 8 ? 2 : 1;
}

function better(candidate: Candidate, best: Candidate | undefined): boolean {
  if (!best) return true;
  return (
    candidate.distance < best.distance ||
    (candidate.distance === best.distance && candidate.frequency > best.frequency)
  );
}

/**
 * Typo correction against the index vocabulary ("postgress" -> "postgres", "kubernets" ->
 * "kubernetes"). Conservative on purpose: an off-topic word must not be "corrected" into a
 * topic. Short words are left alone, the first letter must match (people rarely mistype it),
 * and longer words may be further off than short ones.
 */
class TypoCorrector implements Corrector {
  readonly #words: SearchableMap<number>;
  /** Words trusted less: a typo is corrected towards one only when a single slip away. */
  readonly #distant: ReadonlySet<string>;
  readonly #cache = new Map<string, string | undefined>();

  constructor(frequencies: ReadonlyMap<string, number>, secondary: Iterable<string>) {
    this.#words = SearchableMap.from<number>([...frequencies]);
    this.#distant = new Set([...secondary].filter((word) => !frequencies.has(word)));
    for (const word of this.#distant) this.#words.set(word, 0);
  }

  correct(word: string): string | undefined {
    if (this.#cache.has(word)) return this.#cache.get(word);
    const result = this.#closest(word);
    if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(word, result);
    return result;
  }

  #closest(word: string): string | undefined {
    if (word.length < 5 || !/^[a-z]+$/.test(word)) return undefined;
    let best: Candidate | undefined;
    for (const candidate of this.#candidates(word)) {
      if (this.#plausible(word, candidate) && better(candidate, best)) best = candidate;
    }
    return best?.word;
  }

  /** Known words within the word's reach, and its swapped-letter variants that are known. */
  #candidates(word: string): Candidate[] {
    const reach = reachOf(word);
    const found = new Map<string, Candidate>();
    const fuzzy = reach > 0 ? this.#words.fuzzyGet(word, reach) : new Map<string, [number, number]>();
    for (const [known, [frequency, distance]] of fuzzy) {
      found.set(known, { word: known, distance, frequency, swap: false });
    }
    for (const swapped of swapsOf(word)) {
      const frequency = this.#words.get(swapped);
      if (frequency !== undefined) found.set(swapped, { word: swapped, distance: 1, frequency, swap: true });
    }
    return [...found.values()];
  }

  /** Whether the typed word is plausibly a slip for the candidate rather than another word. */
  #plausible(word: string, { word: known, distance, swap }: Candidate): boolean {
    if (known[0] !== word[0] || known.length < 4 || isStopWord(stem(known))) return false;
    // A known word plus an ending is another word ("pushy", "hated"), not a slip.
    if (DERIVED.test(word.slice(known.length)) && word.startsWith(known)) return false;
    // Short words one slip from a lexicon word are usually real words ("profile", "profiler").
    if (this.#distant.has(known) && (distance > 1 || word.length < 8)) return false;
    // A short word that differs early is usually another word ("slack", "stack"), not a slip.
    return word.length >= 8 || known[1] === word[1] || swap;
  }
}

export function createCorrector(
  frequencies: ReadonlyMap<string, number>,
  /** Words trusted less: a typo is corrected towards one only when a single slip away. */
  secondary: Iterable<string> = [],
): Corrector {
  return new TypoCorrector(frequencies, secondary);
}
