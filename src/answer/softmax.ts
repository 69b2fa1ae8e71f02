/**
 * Multinomial logistic regression over sparse vectors, trained by stochastic gradient descent
 * with L2 regularisation. Small enough to train at start-up (a few hundred milliseconds) and to
 * score a question in microseconds.
 */

import { seededRandom } from '../random.ts';
import type { SparseVector } from './features.ts';

export interface TrainOptions {
  epochs: number;
  /** Initial step; it decays as 1 / (1 + t / examples). */
  learningRate: number;
  l2: number;
  /**
   * Class balancing: each example's gradient is scaled by (mean class size / its class size) to
   * this power. 0 trains on raw counts; 1 makes every balanced class weigh the same in total, so an
   * entry with 60 examples is not out-voted by its neighbours with 130.
   */
  classWeight: number;
  /** Fixed seed: the same content always gives the same model. */
  seed: number;
}

function shuffled(n: number, next: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Turns raw scores into probabilities in place. */
function softmaxInPlace(scores: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) max = Math.max(max, s);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp((scores[c] as number) - max);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) / sum;
}

export class SoftmaxModel {
  /** Feature-major: the weights of feature j are [j * classes, (j + 1) * classes). */
  constructor(
    readonly classes: number,
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {}

  /** Probability of each class. */
  probabilities(x: SparseVector): Float64Array {
    const C = this.classes;
    const out = Float64Array.from(this.bias);
    // Feature-major weights: one feature's class weights are adjacent in memory.
    for (let k = 0; k < x.indices.length; k++) {
      const base = (x.indices[k] as number) * C;
      const v = x.values[k] as number;
      for (let c = 0; c < C; c++) out[c] = (out[c] as number) + v * (this.weights[base + c] as number);
    }
    softmaxInPlace(out);
    return out;
  }
}

/** Gradients smaller than this are skipped: they move a weight by less than rounding would. */
const MIN_GRADIENT = 1e-4;

/**
 * Per-class gradient weights, normalised so the average example weighs 1. The catch-all class (the
 * off-topic "none") keeps its raw weight: it stands for everything else, and shrinking it makes a
 * question of unknown words look like a weak answer rather than nothing.
 */
function classWeights(ys: readonly number[], classes: number, power: number, catchAll: number): Float64Array {
  const counts = new Float64Array(classes);
  for (const y of ys) counts[y] = (counts[y] as number) + 1;
  const balanced = [...counts.keys()].filter((c) => c !== catchAll && (counts[c] as number) > 0);
  const mean = balanced.reduce((sum, c) => sum + (counts[c] as number), 0) / Math.max(1, balanced.length);
  const weights = counts.map((n, c) => (c === catchAll || n === 0 ? 1 : (mean / n) ** power));
  const average = ys.reduce((sum, y) => sum + (weights[y] as number), 0) / Math.max(1, ys.length);
  return weights.map((w) => w / average);
}

export function trainSoftmax(
  xs: readonly SparseVector[],
  ys: readonly number[],
  classes: number,
  features: number,
  options: TrainOptions,
  /** The class left out of balancing (-1 for none). */
  catchAll = -1,
): SoftmaxModel {
  const C = classes;
  const weights = new Float64Array(features * C);
  const bias = new Float64Array(C);
  // Weights are stored divided by `scale`, so L2 decay is one multiplication per step.
  let scale = 1;
  const next = seededRandom(options.seed);
  const p = new Float64Array(C);
  const live = new Int32Array(C);
  const weightOf = classWeights(ys, C, options.classWeight, catchAll);
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffled(xs.length, next)) {
      const x = xs[i] as SparseVector;
      const y = ys[i] as number;
      const decay = options.learningRate / (1 + t++ / xs.length);
      const rate = decay * (weightOf[y] as number);
      p.set(bias);
      for (let k = 0; k < x.indices.length; k++) {
        const base = (x.indices[k] as number) * C;
        const v = (x.values[k] as number) * scale;
        for (let c = 0; c < C; c++) p[c] = (p[c] as number) + v * (weights[base + c] as number);
      }
      softmaxInPlace(p);
      p[y] = (p[y] as number) - 1;
      scale *= 1 - decay * options.l2;
      const step = rate / scale;
      // Once trained a little, most classes get a gradient of almost nothing: update only the rest.
      let active = 0;
      for (let c = 0; c < C; c++) if (Math.abs(p[c] as number) > MIN_GRADIENT) live[active++] = c;
      for (let k = 0; k < x.indices.length; k++) {
        const base = (x.indices[k] as number) * C;
        const v = (x.values[k] as number) * step;
        for (let a = 0; a < active; a++) {
          const c = live[a] as number;
          weights[base + c] = (weights[base + c] as number) - v * (p[c] as number);
        }
      }
      for (let c = 0; c < C; c++) bias[c] = (bias[c] as number) - rate * (p[c] as number);
      if (scale < 1e-6) {
        for (let j = 0; j < weights.length; j++) weights[j] = (weights[j] as number) * scale;
        scale = 1;
      }
    }
  }
  return new SoftmaxModel(
    C,
    Float32Array.from(weights, (w) => w * scale),
    Float32Array.from(bias),
  );
}
