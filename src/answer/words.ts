/**
 * One word of a question as the answerer reads it: the index terms it may stand for (as typed,
 * completed, corrected, via the lexicon or a concept), how much it says, and what kind of word
 * it is. Words repeat across messages ("deploy", "the", "postgres"), so each is read once and
 * remembered (WordReader).
 */
import { conceptOf } from './concepts.ts';
import { type LexiconTerm, lexiconWord } from './lexicon.ts';
import { isGenericWord, isStopWord, stem } from './normalize.ts';
import { isEverydayName, isOffTopicWord } from './offtopic.ts';
import type { Corrector } from './typos.ts';
import { completion, inverseFrequency, type Vocabulary } from './vocabulary.ts';

/** How much a search term is trusted, by where it came from. */
export const TRUST = { typed: 1, lexicon: 0.9, corrected: 0.85, phrase: 0.85, concept: 0.7 } as const;

/**
 * One meaningful word of the question, with the index terms that may stand for it. Coverage
 * asks, word by word, whether an entry explains what the person wrote.
 */
export interface QueryWord {
  /** What the person typed, normalized. */
  word: string;
  /** How much this word says: rare index terms a lot, unknown words (likely off-topic) too. */
  weight: number;
  /** index term -> trust. */
  terms: Map<string, number>;
  /** Everyday words rank entries less than topic words do. */
  generic: boolean;
  /** Stands for an idiom of the whole question ("how much do they make") rather than one word. */
  idiom?: boolean;
  /** Points away from backend development ("printer", "lunch", "reset my password"). */
  offTopic?: boolean;
  /** Names a topic but is also everyday English ("spring", "python"): no strong signal alone. */
  everyday?: boolean;
  /** A lexicon term: a technical word or phrase that names its topic. */
  technical?: boolean;
  /** One side of an "x or y" / "x vs y": two names of one entry weighed against each other. */
  compared?: boolean;
}

/**
 * Weight of a word the content never uses. High enough that "wifi password" is not a security
 * question just because "password" is one. A long message's chatter thins its coverage this
 * way, which the long-message rule in confidence.ts allows for.
 */
export const UNKNOWN_WEIGHT = 2;

/** Weight of an off-topic cue: it explains nothing in any entry, and says more than an unknown word. */
export const OFF_TOPIC_WEIGHT = 3;

/** Weight of a lexicon term: at least that of a word the content never uses. */
export const LEXICON_WEIGHT = 2;

const GENERIC_WEIGHT = 0.4;
/** Terms whose strongest field is the body... */
const PROSE_ONLY = 0.8;
/** ...weigh at most this much. */
const PROSE_CAP = 1;

/**
 * A rare word is informative only if the content uses it as a topic word. One that only
 * occurs in passing in some entry's prose ("implement", "return") is everyday language, and
 * weighs no more than that, however rare it is in 19 entries.
 */
function knownWeight(vocabulary: Vocabulary, term: string): number {
  const idf = inverseFrequency(vocabulary, term);
  const strength = vocabulary.maxStrength.get(term) ?? 0;
  return strength >= PROSE_ONLY ? idf : Math.min(idf, PROSE_CAP);
}

function knownTerm(vocabulary: Vocabulary, term: string): boolean {
  return vocabulary.documentFrequency.has(term);
}

/** "oauth2", "python3", "html5": a version number on a known name is still that name. */
function withoutVersion(word: string, vocabulary: Vocabulary): string {
  const base = /^([a-z]{3,})v?\d+$/.exec(word)?.[1];
  return base && knownTerm(vocabulary, stem(base)) ? base : word;
}

interface Reading {
  terms: Map<string, number>;
  weight: number;
  everyday: boolean;
  /** The word the person probably meant, when the typed one is unknown. */
  corrected?: string;
}

/**
 * The index term the person meant: as typed, a longer form the content uses ("communicate"
 * for "communication"), else a typo's correction. Words we know as concepts or lexicon terms
 * are real words, not typos ("slack" is not "stack").
 */
