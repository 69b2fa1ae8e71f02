/** How sure the answer is: confident, unsure ("Did you mean"), or none. Thresholds are calibrated on dev sets. */
import type { Label } from './model.ts';
import type { AnswerResult, ScoredEntry } from './types.ts';

export interface Ranked {
  label: Label;
  /** The model's probability. */
  score: number;
}

export interface Calibration {
  /** Lowest probability of the best class for a confident answer. */
  confident: number;
  /** Lowest lead of the best class over the runner-up ("none" included) for a confident answer. */
  margin: number;
  /** Lowest probability for an entry to be offered as "Did you mean". */
  suggest: number;
  /** When "none" (off-topic) is at least this likely, refuse without suggestions. */
  refuse: number;
}

/** Calibrated on the dev sets (`npm run eval -- --calibrate`); see results/answer-quality.md. */
export const DEFAULT_CALIBRATION: Calibration = { confident: 0.6, margin: 0.05, suggest: 0.05, refuse: 0.5 };

const MAX_SUGGESTIONS = 3;

function scored(r: Ranked): ScoredEntry | undefined {
  return r.label.kind === 'none' ? undefined : { entry: r.label.entry, score: r.score };
}

export function decideTier(ranked: readonly Ranked[], calibration: Calibration): AnswerResult {
  const sorted = [...ranked].sort((a, b) => b.score - a.score);
  const [top, second] = sorted;
  const offered = (skip: number) =>
    sorted
      .slice(skip)
      .filter((r) => r.score >= calibration.suggest)
      .map(scored)
      .filter((s): s is ScoredEntry => s !== undefined)
      .slice(0, MAX_SUGGESTIONS);
  const best = top ? scored(top) : undefined;
  if (
    top &&
    best &&
    top.score >= calibration.confident &&
    top.score - (second?.score ?? 0) >= calibration.margin
  ) {
    return { tier: 'confident', best, suggestions: offered(1) };
  }
  if (top?.label.kind === 'none' && top.score >= calibration.refuse) return { tier: 'none', suggestions: [] };
  const suggestions = offered(0);
  return suggestions.length > 0 ? { tier: 'unsure', suggestions } : { tier: 'none', suggestions: [] };
}
