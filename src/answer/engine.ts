import type { Content } from '../content/load.ts';
import type { EntryKind } from '../content/schema.ts';
import {
  type Calibration,
  type Candidate,
  DEFAULT_CALIBRATION,
  decideTier,
  offTopicCues,
  rank,
} from './confidence.ts';
import { lexiconSpellings } from './lexicon.ts';
import { NameIndex } from './names.ts';
import { analyzeQuery, type Query, type QueryWord, WordReader } from './query.ts';
import { EntrySearch } from './search.ts';
import type { Answerer, AnswerResult } from './types.ts';
import { createCorrector } from './typos.ts';
import { buildVocabulary, type Vocabulary } from './vocabulary.ts';

/** More input than this is not read (the router refuses over 2,000 characters anyway). */
const MAX_QUESTION_LENGTH = 2000;

const NONE: AnswerResult = { tier: 'none', suggestions: [] };

export interface AnswererOptions {
  /** Override thresholds (tests and calibration experiments). */
  calibration?: Partial<Calibration>;
}

/** The answerer plus a look inside, for the eval and debugging tools. */
export interface Engine extends Answerer {
  explain(question: string): { words: QueryWord[]; candidates: Candidate[] };
}

/** Answering is called on every chat message: a bug here must cost one answer, not the bot. */
function safely(fn: () => AnswerResult): AnswerResult {
  try {
    return fn();
  } catch {
    return NONE;
  }
}

/**
 * Reads a question (query.ts), finds candidate entries (search.ts) and decides how sure it is
 * (confidence.ts). Everything derived from the content is built once, here.
 */
class AnswerEngine implements Engine {
  readonly #calibration: Calibration;
  readonly #vocabulary: Vocabulary;
  readonly #reader: WordReader;
  readonly #search: EntrySearch;
  readonly #names: NameIndex;

  constructor(content: Content, options: AnswererOptions) {
    this.#calibration = { ...DEFAULT_CALIBRATION, ...options.calibration };
    this.#vocabulary = buildVocabulary(content.entries);
    this.#reader = new WordReader(
      this.#vocabulary,
      createCorrector(this.#vocabulary.rawWords, lexiconSpellings()),
    );
    this.#search = new EntrySearch(content, this.#vocabulary);
    this.#names = new NameIndex(content.entries);
  }

  answer(question: string): AnswerResult {
    if (typeof question !== 'string') return NONE;
    return safely(() => this.#decide(this.#read(question)));
  }

  /** `skill git`: a name (id, title or alias) first, then the question machinery. */
  lookup(name: string, kind?: EntryKind): AnswerResult {
    if (typeof name !== 'string') return NONE;
    return safely(() => {
      const text = name.slice(0, MAX_QUESTION_LENGTH);
      const query = this.#read(text);
      const named = this.#names.find(text, query, kind);
      if (named) return { tier: 'confident', best: { entry: named, score: 1 }, suggestions: [] };
      return this.#decide(query, kind);
    });
  }

  explain(question: string): { words: QueryWord[]; candidates: Candidate[] } {
    const query = this.#read(question);
    const cues = offTopicCues(query.words);
    return { words: query.words, candidates: rank(this.#search.candidates(query), this.#calibration, cues) };
  }

  #read(question: string): Query {
    return analyzeQuery(question.slice(0, MAX_QUESTION_LENGTH), this.#reader);
  }

  #decide(query: Query, kind?: EntryKind): AnswerResult {
    return decideTier(this.#search.candidates(query, kind), query.words, this.#calibration);
  }
}

export function createAnswerer(content: Content, options: AnswererOptions = {}): Engine {
  return new AnswerEngine(content, options);
}
