/**
 * TF-IDF features over words, word pairs and character n-grams (taken inside each word, padded
 * with spaces), each block L2-normalised so one long question does not outweigh a short one.
 */
import type { ReadText } from './text.ts';

export interface FeatureOptions {
  /** Also count adjacent word pairs. */
  wordPairs: boolean;
  /** Character n-gram lengths, e.g. [3, 5]; null for none. */
  charNgrams: readonly [number, number] | null;
  /** Weight of the character block against the word block (both L2-normalised). */
  charWeight: number;
}

export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** Characters per word read for n-grams: a pasted hash or URL costs no more than a long word. */
const MAX_WORD_CHARS = 24;

// Terms are 32-bit FNV-1a hashes rather than strings: a 2,000-character question makes thousands of
// character n-grams, and hashing them in place allocates nothing. Collisions among ~10^5 terms are rare
// and harmless.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x9e3779b9;
const PAIR_SEED = 0x7f4a7c15;

function hashString(text: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

function add(counts: Map<number, number>, term: number): void {
  counts.set(term, (counts.get(term) ?? 0) + 1);
}

function wordTerms(text: ReadText, options: FeatureOptions): Map<number, number> {
  const terms = new Map<number, number>();
  const words = text.content;
  for (let i = 0; i < words.length; i++) {
    add(terms, hashString(words[i] as string, WORD_SEED));
    if (options.wordPairs && i > 0) add(terms, hashString(`${words[i - 1]} ${words[i]}`, PAIR_SEED));
  }
  return terms;
}

const SPACE = 32;

function charTerms(text: ReadText, options: FeatureOptions): Map<number, number> {
  const terms = new Map<number, number>();
  const range = options.charNgrams;
  if (!range) return terms;
  const [min, max] = range;
  for (const word of text.words) {
    const length = Math.min(word.length, MAX_WORD_CHARS) + 2;
    const code = (i: number) => (i === 0 || i === length - 1 ? SPACE : word.charCodeAt(i - 1));
    for (let start = 0; start + min <= length; start++) {
      let h = FNV_OFFSET;
      for (let n = 1; n <= max && start + n <= length; n++) {
        h = Math.imul(h ^ code(start + n - 1), FNV_PRIME);
        if (n >= min) add(terms, (h ^ n) >>> 0);
      }
    }
  }
  return terms;
}

/** Fitted on the training texts; unknown terms in a question are ignored. */
export class Vectoriser {
  readonly #index: Map<number, number>;

  constructor(
    private readonly options: FeatureOptions,
    /** Term hashes, in feature order. */
    readonly terms: Uint32Array,
    /** Inverse document frequency of each feature. */
    readonly idf: Float32Array,
  ) {
    this.#index = new Map(Array.from(terms, (term, id) => [term, id]));
  }

  static fit(options: FeatureOptions, training: readonly ReadText[]): Vectoriser {
    const df = new Map<number, number>();
    for (const text of training) {
      for (const term of [...wordTerms(text, options).keys(), ...charTerms(text, options).keys()]) {
        df.set(term, (df.get(term) ?? 0) + 1);
      }
    }
    const n = training.length;
    const terms = Uint32Array.from(df.keys());
    const idf = Float32Array.from(df.values(), (d) => Math.log((1 + n) / (1 + d)) + 1);
    return new Vectoriser(options, terms, idf);
  }

  get size(): number {
    return this.terms.length;
  }

  vector(text: ReadText): SparseVector {
    const words = this.#block(wordTerms(text, this.options), 1);
    const chars = this.#block(charTerms(text, this.options), this.options.charWeight);
    const all = [...words, ...chars];
    return {
      indices: Int32Array.from(all, ([i]) => i),
      values: Float64Array.from(all, ([, v]) => v),
    };
  }

  /** Sublinear TF times IDF, scaled to length `weight`. */
  #block(terms: Map<number, number>, weight: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let norm = 0;
    for (const [term, tf] of terms) {
      const id = this.#index.get(term);
      if (id === undefined) continue;
      const value = (1 + Math.log(tf)) * (this.idf[id] ?? 0);
      out.push([id, value]);
      norm += value * value;
    }
    const scale = norm > 0 ? weight / Math.sqrt(norm) : 0;
    for (const pair of out) pair[1] *= scale;
    return out;
  }
}
