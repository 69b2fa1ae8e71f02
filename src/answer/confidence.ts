import type { Entry } from '../content/schema.ts';
import { type Coverage, STRONG_WEIGHT } from './coverage.ts';
import type { QueryWord } from './query.ts';
import type { AnswerResult, ScoredEntry } from './types.ts';

/** An entry's search score together with how well it covers the question (see coverage.ts). */
export interface Candidate extends Coverage {
  entry: Entry;
  /** MiniSearch's BM25 score. */
  score: number;
}

/** The thresholds, measured on the dev set (`npm run eval`). */
export interface Calibration {
  /** Support (coverage plus the naming bonus) needed to answer. */
  confident: number;
  /** Added to the coverage when a word of the question names the entry outright... */
  namedBonus: number;
  /** ...and that word weighs at least this much (a specific term, not an everyday one). */
  namedWeight: number;
  /** Coverage needed to offer "Did you mean" rather than admit ignorance. */
  unsure: number;
  /** A message with at least this many meaningful words is "long"... */
  longWords: number;
  /** ...and is answered with this much coverage when a specific word names the entry. */
  longConfident: number;
  /** Suggestions must reach at least this share of the best one's ranking value. */
  suggestionShare: number;
  /** How much BM25 counts in the ranking next to coverage (0: not at all, 1: equally). */
  bm25Power: number;
  /** A specific (not everyday) word this informative that names the entry is a strong signal... */
  strongNamed: number;
  /** ...and adds this much instead, unless something in the message points off-topic. */
  strongBonus: number;
  /** Coverage needed to answer when something in the message points off-topic. */
  offTopicConfident: number;
  /**
   * BM25 (relative to the best) counts at least this much for an entry a specific word names:
   * term frequencies in the prose must not outvote a technical term the person used.
   */
  strongFloor: number;
  /** Added to the support for each further specific word naming the entry. */
  extraStrong: number;
}

export const DEFAULT_CALIBRATION: Calibration = {
  confident: 0.45,
  namedBonus: 0.15,
  namedWeight: 1,
  unsure: 0.3,
  longWords: 8,
  longConfident: 0.25,
  suggestionShare: 0.3,
  bm25Power: 1,
  strongNamed: STRONG_WEIGHT,
  strongBonus: 0.35,
  offTopicConfident: 0.6,
  strongFloor: 0.75,
  extraStrong: 0.2,
};

const MAX_SUGGESTIONS = 3;

/** How many words of the message point off-topic ("office", "pizza", "reset my password"). */
export function offTopicCues(words: readonly QueryWord[]): number {
  return words.reduce((n, w) => n + (w.offTopic ? 1 : 0), 0);
}

/**
 * Whether the off-topic cues win for this entry: they do unless more specific words name it
 * ("fe is on vacation, flexbox or margin auto?" is a CSS question; "a kubernetes cake" is not).
 */
function vetoed(x: Candidate, cues: number): boolean {
  return cues > 0 && x.strongWords <= cues;
}

function isStrong(x: Candidate, c: Calibration): boolean {
  return x.strongest >= c.strongNamed;
}

/**
 * Coverage, plus a bonus when a word of the question is one of the entry's names: a large one
 * for a specific name (an alias, a title word, a technology), however much chatter surrounds
 * it; none when something in the message points off-topic ("restart the office printer server").
 */
function support(x: Candidate, c: Calibration, cues: number): number {
  if (vetoed(x, cues)) return x.coverage;
  if (isStrong(x, c)) return x.coverage + c.strongBonus + c.extraStrong * Math.max(0, x.namingWords - 1);
  return x.coverage + (x.named >= c.namedWeight ? c.namedBonus : 0);
}

export interface Ranked extends Candidate {
  /** The ranking value; for the top candidate, roughly its support. */
  value: number;
}

/**
 * Rank by BM25 (relative to the best) times support: BM25 knows term frequencies and field
 * boosts, coverage knows which of the person's words an entry leaves unexplained.
 */
export function rank(candidates: Candidate[], c: Calibration, cues = 0): Ranked[] {
  let top = Number.MIN_VALUE;
  for (const x of candidates) top = Math.max(top, x.score);
  return candidates
    .map((x) => {
      const floor = isStrong(x, c) && !vetoed(x, cues) ? c.strongFloor : 0;
      return { ...x, value: Math.max(x.score / top, floor) ** c.bm25Power * support(x, c, cues) };
    })
    .sort((a, b) => b.value - a.value);
}

function scored(x: Ranked): ScoredEntry {
  return { entry: x.entry, score: Math.round(Math.min(1, x.value) * 1000) / 1000 };
}

/** Whether the best entry answers the question: enough support, or a long message naming it. */
function isConfident(best: Ranked, words: QueryWord[], c: Calibration, cues: number): boolean {
  if (vetoed(best, cues)) return best.coverage >= Math.max(c.confident, c.offTopicConfident);
  if (support(best, c, cues) >= c.confident) return true;
  // Chatter dilutes a long message's coverage, so one that names an entry needs less of it.
  const long = words.length >= c.longWords;
  return long && best.coverage >= c.longConfident && best.named >= c.namedWeight;
}

/** Confident, unsure or none, from the ranked candidates and the question's length. */
export function decideTier(candidates: Candidate[], words: QueryWord[], c: Calibration): AnswerResult {
  const cues = offTopicCues(words);
  const ranked = rank(candidates, c, cues);
  const best = ranked[0];
  if (!best) return { tier: 'none', suggestions: [] };
  const close = ranked.filter((x) => x.value >= best.value * c.suggestionShare).slice(0, MAX_SUGGESTIONS + 1);
  if (isConfident(best, words, c, cues))
    return { tier: 'confident', best: scored(best), suggestions: close.slice(1).map(scored) };
  // "Did you mean" only when what the content knows outweighs what it has never heard of:
  // "wifi password" is not a near miss of the security entry.
  const unknown = words.reduce((sum, w) => sum + (w.terms.size === 0 ? w.weight : 0), 0);
  if (best.coverage >= c.unsure && best.evidence > unknown) {
    return { tier: 'unsure', suggestions: close.slice(0, MAX_SUGGESTIONS).map(scored) };
  }
  return { tier: 'none', suggestions: [] };
}
