import MiniSearch from 'minisearch';
import type { Content } from '../content/load.ts';
import type { Entry, EntryKind } from '../content/schema.ts';
import type { Candidate } from './confidence.ts';
import { coverageOf } from './coverage.ts';
import type { Query } from './query.ts';
import { FIELDS, type Field, fieldText, indexTerms, type Vocabulary } from './vocabulary.ts';

/** Field boosts for MiniSearch's BM25: names and curated phrasings outrank prose. */
export const BOOST: Record<Field, number> = { title: 3, aliases: 3, questions: 2, summary: 1.5, body: 1 };

/** Everyday words ("good", "put") barely move the ranking. */
const GENERIC_BOOST = 0.3;

type Doc = { id: string } & Record<Field, string>;

export function buildIndex(entries: readonly Entry[]): MiniSearch<Doc> {
  const index = new MiniSearch<Doc>({
    fields: FIELDS,
    tokenize: indexTerms,
    processTerm: (term) => term,
  });
  index.addAll(
    entries.map((entry) => {
      const doc = { id: entry.id } as Doc;
      for (const field of FIELDS) doc[field] = fieldText(entry, field);
      return doc;
    }),
  );
  return index;
}

/** Every index term the question may stand for, with how much it is trusted. */
export function searchTerms(query: Query): Map<string, number> {
  const trust = new Map<string, number>();
  for (const word of query.words) {
    const factor = word.generic ? GENERIC_BOOST : 1;
    for (const [term, t] of word.terms) {
      const weighted = t * factor;
      if (weighted > (trust.get(term) ?? 0)) trust.set(term, weighted);
    }
  }
  return trust;
}

const splitOnSpace = (text: string): string[] => text.split(' ');
const unchanged = (term: string): string => term;

/** Terms kept with their scores; the index's terms are a few thousand, so this rarely fills. */
const TERM_CACHE_LIMIT = 20_000;

/**
 * MiniSearch's BM25 over the entries, then each hit's coverage of the question: the candidates
 * confidence.ts ranks.
 *
 * MiniSearch scores an OR query as the sum of each term's boosted score, times the number of
 * the query's terms the entry matched. Each term's scores (field boosts and prefix matches
 * included) depend on the term alone, so they are asked of MiniSearch once per term and kept;
 * a question then costs a few lookups instead of a walk of the index per term.
 */
export class EntrySearch {
  readonly #index: MiniSearch<Doc>;
  readonly #entries: ReadonlyMap<string, Entry>;
  readonly #vocabulary: Vocabulary;
  readonly #termScores = new Map<string, ReadonlyMap<string, number>>();

  constructor(content: Content, vocabulary: Vocabulary) {
    this.#vocabulary = vocabulary;
    this.#index = buildIndex(content.entries);
    this.#entries = new Map(content.entries.map((entry) => [entry.id, entry]));
  }

  candidates(query: Query, kind?: EntryKind): Candidate[] {
    const candidates: Candidate[] = [];
    for (const [id, score] of this.#scores(searchTerms(query))) {
      const entry = this.#entries.get(id);
      if (!entry || (kind && entry.kind !== kind)) continue;
      candidates.push({ entry, score, ...coverageOf(query, id, this.#vocabulary) });
    }
    return candidates;
  }

  /** Entry id -> BM25 score of the whole query, combined the way MiniSearch combines OR queries. */
  #scores(trust: ReadonlyMap<string, number>): Map<string, number> {
    const sums = new Map<string, number>();
    const matched = new Map<string, number>();
    for (const [term, boost] of trust) {
      for (const [id, score] of this.#scoresOf(term)) {
        sums.set(id, (sums.get(id) ?? 0) + boost * score);
        matched.set(id, (matched.get(id) ?? 0) + 1);
      }
    }
    for (const [id, sum] of sums) sums.set(id, sum * (matched.get(id) ?? 1));
    return sums;
  }

  /** One term's score in each entry it matches (prefix matches for terms of 4+ letters). */
  #scoresOf(term: string): ReadonlyMap<string, number> {
    const known = this.#termScores.get(term);
    if (known) return known;
    const results = this.#index.search(term, {
      tokenize: splitOnSpace,
      processTerm: unchanged,
      boost: BOOST,
      prefix: term.length >= 4,
    });
    const scores = new Map(results.map((result) => [String(result.id), result.score]));
    if (this.#termScores.size >= TERM_CACHE_LIMIT) this.#termScores.clear();
    this.#termScores.set(term, scores);
    return scores;
  }
}
