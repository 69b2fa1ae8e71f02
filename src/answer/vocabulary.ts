import type { Entry } from '../content/schema.ts';
import { chatWords, isStopWord, stem } from './normalize.ts';
import { SLANG } from './synonyms.ts';

/** The searchable fields of an entry, and how strongly a word in each one speaks for the entry. */
export const FIELD_STRENGTH = {
  title: 1,
  aliases: 1,
  questions: 0.9,
  summary: 0.8,
  body: 0.5,
} as const;

export type Field = keyof typeof FIELD_STRENGTH;
export const FIELDS = Object.keys(FIELD_STRENGTH) as Field[];

export function fieldText(entry: Entry, field: Field): string {
  if (field === 'aliases') return entry.aliases.join(' | ');
  if (field === 'questions') return entry.questions.join(' | ');
  return entry[field];
}

/** Index terms of a text: the same pipeline the questions go through. */
export function indexTerms(text: string): string[] {
  return chatWords(text, SLANG)
    .filter((w) => !isStopWord(w))
    .map(stem);
}

/** Per-entry term strengths, document frequencies and the raw-word list for typo correction. */
export interface Vocabulary {
  /** Number of entries. */
  size: number;
  /** entry id -> term -> strongest field strength the term appears in. */
  strengths: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** entry id -> its terms, for strength and prefix look-ups. */
  terms: ReadonlyMap<string, EntryTerms>;
  /** Every term of every entry, sorted. */
  allTerms: readonly string[];
  /** term -> number of entries containing it. */
  documentFrequency: ReadonlyMap<string, number>;
  /** raw (unstemmed) words of titles and aliases -> occurrences: the candidates for typo correction. */
  rawWords: ReadonlyMap<string, number>;
  /** term -> the strongest field strength it has in any entry. */
  maxStrength: ReadonlyMap<string, number>;
  /** entry id -> its multi-word names as term sequences. */
  phrases: ReadonlyMap<string, readonly string[][]>;
  /** entry id -> the terms of its title, when the title is short enough to be a name. */
  titleTerms: ReadonlyMap<string, ReadonlySet<string>>;
  /** entry id -> every term of its title and aliases. */
  nameTerms: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * A word that is only part of a longer name ("best" in "best language") is weaker evidence
 * than a whole name; the whole phrase, when the question contains it, counts in full.
 */
export const NAME_PART_STRENGTH = 0.85;

/** "Version control" is a name; "How much do backend developers earn?" is a question. */
const MAX_NAME_TITLE_TERMS = 3;

/** The entry's names: its title and aliases, each as a sequence of terms. */
function names(entry: Entry): string[][] {
  return [entry.title, ...entry.aliases].map(indexTerms).filter((terms) => terms.length > 0);
}

function entryStrengths(entry: Entry, rawWords: Map<string, number>): Map<string, number> {
  const strengths = new Map<string, number>();
  const raise = (term: string, strength: number) =>
    strengths.set(term, Math.max(strengths.get(term) ?? 0, strength));
  for (const field of FIELDS) {
    for (const word of chatWords(fieldText(entry, field), SLANG)) {
      if (isStopWord(word)) continue;
      // People misspell the names of things; correcting towards prose words mostly turns
      // everyday words into false topics ("parking" -> "parsing").
      if (field === 'title' || field === 'aliases') rawWords.set(word, (rawWords.get(word) ?? 0) + 1);
      else raise(stem(word), FIELD_STRENGTH[field]);
    }
  }
  for (const name of [entry.title, ...entry.aliases]) {
    const terms = indexTerms(name);
    // "where to start" is not a name for "start": a name is whole only when no word was dropped.
    const whole = terms.length === 1 && chatWords(name, SLANG).length === 1;
    for (const term of terms) raise(term, whole ? FIELD_STRENGTH.aliases : NAME_PART_STRENGTH);
  }
  return strengths;
}

export function buildVocabulary(entries: readonly Entry[]): Vocabulary {
  const rawWords = new Map<string, number>();
  const strengths = new Map<string, Map<string, number>>();
  const documentFrequency = new Map<string, number>();
  const maxStrength = new Map<string, number>();
  for (const entry of entries) {
    const terms = entryStrengths(entry, rawWords);
    strengths.set(entry.id, terms);
    for (const [term, s] of terms) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + s);
      maxStrength.set(term, Math.max(maxStrength.get(term) ?? 0, s));
    }
  }
  const terms = new Map([...strengths].map(([id, entryTerms]) => [id, new EntryTerms(entryTerms)]));
  const phrases = new Map(entries.map((e) => [e.id, names(e).filter((name) => name.length > 1)]));
  const titleTerms = new Map(
    entries.map((e) => {
      const terms = indexTerms(e.title);
      return [e.id, new Set(terms.length <= MAX_NAME_TITLE_TERMS ? terms : [])];
    }),
  );
  return {
    size: entries.length,
    strengths,
    terms,
    allTerms: [...documentFrequency.keys()].sort(),
    documentFrequency,
    rawWords,
    maxStrength,
    phrases,
    titleTerms,
    nameTerms: new Map(entries.map((e) => [e.id, new Set(names(e).flat())])),
  };
}

