/**
 * Full-text search over passages (MiniSearch, BM25): which bullets, paragraphs or tips of an
 * entry speak to a question. The answerer decides the entry; this decides the passage. Pure
 * once built.
 */
import MiniSearch from 'minisearch';
import { createTextReader } from '../answer/text.ts';
import type { Content } from '../content/load.ts';
import { allPassages, namedBy, type Passage } from './passages.ts';
import { definingPassage, ownTermsOf, plainAnswerGate } from './plain.ts';
import { processedTerms, processTerm } from './terms.ts';

export interface PassageHit {
  passage: Passage;
  score: number;
  /** The question's terms (after processing) this passage matched. */
  terms: string[];
}

export interface PassageIndex {
  /** Passages of `entryId` matching `question`, best first. */
  search(question: string, entryId: string): PassageHit[];
  /**
   * A passage of any entry that plainly answers `question`, for when the classifier is unsure:
   * one whose label or tip title names a term of the question and which matches (nearly) all
   * of them, or one that matches all of them, one being rare in the content. Undefined when no
   * passage is that clear.
   */
  plainAnswer(question: string): PassageHit | undefined;
  /**
   * Passages of `entryId` to offer as a guess when the classifier is unsure, best first, or none
   * when the best one is a weak lead: it must match a specific word of the question (one found in
   * few passages: "sharding", not "down"), and a rare one unless the entry is a likely reading
   * (`likelihood`, the classifier's score). A strong reading needs only some match.
   */
  guess(question: string, entryId: string, likelihood: number): PassageHit[];
  /**
   * The entry of the passage whose label (or tip title) names a rare word of `question`, when
   * the classifier's readings offer nothing better to guess from: "429" names the APIs bullet on
   * 429 Too Many Requests wherever the question's other words point.
   */
  namedIn(question: string): string | undefined;
  /** How many distinct searchable terms the question has. */
  termsOf(question: string): string[];
}

/**
 * The label names the topic a bullet is about; the heading, the wider subject; `asks`, the words
 * people use when they want it.
 */
const BOOST = { label: 5, heading: 1.2, text: 1, asks: 1 } as const;

/**
 * Per entry, how rare each term is among that entry's passages. Corpus-wide BM25 leaves an
 * entry's own subject ("git" in Version control, "http" in APIs) weighing as much as the
 * detail asked about ("201"), although inside the entry it tells passages apart poorly.
 */
