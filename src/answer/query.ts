import { CONCEPTS } from './concepts.ts';
import { chatWords, isGenericWord, isStopWord, normalizeText, stem } from './normalize.ts';
import { PHRASES, SLANG } from './synonyms.ts';
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
}

/**
 * Weight of a word the content never uses. High enough that "wifi password" is not a security
 * question just because "password" is one. A long message's chatter thins its coverage this
 * way, which the long-message rule in confidence.ts allows for.
 */
export const UNKNOWN_WEIGHT = 2;

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

function analyzeWord(word: string, vocabulary: Vocabulary, corrector: Corrector): QueryWord {
  const terms = new Map<string, number>();
  const typed = stem(word);
  let weight = UNKNOWN_WEIGHT;
  if (knownTerm(vocabulary, typed)) {
    terms.set(typed, TRUST.typed);
    weight = knownWeight(vocabulary, typed);
  } else {
    // "communicate" for "communication": a longer form the content uses, else a typo.
    const longer = completion(vocabulary, typed);
    const corrected = longer ? undefined : corrector.correct(word);
    if (longer) {
      terms.set(typed, TRUST.corrected);
      weight = knownWeight(vocabulary, longer);
    } else if (corrected) {
      const term = stem(corrected);
      terms.set(term, TRUST.corrected);
      weight = knownWeight(vocabulary, term);
    }
  }
  const concept = CONCEPTS[word];
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
  return { word: typed, weight, terms, generic };
}

/** Idioms in the question, each as one extra word standing for its topic words. */
function phraseWords(question: string, absorbed: Set<string>): QueryWord[] {
  const text = normalizeText(question).replace(/[^a-z0-9]+/g, ' ');
  return PHRASES.filter(([pattern]) => pattern.test(text)).map(([pattern, targets, absorbs]) => {
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

/** The meaningful words of a question, each with its search terms and weight. */
export function analyzeQuery(question: string, vocabulary: Vocabulary, corrector: Corrector): QueryWord[] {
  const seen = new Set<string>();
  const words: QueryWord[] = phraseWords(question, seen);
  for (const word of chatWords(question, SLANG)) {
    if (isStopWord(word) || seen.has(word)) continue;
    seen.add(word);
    words.push(analyzeWord(word, vocabulary, corrector));
    if (words.length >= MAX_WORDS) break;
  }
  return words;
}