/** How informative a term is across the entries (BM25's idf): rare terms say more. */
export function inverseFrequency(vocabulary: Vocabulary, term: string): number {
  const df = vocabulary.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (vocabulary.size - df + 0.5) / (df + 0.5));
}

function firstAtLeast(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] ?? '') < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Prefix matches count for less than whole words. */
export const PREFIX_FACTOR = 0.6;

/** Prefix strengths remembered per entry; terms come from the content and the lexicon. */
const PREFIX_MEMO_LIMIT = 20_000;

/** One entry's terms, with the prefix look-ups that every question repeats remembered. */
export class EntryTerms {
  readonly #strengths: ReadonlyMap<string, number>;
  readonly #sorted: readonly string[];
  readonly #byPrefix = new Map<string, number>();

  constructor(strengths: ReadonlyMap<string, number>) {
    this.#strengths = strengths;
    this.#sorted = [...strengths.keys()].sort();
  }

  /** How strongly `term` (or, for 4+ letters, a longer word starting with it) speaks for the entry. */
  strength(term: string): number {
    const exact = this.#strengths.get(term) ?? 0;
    if (term.length < 4 || exact >= 1) return exact;
    const known = this.#byPrefix.get(term);
    if (known !== undefined) return known;
    const strength = Math.max(exact, this.#longer(term) * PREFIX_FACTOR);
    if (this.#byPrefix.size >= PREFIX_MEMO_LIMIT) this.#byPrefix.clear();
    this.#byPrefix.set(term, strength);
    return strength;
  }

  /** The strongest term of the entry that is `term` plus more letters. */
  #longer(term: string): number {
    let longer = 0;
    for (let i = firstAtLeast(this.#sorted, term); i < this.#sorted.length; i++) {
      const candidate = this.#sorted[i] ?? '';
      if (!candidate.startsWith(term)) break;
      if (candidate !== term) longer = Math.max(longer, this.#strengths.get(candidate) ?? 0);
    }
    return longer;
  }
}

/**
 * Endings that turn a verb or adjective into the noun the content uses ("communicat" ->
 * "communication"). Agent nouns are not among them: "contain" is not "container", nor "serve" "server".
 */
const NOUN_ENDINGS = new Set(['ion', 'ions', 'ation', 'ations', 'ication', 'ment', 'ments', 'ity', 'ities']);

/** The shortest known term that is `prefix` plus a noun ending ("communicat" -> "communication"). */
export function completion(vocabulary: Vocabulary, prefix: string): string | undefined {
  if (prefix.length < 5) return undefined;
  const sorted = vocabulary.allTerms;
  for (let i = firstAtLeast(sorted, prefix); i < sorted.length; i++) {
    const term = sorted[i] ?? '';
    if (!term.startsWith(prefix)) return undefined;
    if (NOUN_ENDINGS.has(term.slice(prefix.length))) return term;
  }
  return undefined;
}

function containsRun(sequence: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let start = 0; start + phrase.length <= sequence.length; start++) {
    for (let i = 0; i < phrase.length; i++) if (sequence[start + i] !== phrase[i]) continue outer;
    return true;
  }
  return false;
}

/** The terms of the entry's multi-word names that occur whole, in order, in the question. */
export function phraseTerms(
  vocabulary: Vocabulary,
  entryId: string,
  sequence: readonly string[],
): Set<string> {
  const found = new Set<string>();
  for (const phrase of vocabulary.phrases.get(entryId) ?? []) {
    if (containsRun(sequence, phrase)) for (const term of phrase) found.add(term);
  }
  return found;
}
