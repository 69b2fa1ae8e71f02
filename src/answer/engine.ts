import type { Content } from '../content/load.ts';
import type { EntryKind } from '../content/schema.ts';
import { DEFAULT_CACHE_DIR, fileCache, type ModelCache } from './cache.ts';
import { type Calibration, DEFAULT_CALIBRATION, decideTier, type Ranked } from './decide.ts';
import { buildClassifier, type Classifier, type Label, type ModelOptions } from './model.ts';
import { DEFAULT_MODEL } from './options.ts';
import { splitWords } from './text.ts';
import type { Answerer, AnswerResult } from './types.ts';

/** More input than this is not read (the router refuses over 2,000 characters anyway). */
const MAX_QUESTION_LENGTH = 2000;

const NONE: AnswerResult = { tier: 'none', suggestions: [] };

export interface AnswererOptions {
  /** Override thresholds (tests and calibration experiments). */
  calibration?: Partial<Calibration>;
  /** Override model components (the ablation script). */
  model?: Partial<ModelOptions>;
  /** Where trained models are kept between starts; false trains every time. */
  cache?: ModelCache | false;
}

/** The answerer plus a look inside, for the eval and debugging tools. */
export interface Engine extends Answerer {
  /** Every class with its probability, most likely first ("none" included). */
  rank(question: string): Ranked[];
}

/** Answering is called on every chat message: a bug here must cost one answer, not the bot. */
function safely(fn: () => AnswerResult): AnswerResult {
  try {
    return fn();
  } catch {
    return NONE;
  }
}

const nameKey = (text: string) => splitWords(text.replace(/-/g, ' ')).join(' ');

/** Exact names (id, title, aliases) of knowledge entries, for `skill <name>`. */
function nameIndex(content: Content): Map<string, Label & { kind: 'entry' }> {
  const names = new Map<string, Label & { kind: 'entry' }>();
  for (const entry of content.entries) {
    for (const name of [entry.id, entry.title, ...entry.aliases]) {
      const key = nameKey(name);
      if (key && !names.has(key)) names.set(key, { kind: 'entry', entry });
    }
  }
  return names;
}

/**
 * Classifies a question (model.ts) and decides how sure it is (decide.ts). The model is built
 * once, here, from the content.
 */
class AnswerEngine implements Engine {
  readonly #calibration: Calibration;
  readonly #classifier: Classifier;
  readonly #names: Map<string, Label & { kind: 'entry' }>;

  constructor(content: Content, options: AnswererOptions) {
    this.#calibration = { ...DEFAULT_CALIBRATION, ...options.calibration };
    const cache = options.cache === false ? undefined : (options.cache ?? fileCache(DEFAULT_CACHE_DIR));
    this.#classifier = buildClassifier(content, { ...DEFAULT_MODEL, ...options.model }, cache);
    this.#names = nameIndex(content);
  }

  answer(question: string): AnswerResult {
    if (typeof question !== 'string') return NONE;
    return safely(() => decideTier(this.rank(question), this.#calibration));
  }

  /** `skill git`: an exact name first, then the model restricted to knowledge entries. */
  lookup(name: string, kind?: EntryKind): AnswerResult {
    if (typeof name !== 'string') return NONE;
    return safely(() => {
      const named = this.#names.get(nameKey(name.slice(0, MAX_QUESTION_LENGTH)));
      if (named && (!kind || named.entry.kind === kind)) {
        return { tier: 'confident', best: { entry: named.entry, score: 1 }, suggestions: [] };
      }
      const fits = (l: Label) => l.kind === 'entry' && (!kind || l.entry.kind === kind);
      const ranked = this.rank(name);
      const none = ranked.filter((r) => !fits(r.label)).reduce((sum, r) => sum + r.score, 0);
      // A name either is one or is not: when "not a name of this kind" is the likeliest reading, refuse
      // rather than offer three weak guesses (`skill underwater basket weaving` gets the list).
      return decideTier([{ label: { kind: 'none' }, score: none }, ...ranked.filter((r) => fits(r.label))], {
        ...this.#calibration,
        refuse: 0,
      });
    });
  }

  rank(question: string): Ranked[] {
    const probabilities = this.#classifier.classify(question.slice(0, MAX_QUESTION_LENGTH));
    return this.#classifier.labels
      .map((label, i) => ({ label, score: probabilities[i] ?? 0 }))
      .sort((a, b) => b.score - a.score);
  }
}

export function createAnswerer(content: Content, options: AnswererOptions = {}): Engine {
  return new AnswerEngine(content, options);
}