function entryTermWeights(
  passages: Passage[],
  ownTerms: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, (term: string) => number> {
  const counts = new Map<string, { passages: number; df: Map<string, number> }>();
  for (const passage of passages) {
    const entry = counts.get(passage.entryId) ?? { passages: 0, df: new Map<string, number>() };
    entry.passages += 1;
    const terms = new Set([...(ownTerms.get(passage.key) ?? []), ...processedTerms(passage.asks)]);
    for (const term of terms) entry.df.set(term, (entry.df.get(term) ?? 0) + 1);
    counts.set(passage.entryId, entry);
  }
  const weights = new Map<string, (term: string) => number>();
  for (const [entryId, { passages: n, df }] of counts) {
    const rarest = Math.log(1 + n);
    weights.set(entryId, (term) => Math.log(1 + n / Math.max(1, df.get(term) ?? 1)) / rarest);
  }
  return weights;
}

/** A reading the classifier gives this much is worth a guess on any matching passage... */
const STRONG_READING = 0.3;
/** ...this much, on a passage matching a specific word; below, only a rare word will do. */
const LIKELY_READING = 0.12;

/** How many words of a question passage search reads. */
const MAX_QUERY_WORDS = 80;

/** Only the best few hits are worth checking: further down, the match is weaker anyway. */
const PLAIN_ANSWER_CANDIDATES = 5;

/**
 * Bits of code as typed ("1=1", "==", "--force"): the chat-language reader keeps words only, but
 * these name an attack or an operator better than any word around them.
 */
function codeTokens(question: string): string {
  return question
    .split(/\s+/)
    .filter((token) => /[=<>!|&-]/.test(token) && /[\p{L}\p{N}=]/u.test(token))
    .join(' ');
}

/** The question in the content's own words: slang ("pr", "k8s") and misspellings rewritten. */
function readerFor(content: Content): (question: string) => string {
  const read = createTextReader(content.language, { slang: true, misspellings: true });
  return (question) => read(question).join(' ');
}

export function buildPassageIndex(content: Content): PassageIndex {
  const passages = allPassages(content);
  const ownTerms = ownTermsOf(passages);
  const weights = entryTermWeights(passages, ownTerms);
  const byKey = new Map(passages.map((p) => [p.key, p]));
  const normalise = readerFor(content);
  const { isPlain, isSpecific, isRare } = plainAnswerGate(ownTerms, normalise);
  const index = new MiniSearch<Passage>({
    idField: 'key',
    fields: ['label', 'heading', 'text', 'asks'],
    storeFields: ['entryId'],
    processTerm,
  });
  index.addAll(passages);
  // A pasted log or essay says what it is about early; searching all of its words, typo-tolerant,
  // only costs time (tens of milliseconds at 2,000 characters).
  const read = (question: string) => {
    const words = `${normalise(question)} ${codeTokens(question)}`.split(/\s+/);
    return words.slice(0, MAX_QUERY_WORDS).join(' ');
  };
  const run = (question: string, options: Parameters<typeof index.search>[1]): PassageHit[] =>
    index.search(read(question), options).flatMap((hit) => {
      const passage = byKey.get(hit.id as string);
      return passage ? [{ passage, score: hit.score, terms: hit.queryTerms }] : [];
    });
  const termsOf = (question: string) => [...new Set(processedTerms(read(question)))];
  const fuzzy = {
    prefix: (term: string) => term.length >= 5,
    fuzzy: (term: string) => (term.length >= 6 ? 0.15 : false),
  };
  const search = (question: string, entryId: string) => {
    const weight = weights.get(entryId) ?? (() => 1);
    return run(question, {
      ...fuzzy,
      boost: BOOST,
      boostTerm: (term) => weight(term),
      filter: (result) => result.entryId === entryId,
    });
  };
  return {
    termsOf,
    search,
    guess(question, entryId, likelihood) {
      const hits = search(question, entryId);
      const terms = hits[0]?.terms ?? [];
      const lead =
        likelihood >= STRONG_READING ||
        terms.some(isRare) ||
        (likelihood >= LIKELY_READING && terms.some(isSpecific));
      return lead ? hits : [];
    },
    namedIn(question) {
      const rare = termsOf(question).filter(isRare);
      if (rare.length === 0) return undefined;
      const named = run(question, { boost: BOOST })
        .slice(0, PLAIN_ANSWER_CANDIDATES)
        .find((hit) => processedTerms(namedBy(hit.passage)).some((t) => rare.includes(t)));
      return named?.passage.entryId;
    },
    plainAnswer(question) {
      const terms = termsOf(question);
      if (terms.length === 0) return undefined;
      const gated = run(question, { ...fuzzy, boost: BOOST })
        .slice(0, PLAIN_ANSWER_CANDIDATES)
        .find((hit) => isPlain(hit, question, terms));
      if (gated || terms.length !== 1 || !terms[0]) return gated;
      // One word asked about ("what does API stand for"): the passage that spells it out.
      const defining = definingPassage(terms[0], passages);
      return defining ? { passage: defining, score: 0, terms } : undefined;
    },
  };
}

const built = new WeakMap<Content, PassageIndex>();

/** One index per loaded content, built on first use. */
export function passageIndexFor(content: Content): PassageIndex {
  let index = built.get(content);
  if (!index) {
    index = buildPassageIndex(content);
    built.set(content, index);
  }
  return index;
}
