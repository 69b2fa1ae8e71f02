/**
 * TF-IDF features over words, word pairs and character n-grams (taken inside each word, padded
 * with spaces), each block L2-normalised so one long question does not outweigh a short one.
 */

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
  return hashMore((FNV_OFFSET ^ seed) >>> 0, text) >>> 0;
}

function hashMore(h: number, text: string): number {
  let out = h;
  for (let i = 0; i < text.length; i++) out = Math.imul(out ^ text.charCodeAt(i), FNV_PRIME);
  return out;
}

/** The hash of "first second", without building the string. */
function hashPair(first: string, second: string): number {
  const h = Math.imul(hashMore((FNV_OFFSET ^ PAIR_SEED) >>> 0, first) ^ SPACE, FNV_PRIME);
  return hashMore(h, second) >>> 0;
}

/** Receives each term of a text and how many times it occurs. */
type Emit = (term: number, times: number) => void;

function wordTerms(words: readonly string[], options: FeatureOptions, emit: Emit): void {
  for (let i = 0; i < words.length; i++) {
    emit(hashString(words[i] as string, WORD_SEED), 1);
    if (options.wordPairs && i > 0) emit(hashPair(words[i - 1] as string, words[i] as string), 1);
  }
}

const SPACE = 32;

/** Each distinct word is cut into n-grams once; a word said ten times counts ten times. */
function charTerms(words: readonly string[], options: FeatureOptions, emit: Emit): void {
  const range = options.charNgrams;
  if (!range) return;
  const [min, max] = range;
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const [word, times] of counts) {
    const length = Math.min(word.length, MAX_WORD_CHARS) + 2;
    for (let start = 0; start + min <= length; start++) {
      let h = FNV_OFFSET;
      for (let n = 1; n <= max && start + n <= length; n++) {
        const at = start + n - 1;
        const code = at === 0 || at === length - 1 ? SPACE : word.charCodeAt(at - 1);
        h = Math.imul(h ^ code, FNV_PRIME);
        if (n >= min) emit((h ^ n) >>> 0, times);
      }
    }
  }
}

/** Open-addressing map from term hash to feature index: several times faster than a Map here. */
class TermTable {
  readonly #keys: Uint32Array;
  readonly #ids: Int32Array;
  readonly #shift: number;
  readonly #mask: number;

  constructor(terms: Uint32Array) {
    const bits = Math.max(4, Math.ceil(Math.log2(terms.length * 2 + 1)));
    this.#shift = 32 - bits;
    this.#mask = (1 << bits) - 1;
    this.#keys = new Uint32Array(1 << bits);
    this.#ids = new Int32Array(1 << bits).fill(-1);
    terms.forEach((term, id) => {
      let slot = this.#slot(term);
      while (this.#ids[slot] !== -1) slot = (slot + 1) & this.#mask;
      this.#keys[slot] = term;
      this.#ids[slot] = id;
    });
  }

  #slot(term: number): number {
    return Math.imul(term, 0x9e3779b1) >>> this.#shift;
  }

  /** The feature index of `term`, or -1. */
  get(term: number): number {
    for (let slot = this.#slot(term); ; slot = (slot + 1) & this.#mask) {
      const id = this.#ids[slot] as number;
      if (id === -1 || this.#keys[slot] === term) return id;
    }
  }
}

/** Fitted on the training texts; unknown terms in a question are ignored. */
export class Vectoriser {
  readonly #table: TermTable;
  /** Term counts of the block being built, by feature; zero again once the block is done. */
  readonly #counts: Float64Array;

  constructor(
    private readonly options: FeatureOptions,
    /** Term hashes, in feature order. */
    readonly terms: Uint32Array,
    /** Inverse document frequency of each feature. */
    readonly idf: Float32Array,
  ) {
    this.#table = new TermTable(terms);
    this.#counts = new Float64Array(terms.length);
  }

  static fit(options: FeatureOptions, training: ReadonlyArray<readonly string[]>): Vectoriser {
    const df = new Map<number, number>();
    for (const text of training) {
      const seen = new Set<number>();
      const emit = (term: number) => seen.add(term);
      wordTerms(text, options, emit);
      charTerms(text, options, emit);
      for (const term of seen) df.set(term, (df.get(term) ?? 0) + 1);
    }
    const n = training.length;
    const terms = Uint32Array.from(df.keys());
    const idf = Float32Array.from(df.values(), (d) => Math.log((1 + n) / (1 + d)) + 1);
    return new Vectoriser(options, terms, idf);
  }

  get size(): number {
    return this.terms.length;
  }

  vector(text: readonly string[]): SparseVector {
    const ids: number[] = [];
    const values: number[] = [];
    this.#block((emit) => wordTerms(text, this.options, emit), 1, ids, values);
    this.#block((emit) => charTerms(text, this.options, emit), this.options.charWeight, ids, values);
    return { indices: Int32Array.from(ids), values: Float64Array.from(values) };
  }

  /** Appends one block's features: sublinear TF times IDF, scaled to length `weight`. */
  #block(terms: (emit: Emit) => void, weight: number, ids: number[], values: number[]): void {
    const counts = this.#counts;
    const start = ids.length;
    terms((term, times) => {
      const id = this.#table.get(term);
      if (id < 0) return;
      if (counts[id] === 0) ids.push(id);
      counts[id] = (counts[id] as number) + times;
    });
    let norm = 0;
    for (let k = start; k < ids.length; k++) {
      const id = ids[k] as number;
      const value = (1 + Math.log(counts[id] as number)) * (this.idf[id] ?? 0);
      counts[id] = 0;
      values.push(value);
      norm += value * value;
    }
    const scale = norm > 0 ? weight / Math.sqrt(norm) : 0;
    for (let k = start; k < values.length; k++) values[k] = (values[k] as number) * scale;
  }
}
