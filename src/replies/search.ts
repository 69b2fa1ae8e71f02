/**
 * Full-text search over passages (MiniSearch, BM25): which bullets, paragraphs or tips of an
 * entry speak to a question. The answerer decides the entry; this decides the passage. Pure
 * once built.
 */
import MiniSearch from 'minisearch';
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

/** Lower case, no filler, and a light plural fold so "indexes" finds "index" and "queues" "queue". */
export function processTerm(term: string): string | null {
  const word = term.toLowerCase();
  if (word.length < 2 || FILLER.has(word)) return null;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
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

export function buildPassageIndex(content: Content): PassageIndex {
  const passages = allPassages(content);
  const weights = entryTermWeights(passages);
  const byKey = new Map(passages.map((p) => [p.key, p]));
  const index = new MiniSearch<Passage>({
    idField: 'key',
    fields: ['label', 'heading', 'text'],
    storeFields: ['entryId'],
    processTerm,
  });
  index.addAll(passages);
  return {
    termsOf: (question) => [...new Set(processedTerms(question))],
    search(question, entryId) {
      const weight = weights.get(entryId) ?? (() => 1);
      const hits = index.search(question, {
        boost: BOOST,
        boostTerm: (term) => weight(term),
        prefix: (term) => term.length >= 5,
        fuzzy: (term) => (term.length >= 6 ? 0.15 : false),
        filter: (result) => result.entryId === entryId,
      });
      return hits.flatMap((hit) => {
        const passage = byKey.get(hit.id as string);
        return passage ? [{ passage, score: hit.score, terms: hit.queryTerms }] : [];
      });
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
