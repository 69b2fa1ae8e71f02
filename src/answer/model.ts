/**
 * The answering model, built from the content at start-up: one class per knowledge entry, one
 * per bot reply, and "none" trained on the off-topic examples. Everything it knows comes from
 * content/: example questions, vocabulary, and (as configured) the entries' own text.
 */
import type { Content } from '../content/load.ts';
import type { BotEntry, Entry } from '../content/schema.ts';
import { cacheKey, type ModelCache } from './cache.ts';
import { type FeatureOptions, type SparseVector, Vectoriser } from './features.ts';
import { type TrainOptions, trainSoftmax } from './softmax.ts';
import { createTextReader, type TextOptions, type TextReader } from './text.ts';

export interface ModelOptions {
  text: TextOptions;
  features: FeatureOptions;
  train: TrainOptions;
  /** Also learn from each entry's title and each alias, one training text each. */
  entryNames: boolean;
  /** Also learn from each entry's summary and body lines. */
  entryBody: boolean;
  /**
   * Also learn from the first this many `asks` of each bullet and tip of the entry (0: none). All
   * of them drown the hand-written examples and the off-topic class: see results/answer-quality.md.
   */
  asksPerBullet: number;
}

/** What a class stands for. */
export type Label = { kind: 'entry'; entry: Entry } | { kind: 'bot'; entry: BotEntry } | { kind: 'none' };

export interface Classifier {
  labels: readonly Label[];
  /** Probability of each label, in `labels` order. */
  classify(question: string): Float64Array;
}

/** Markdown lines as plain sentences: headings, bullets and emphasis marks removed. */
function plainLines(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*(#+|[-*]|\d+\.)\s*/, '')
        .replace(/[*_`>|]/g, ' ')
        .trim(),
    )
    .filter((line) => line.length >= 12);
}

function entryTexts(entry: Entry, content: Content, options: ModelOptions): string[] {
  const texts = [...entry.questions, ...entry.vocabulary];
  if (options.entryNames) texts.push(entry.title, ...entry.aliases);
  if (options.entryBody) texts.push(entry.summary, ...plainLines(entry.body));
  const tipAsks = content.tips.filter((tip) => tip.skill === entry.id).map((tip) => tip.asks);
  for (const asks of [...Object.values(entry.asks), ...tipAsks])
    texts.push(...asks.slice(0, options.asksPerBullet));
  return texts.filter((t) => t.trim() !== '');
}

interface TrainingSet {
  labels: Label[];
  /** Example texts as written, and the class of each. */
  examples: string[];
  ys: number[];
}

function trainingSet(content: Content, options: ModelOptions): TrainingSet {
  const labels: Label[] = [];
  const examples: string[] = [];
  const ys: number[] = [];
  const add = (label: Label, texts: readonly string[]) => {
    if (texts.length === 0) return;
    const y = labels.push(label) - 1;
    for (const text of texts) {
      examples.push(text);
      ys.push(y);
    }
  };
  for (const entry of content.entries) add({ kind: 'entry', entry }, entryTexts(entry, content, options));
  for (const entry of content.bot) add({ kind: 'bot', entry }, [...entry.questions, ...entry.vocabulary]);
  add({ kind: 'none' }, content.offTopic);
  return { labels, examples, ys };
}

/** Train, or load the model trained from exactly these examples and options. */
function trained(
  set: TrainingSet,
  read: TextReader,
  content: Content,
  options: ModelOptions,
  cache?: ModelCache,
) {
  const key = cacheKey({
    options,
    language: content.language,
    labels: set.labels.map((l) => (l.kind === 'none' ? 'none' : l.entry.id)),
    examples: set.examples,
    ys: set.ys,
  });
  const cached = cache?.load(key, options.features);
  if (cached) return cached;
  const texts = set.examples.map(read);
  const vectoriser = Vectoriser.fit(options.features, texts);
  const xs: SparseVector[] = texts.map((t) => vectoriser.vector(t));
  const none = set.labels.findIndex((l) => l.kind === 'none');
  const model = trainSoftmax(xs, set.ys, set.labels.length, vectoriser.size, options.train, none);
  cache?.save(key, { vectoriser, model });
  return { vectoriser, model };
}

export function buildClassifier(content: Content, options: ModelOptions, cache?: ModelCache): Classifier {
  const read = createTextReader(content.language, options.text);
  const set = trainingSet(content, options);
  const { vectoriser, model } = trained(set, read, content, options, cache);
  return {
    labels: set.labels,
    classify: (question) => model.probabilities(vectoriser.vector(read(question))),
  };
}
