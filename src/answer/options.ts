/** The model's components as chosen by ablation on the dev sets (results/answer-quality.md). */
import type { ModelOptions } from './model.ts';

export const DEFAULT_MODEL: ModelOptions = {
  text: { slang: true, misspellings: false },
  features: { wordPairs: true, charNgrams: [3, 5], charWeight: 1 },
  train: { epochs: 8, learningRate: 2, l2: 1e-5, classWeight: 0.5, seed: 1 },
  entryNames: true,
  entryBody: true,
  asksPerBullet: 3,
};
