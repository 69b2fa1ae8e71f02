/**
 * Full-text search over passages (MiniSearch, BM25): which bullets, paragraphs or tips of an
 * entry speak to a question. The answerer decides the entry; this decides the passage. Pure
 * once built.
 */
import MiniSearch from 'minisearch';
import { createTextReader } from '../answer/text.ts';
import type { Content } from '../content/load.ts';
import { allPassages, type Passage } from './passages.ts';

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
  /** How many distinct searchable terms the question has. */
  termsOf(question: string): string[];
}

/**
 * Words that carry no topic. BM25 already discounts common words, but in a question they would
 * still pull passages that happen to say "what" or "does" towards the top.
 */
const FILLER = new Set(
  (
    'a an the and or but not no of to in on at by for with from into about as is are was were be been ' +
    'being am do does did doing have has had i me my we our you your it its this that these those there ' +
    'what whats which who whom whose why how when where can could should would will shall may might must ' +
    'vs versus v difference between mean means meaning explain tell please pls plz stand stands ' +
    'example examples really just like so if then than also any some more most very much get got use ' +
    'using used one thing things way ways work works something anyone someone need want know'
  ).split(/\s+/),
);

/**
 * Lower case, no filler, and a light plural fold so "indexes" finds "index", "queues" "queue"
 * and "cookies" "cookie" ("-ies" and "-ie" both end up as "-y": "tries" and "trie" meet too).
 */
export function processTerm(term: string): string | null {
  const word = term.toLowerCase();
  if (word.length < 2 || FILLER.has(word)) return null;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('ie')) return `${word.slice(0, -2)}y`;
  if (word.length > 4 && /(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The label names the topic a bullet is about; the heading, the wider subject. */
const BOOST = { label: 5, heading: 1.2, text: 1 } as const;

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

function processedTerms(text: string): string[] {
  return tokenize(text)
    .map(processTerm)
    .filter((t): t is string => typeof t === 'string' && t.length > 0);
}

/**
 * Per entry, how rare each term is among that entry's passages. Corpus-wide BM25 leaves an
 * entry's own subject ("git" in Version control, "http" in APIs) weighing as much as the
 * detail asked about ("201"), although inside the entry it tells passages apart poorly.
 */
function entryTermWeights(passages: Passage[]): Map<string, (term: string) => number> {
  const counts = new Map<string, { passages: number; df: Map<string, number> }>();
  for (const passage of passages) {
    const entry = counts.get(passage.entryId) ?? { passages: 0, df: new Map<string, number>() };
    entry.passages += 1;
    const terms = new Set(processedTerms(`${passage.label} ${passage.heading} ${passage.text}`));
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

/** How many of the question's terms a passage must match: all of one or two, all but one of more. */
const needed = (terms: number) => (terms <= 2 ? terms : terms - 1);
/**
 * A term found in at most this many passages names a subject on its own ("hydration", "202"),
 * even where no label carries it; then the passage must match every term of the question.
 */
const RARE_IN_PASSAGES = 3;
/**
 * A label names the question's subject only through a term this specific: "Relational
 * databases" does not plainly answer "which database should we use".
 */
const SPECIFIC_IN_PASSAGES = 20;
/** A question that weighs two things against each other. */
const COMPARISON = /\b(vs\.?|versus|or|difference|differences|compared?|better)\b/i;

/** Each passage's terms (exactly as questions are read), and in how many passages each occurs. */
function passageTerms(passages: Passage[]): { byKey: Map<string, Set<string>>; df: Map<string, number> } {
  const byKey = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  for (const passage of passages) {
    const terms = new Set(processedTerms(`${passage.label} ${passage.heading} ${passage.text}`));
    byKey.set(passage.key, terms);
    for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return { byKey, df };
}
/** Only the best few hits are worth checking: further down, the match is weaker anyway. */
const PLAIN_ANSWER_CANDIDATES = 5;

/** The question in the content's own words: slang ("pr", "k8s") and misspellings rewritten. */
function readerFor(content: Content): (question: string) => string {
  const read = createTextReader(content.language, {
    slang: true,
    misspellings: true,
    stopwords: false,
    stopwordChars: false,
  });
  return (question) => read(question).words.join(' ');
}

export function buildPassageIndex(content: Content): PassageIndex {
  const passages = allPassages(content);
  const weights = entryTermWeights(passages);
  const byKey = new Map(passages.map((p) => [p.key, p]));
  const normalise = readerFor(content);
  const { byKey: termsByKey, df } = passageTerms(passages);
  const within = (limit: number) => (term: string) => (df.get(term) ?? 0) > 0 && (df.get(term) ?? 0) <= limit;
  const rare = within(RARE_IN_PASSAGES);
  const specific = within(SPECIFIC_IN_PASSAGES);
  /**
   * Exact terms only: a prefix or typo match is too weak to answer on. A comparison ("postgres or
   * mongo") needs a passage about both sides, not one that mentions them in passing.
   */
  const isPlain = (hit: PassageHit, terms: string[], comparison: boolean) => {
    const has = termsByKey.get(hit.passage.key) ?? new Set<string>();
    const named = new Set(processedTerms(normalise(hit.passage.label || hit.passage.tipTitle || '')));
    const matched = terms.filter((t) => has.has(t));
    if (matched.length < needed(terms.length)) return false;
    if (comparison) {
      const namedMatched = matched.filter((t) => named.has(t));
      return namedMatched.length >= 2 && namedMatched.some(specific);
    }
    if (matched.some((t) => named.has(t) && specific(t))) return true;
    return matched.length === terms.length && matched.some(rare);
  };
  const index = new MiniSearch<Passage>({
    idField: 'key',
    fields: ['label', 'heading', 'text'],
    storeFields: ['entryId'],
    processTerm,
  });
  index.addAll(passages);
  const run = (question: string, options: Parameters<typeof index.search>[1]): PassageHit[] =>
    index.search(normalise(question), options).flatMap((hit) => {
      const passage = byKey.get(hit.id as string);
      return passage ? [{ passage, score: hit.score, terms: hit.queryTerms }] : [];
    });
  const termsOf = (question: string) => [...new Set(processedTerms(normalise(question)))];
  const fuzzy = {
    prefix: (term: string) => term.length >= 5,
    fuzzy: (term: string) => (term.length >= 6 ? 0.15 : false),
  };
  return {
    termsOf,
    search(question, entryId) {
      const weight = weights.get(entryId) ?? (() => 1);
      return run(question, {
        ...fuzzy,
        boost: BOOST,
        boostTerm: (term) => weight(term),
        filter: (result) => result.entryId === entryId,
      });
    },
    plainAnswer(question) {
      const terms = termsOf(question);
      if (terms.length === 0) return undefined;
      return run(question, { ...fuzzy, boost: BOOST })
        .slice(0, PLAIN_ANSWER_CANDIDATES)
        .find((hit) => isPlain(hit, terms, COMPARISON.test(question)));
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
