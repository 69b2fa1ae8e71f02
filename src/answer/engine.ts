import MiniSearch from 'minisearch';
import type { Content } from '../content/load.ts';
import type { Entry, EntryKind } from '../content/schema.ts';
import {
  type Calibration,
  type Candidate,
  DEFAULT_CALIBRATION,
  decideTier,
  offTopicCues,
  rank,
} from './confidence.ts';
import { coverageOf } from './coverage.ts';
import { lexiconSpellings } from './lexicon.ts';
import { analyzeQuery, type Query, type QueryWord } from './query.ts';
import type { Answerer, AnswerResult } from './types.ts';
import { createCorrector } from './typos.ts';
import { buildVocabulary, FIELDS, type Field, fieldText, indexTerms } from './vocabulary.ts';

/** Field boosts for MiniSearch's BM25: names and curated phrasings outrank prose. */
const BOOST: Record<Field, number> = { title: 3, aliases: 3, questions: 2, summary: 1.5, body: 1 };

/** Everyday words ("good", "put") barely move the ranking. */
const GENERIC_BOOST = 0.3;

/** More input than this is not read (the router refuses over 2,000 characters anyway). */
const MAX_QUESTION_LENGTH = 2000;

type Doc = { id: string } & Record<Field, string>;

function buildIndex(entries: readonly Entry[]): MiniSearch<Doc> {
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

const NONE: AnswerResult = { tier: 'none', suggestions: [] };

function nameKey(text: string): string {
  return indexTerms(text).join(' ');
}

/** Every way an entry is named (id, title, aliases), normalized -> the entries with that name. */
function nameIndex(entries: readonly Entry[]): Map<string, Set<Entry>> {
  const index = new Map<string, Set<Entry>>();
  for (const entry of entries) {
    for (const name of [entry.id.replace(/-/g, ' '), entry.title, ...entry.aliases]) {
      const key = nameKey(name);
      if (!key) continue;
      const set = index.get(key) ?? new Set<Entry>();
      set.add(entry);
      index.set(key, set);
    }
  }
  return index;
}

export interface AnswererOptions {
  /** Override thresholds (tests and calibration experiments). */
  calibration?: Partial<Calibration>;
}

/** The answerer plus a look inside, for the eval and debugging tools. */
export interface Engine extends Answerer {
  explain(question: string): { words: QueryWord[]; candidates: Candidate[] };
}

export function createAnswerer(content: Content, options: AnswererOptions = {}): Engine {
  const calibration = { ...DEFAULT_CALIBRATION, ...options.calibration };
  const vocabulary = buildVocabulary(content.entries);
  const corrector = createCorrector(vocabulary.rawWords, lexiconSpellings());
  const index = buildIndex(content.entries);

  function candidates(query: Query, kind?: EntryKind): Candidate[] {
    const trust = new Map<string, number>();
    for (const word of query.words) {
      const factor = word.generic ? GENERIC_BOOST : 1;
      for (const [term, t] of word.terms) trust.set(term, Math.max(t * factor, trust.get(term) ?? 0));
    }
    if (trust.size === 0) return [];
    const results = index.search([...trust.keys()].join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boost: BOOST,
      boostTerm: (term) => trust.get(term) ?? 1,
      prefix: (term) => term.length >= 4,
      filter: kind ? (result) => content.entry(String(result.id))?.kind === kind : undefined,
    });
    return results.flatMap((result) => {
      const entry = content.entry(String(result.id));
      if (!entry) return [];
      return [{ entry, score: result.score, ...coverageOf(query, entry.id, vocabulary) }];
    });
  }

  function run(question: string, kind?: EntryKind): AnswerResult {
    if (typeof question !== 'string') return NONE;
    const query = analyzeQuery(question.slice(0, MAX_QUESTION_LENGTH), vocabulary, corrector);
    return decideTier(candidates(query, kind), query.words, calibration);
  }

  const names = nameIndex(content.entries);

  /** `skill git`: a name (id, title or alias) first, then the question machinery. */
  function lookupName(name: string, kind?: EntryKind): AnswerResult {
    if (typeof name !== 'string') return NONE;
    const text = name.slice(0, MAX_QUESTION_LENGTH);
    const query = analyzeQuery(text, vocabulary, corrector);
    const typed = query.words.filter((w) => !w.idiom).map((w) => [...w.terms.keys()][0] ?? w.word);
    const keys = [nameKey(text), typed.join(' ')];
    for (const key of keys) {
      const matches = [...(names.get(key) ?? [])].filter((e) => !kind || e.kind === kind);
      const [only] = matches;
      if (only && matches.length === 1)
        return { tier: 'confident', best: { entry: only, score: 1 }, suggestions: [] };
    }
    return decideTier(candidates(query, kind), query.words, calibration);
  }

  function safely(fn: (text: string, kind?: EntryKind) => AnswerResult, text: string, kind?: EntryKind) {
    try {
      return fn(text, kind);
    } catch {
      // Answering is called on every chat message: a bug here must cost one answer, not the bot.
      return NONE;
    }
  }

  return {
    explain(question) {
      const query = analyzeQuery(question.slice(0, MAX_QUESTION_LENGTH), vocabulary, corrector);
      const cues = offTopicCues(query.words);
      return { words: query.words, candidates: rank(candidates(query), calibration, cues) };
    },
    answer: (question) => safely(run, question),
    lookup: (name, kind) => safely(lookupName, name, kind),
  };
}