function readWord(word: string, vocabulary: Vocabulary, corrector: Corrector, isKnown: boolean): Reading {
  const typed = stem(word);
  const reading: Reading = { terms: new Map(), weight: UNKNOWN_WEIGHT, everyday: isEverydayName(word) };
  if (knownTerm(vocabulary, typed)) {
    reading.terms.set(typed, TRUST.typed);
    reading.weight = knownWeight(vocabulary, typed);
    return reading;
  }
  const longer = completion(vocabulary, typed);
  if (longer) {
    reading.terms.set(typed, TRUST.corrected);
    reading.weight = knownWeight(vocabulary, longer);
    return reading;
  }
  const corrected = isKnown ? undefined : corrector.correct(word);
  if (corrected) {
    reading.corrected = corrected;
    reading.everyday = isEverydayName(corrected);
    const term = stem(corrected);
    if (!knownTerm(vocabulary, term)) return reading;
    reading.terms.set(term, TRUST.corrected);
    reading.weight = knownWeight(vocabulary, term);
  }
  return reading;
}

/** Adds index terms at a trust, keeping any higher trust a term already has. */
export function addStems(terms: Map<string, number>, stems: Iterable<string>, trust: number): void {
  for (const term of stems) if ((terms.get(term) ?? 0) < trust) terms.set(term, trust);
}

/** Adds topic words (as written in the tables) at a trust. */
export function addTerms(terms: Map<string, number>, targets: readonly string[], trust: number): void {
  addStems(terms, targets.filter((t) => !isStopWord(t)).map(stem), trust);
}

/**
 * A lexicon term names its topic: trusted nearly as much as typed, never weightless. One that
 * is also everyday English ("button", "ticket"), or a phrase found only with a filler word
 * inside ("first backend job"), only bridges to its topic, as a concept does.
 */
export function applyLexicon(word: QueryWord, term: LexiconTerm, trust: number, loose = false): void {
  if (loose || isEverydayName(term.text)) {
    word.everyday = true;
    // A loose phrase still names its topic, as an everyday word typed as such does.
    addStems(word.terms, term.anchors, loose ? TRUST.corrected : TRUST.concept);
    word.weight = Math.max(word.weight, UNKNOWN_WEIGHT * TRUST.concept);
    return;
  }
  addStems(word.terms, term.anchors, trust);
  word.weight = Math.max(word.weight, LEXICON_WEIGHT);
  word.technical = true;
}

function analyzeWord(written: string, vocabulary: Vocabulary, corrector: Corrector): QueryWord {
  const word = withoutVersion(written, vocabulary);
  const concept = conceptOf(word);
  const lexical = lexiconWord(word);
  const reading = readWord(word, vocabulary, corrector, concept !== undefined || lexical !== undefined);
  const analyzed: QueryWord = {
    word: stem(word),
    weight: reading.weight,
    terms: reading.terms,
    generic: isGenericWord(word),
    everyday: reading.everyday,
  };
  if (concept) {
    addTerms(analyzed.terms, concept.split(' '), TRUST.concept);
    analyzed.weight = Math.max(analyzed.weight, UNKNOWN_WEIGHT * TRUST.concept);
  }
  const misspelt = reading.corrected ? lexiconWord(reading.corrected) : undefined;
  if (lexical) applyLexicon(analyzed, lexical, TRUST.lexicon);
  else if (misspelt) applyLexicon(analyzed, misspelt, TRUST.corrected);
  if (analyzed.generic) analyzed.weight = Math.min(analyzed.weight, GENERIC_WEIGHT);
  return analyzed;
}

export function offTopicWord(word: string): QueryWord {
  return { word, weight: OFF_TOPIC_WEIGHT, terms: new Map(), generic: false, offTopic: true };
}

/** Words remembered; chat vocabulary is large but repetitive. */
const WORD_CACHE_LIMIT = 20_000;

/** Reads single words against one vocabulary, remembering each reading. */
export class WordReader {
  readonly #vocabulary: Vocabulary;
  readonly #corrector: Corrector;
  readonly #cache = new Map<string, QueryWord>();

  constructor(vocabulary: Vocabulary, corrector: Corrector) {
    this.#vocabulary = vocabulary;
    this.#corrector = corrector;
  }

  /** A fresh copy each time: a question marks its own words (compare.ts). */
  read(word: string): QueryWord {
    let reading = this.#cache.get(word);
    if (!reading) {
      reading = isOffTopicWord(word)
        ? offTopicWord(word)
        : analyzeWord(word, this.#vocabulary, this.#corrector);
      if (this.#cache.size >= WORD_CACHE_LIMIT) this.#cache.clear();
      this.#cache.set(word, reading);
    }
    return { ...reading };
  }
}
