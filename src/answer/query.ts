import { markCompared } from './compare.ts';
import { IDIOMS } from './idioms.ts';
import { findPhrases, type LexiconTerm } from './lexicon.ts';
import { idiomText, isStopWord, normalizedChatWords, normalizeText, stem } from './normalize.ts';
import { isOffTopicWord, offTopicPhrases } from './offtopic.ts';
import { SLANG } from './synonyms.ts';
import {
  addTerms,
  applyLexicon,
  LEXICON_WEIGHT,
  offTopicWord,
  type QueryWord,
  TRUST,
  UNKNOWN_WEIGHT,
  type WordReader,
} from './words.ts';

export { type QueryWord, TRUST, UNKNOWN_WEIGHT, WordReader } from './words.ts';

/** Longer messages are read up to this many distinct meaningful words. */
const MAX_WORDS = 60;

/** Idioms in the normalized question, each as one extra word standing for its topic words. */
function phraseWords(text: string, absorbed: Set<string>): QueryWord[] {
  return IDIOMS.filter(([pattern]) => pattern.test(text)).map(([pattern, targets, absorbs]) => {
    for (const word of absorbs?.split(' ') ?? []) absorbed.add(word);
    const terms = new Map<string, number>();
    addTerms(terms, targets.split(' '), TRUST.phrase);
    return {
      word: pattern.source,
      weight: UNKNOWN_WEIGHT * TRUST.phrase,
      terms,
      generic: false,
      idiom: true,
    };
  });
}

/** A lexicon phrase ("media query", "lost update") as one word of the question. */
function lexiconPhraseWord(term: LexiconTerm, loose: boolean): QueryWord {
  const word: QueryWord = { word: term.text, weight: LEXICON_WEIGHT, terms: new Map(), generic: false };
  applyLexicon(word, term, TRUST.lexicon, loose);
  return word;
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

/** Words after a number that say it is a status code ("500 errors"), not a count ("200 lines"). */
const STATUS_NOUNS = new Set(['errors', 'responses', 'codes', 'statuses', 'pages', 'status']);

/** "200 lines", "500 users": a number that counts things, though it looks like a status code. */
function isQuantity(word: string, next: string | undefined): boolean {
  if (!/^[1-5]\d\d$/.test(word) || !next?.endsWith('s')) return false;
  return !STATUS_NOUNS.has(next);
}

/** Words that make what follows a time, not a topic ("before vacation", "after the offsite"). */
const TIME_WORDS = new Set(['before', 'after', 'during', 'until', 'till', 'since']);
const DETERMINERS = new Set([
  'my',
  'the',
  'our',
  'a',
  'his',
  'her',
  'their',
  'your',
  'this',
  'next',
  'parental',
]);

/**
 * "hand off my work before vacation": an off-topic word that only says when is no topic, and
 * does not veto the one the message is about.
 */
function isTimeContext(written: readonly string[], position: number): boolean {
  if (!isOffTopicWord(written[position] ?? '')) return false;
  let i = position - 1;
  while (i >= 0 && position - i <= 3 && DETERMINERS.has(written[i] ?? '')) i--;
  return TIME_WORDS.has(written[i] ?? '');
}

/**
 * Positions of the question's words that belong to a lexicon phrase, and the phrases as words.
 * A phrase with a word an idiom took ("demand" in "most in demand language") is left out.
 */
function lexiconPhrases(
  written: readonly string[],
  absorbed: ReadonlySet<string>,
): { words: QueryWord[]; inPhrase: Map<number, QueryWord> } {
  const inPhrase = new Map<number, QueryWord>();
  const hits = findPhrases(written.map(stem)).filter(
    ({ start, span }) => !written.slice(start, start + span).some((w) => absorbed.has(w)),
  );
  const words = hits.map(({ term, start, span }) => {
    const word = lexiconPhraseWord(term, span > term.stems.length);
    for (let i = 0; i < span; i++) inPhrase.set(start + i, word);
    return word;
  });
  return { words, inPhrase };
}

/** The meaningful words of a question, each with its search terms and weight. */
export function analyzeQuery(question: string, reader: WordReader): Query {
  const seen = new Map<string, QueryWord>();
  const normalized = normalizeText(question);
  const text = normalized.replace(/[^a-z0-9]+/g, ' ');
  const absorbed = new Set<string>();
  const idioms = phraseWords(idiomText(normalized, SLANG), absorbed);
  const written = normalizedChatWords(normalized, SLANG);
  const phrases = lexiconPhrases(written, absorbed);
  const words: QueryWord[] = [...idioms, ...offTopicPhrases(text).map(offTopicWord), ...phrases.words];
  const sequence = idioms.flatMap((idiom) => [...idiom.terms.keys()]);
  const at: Array<QueryWord | undefined> = [];
  for (const [position, word] of written.entries()) {
    if (isStopWord(word) || absorbed.has(word)) continue;
    // "logged" and "logs" are one word of the question, not two.
    const key = stem(word);
    const phrase = phrases.inPhrase.get(position);
    if (phrase) {
      at[position] = phrase;
      sequence.push(key);
      continue;
    }
    if (isQuantity(word, written[position + 1]) || isTimeContext(written, position)) continue;
    let analyzed = seen.get(key);
    if (!analyzed) {
      if (seen.size >= MAX_WORDS) break;
      analyzed = reader.read(word);
      seen.set(key, analyzed);
      words.push(analyzed);
    }
    at[position] = analyzed;
    sequence.push(bestTerm(analyzed));
  }
  markCompared(written, at);
  return { words, sequence };
}
