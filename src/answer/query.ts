import { conceptOf } from './concepts.ts';
import { IDIOMS } from './idioms.ts';
import { chatWords, isGenericWord, isStopWord, normalizeText, stem } from './normalize.ts';
import { isEverydayName, isOffTopicWord, offTopicPhrases } from './offtopic.ts';
import { SLANG } from './synonyms.ts';
import type { Corrector } from './typos.ts';
import { completion, inverseFrequency, type Vocabulary } from './vocabulary.ts';

/** How much a search term is trusted, by where it came from. */
export const TRUST = { typed: 1, corrected: 0.85, phrase: 0.85, concept: 0.7 } as const;

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
}

/**
 * Weight of a word the content never uses. High enough that "wifi password" is not a security
 * question just because "password" is one. A long message's chatter thins its coverage this
 * way, which the long-message rule in confidence.ts allows for.
 */
export const UNKNOWN_WEIGHT = 2;

/** Weight of an off-topic cue: it explains nothing in any entry, and says more than an unknown word. */
export const OFF_TOPIC_WEIGHT = 3;

const GENERIC_WEIGHT = 0.4;
/** Terms whose strongest field is the body... */
const PROSE_ONLY = 0.8;
/** ...weigh at most this much. */
const PROSE_CAP = 1;

/** Longer messages are read up to this many distinct meaningful words. */
const MAX_WORDS = 60;

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
}

/**
 * The index term the person meant: as typed, a longer form the content uses ("communicate"
 * for "communication"), else a typo's correction. Words we know as concepts are real words,
 * not typos ("slack" is not "stack").
 */
function readWord(word: string, vocabulary: Vocabulary, corrector: Corrector, isConcept: boolean): Reading {
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
  const corrected = isConcept ? undefined : corrector.correct(word);
  if (corrected) {
    const term = stem(corrected);
    reading.terms.set(term, TRUST.corrected);
    reading.weight = knownWeight(vocabulary, term);
    reading.everyday = isEverydayName(corrected);
  }
  return reading;
}

function analyzeWord(written: string, vocabulary: Vocabulary, corrector: Corrector): QueryWord {
  const word = withoutVersion(written, vocabulary);
  const concept = conceptOf(word);
  let { terms, weight, everyday } = readWord(word, vocabulary, corrector, concept !== undefined);
  if (concept) {
    for (const target of concept.split(' ')) {
      if (isStopWord(target)) continue;
      const term = stem(target);
      if (!terms.has(term)) terms.set(term, TRUST.concept);
    }
    weight = Math.max(weight, UNKNOWN_WEIGHT * TRUST.concept);
  }
  const generic = isGenericWord(word);
  if (generic) weight = Math.min(weight, GENERIC_WEIGHT);
  return { word: stem(word), weight, terms, generic, everyday };
}

/** Idioms in the normalized question, each as one extra word standing for its topic words. */
function phraseWords(text: string, absorbed: Set<string>): QueryWord[] {
  return IDIOMS.filter(([pattern]) => pattern.test(text)).map(([pattern, targets, absorbs]) => {
    for (const word of absorbs?.split(' ') ?? []) absorbed.add(word);
    return {
      word: pattern.source,
      weight: UNKNOWN_WEIGHT * TRUST.phrase,
      terms: new Map(
        targets
          .split(' ')
          .filter((t) => !isStopWord(t))
          .map((t) => [stem(t), TRUST.phrase]),
      ),
      generic: false,
      idiom: true,
    };
  });
}

function offTopicWord(word: string): QueryWord {
  return { word, weight: OFF_TOPIC_WEIGHT, terms: new Map(), generic: false, offTopic: true };
}

/** A question as the answerer reads it. */
export interface Query {
  /** Its meaningful words, each once, with search terms and weight. */
  words: QueryWord[];
  /**
   * Its best terms in the order written, repeats included, with each idiom's topic words in
   * front: what multi-word names ("client side vs server side") are matched against.
   */
  sequence: string[];
}

function bestTerm(word: QueryWord): string {
  return [...word.terms.keys()][0] ?? word.word;
}

/** The meaningful words of a question, each with its search terms and weight. */
export function analyzeQuery(question: string, vocabulary: Vocabulary, corrector: Corrector): Query {
  const seen = new Map<string, QueryWord>();
  const text = normalizeText(question).replace(/[^a-z0-9]+/g, ' ');
  const absorbed = new Set<string>();
  const idioms = phraseWords(text, absorbed);
  const words: QueryWord[] = [...idioms, ...offTopicPhrases(text).map(offTopicWord)];
  const sequence = idioms.flatMap((idiom) => [...idiom.terms.keys()]);
  for (const word of chatWords(question, SLANG)) {
    if (isStopWord(word) || absorbed.has(word)) continue;
    // "logged" and "logs" are one word of the question, not two.
    const key = stem(word);
    let analyzed = seen.get(key);
    if (!analyzed) {
      if (seen.size >= MAX_WORDS) break;
      analyzed = isOffTopicWord(word) ? offTopicWord(word) : analyzeWord(word, vocabulary, corrector);
      seen.set(key, analyzed);
      words.push(analyzed);
    }
    sequence.push(bestTerm(analyzed));
  }
  return { words, sequence };
}
