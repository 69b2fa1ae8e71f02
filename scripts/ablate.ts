/**
 * `npx tsx scripts/ablate.ts`: the model with each component switched off (or changed), next to the
 * words-only TF-IDF + logistic regression baseline, each calibrated on the dev sets plus out-of-fold
 * predictions of the content's own examples, as a table for results/answer-quality.md.
 *   --calibrate   the thresholds that fit the shipped model best
 *   --only=a,b    only the variants whose name contains one of these
 * Dev sets only: held-out sets are never read here.
 */
import { performance } from 'node:perf_hooks';
import { type Calibration, DEFAULT_CALIBRATION, decideTier, type Ranked } from '../src/answer/decide.ts';
import { createAnswerer } from '../src/answer/engine.ts';
import type { ModelOptions } from '../src/answer/model.ts';
import { DEFAULT_MODEL } from '../src/answer/options.ts';
import { splitWords } from '../src/answer/text.ts';
import { loadConfig, loadDotEnv } from '../src/config.ts';
import { type Content, loadContent } from '../src/content/load.ts';
import {
  type LabelledQuestion,
  markdownTable,
  measureQuality,
  outcomeOf,
  PLAIN_MODEL,
  percent,
  type Quality,
  questionSets,
  readQuestions,
} from './bench/quality.ts';

/** Calibration limits: wrong confident answers at most this share of on-topic questions... */
let MAX_WRONG = 0.03;
/** ...and at least this share of off-topic questions refused. */
const MIN_REFUSED = 0.95;

interface Variant {
  name: string;
  model: Partial<ModelOptions>;
  /** Mix in a second model's probabilities with this weight (late fusion). */
  fuse?: { model: Partial<ModelOptions>; weight: number };
}

const keyOf = (r: Ranked) => (r.label.kind === 'none' ? 'none' : r.label.entry.id);

/** Ranks questions with the variant's model(s) trained on `content`. */
function ranker(content: Content, variant: Variant): (question: string) => Ranked[] {
  const main = createAnswerer(content, { model: variant.model, cache: false });
  const fuse = variant.fuse;
  if (!fuse) return (q) => main.rank(q);
  const other = createAnswerer(content, { model: fuse.model, cache: false });
  return (q) => {
    const second = new Map(other.rank(q).map((r) => [keyOf(r), r.score]));
    return main
      .rank(q)
      .map((r) => ({
        label: r.label,
        score: (1 - fuse.weight) * r.score + fuse.weight * (second.get(keyOf(r)) ?? 0),
      }))
      .sort((a, b) => b.score - a.score);
  };
}

const d = DEFAULT_MODEL;
const VARIANTS: Variant[] = [
  { name: 'words-only TF-IDF + LR baseline', model: PLAIN_MODEL },
  { name: 'shipped model', model: {} },
  { name: 'no class weights', model: { train: { ...d.train, classWeight: 0 } } },
  {
    name: 'class weights 1 (every answer class the same total)',
    model: { train: { ...d.train, classWeight: 1 } },
  },
  { name: 'no slang normalisation', model: { text: { ...d.text, slang: !d.text.slang } } },
  { name: 'no character n-grams', model: { features: { ...d.features, charNgrams: null } } },
  { name: 'character block weight 0.5', model: { features: { ...d.features, charWeight: 0.5 } } },
  { name: 'no word pairs', model: { features: { ...d.features, wordPairs: !d.features.wordPairs } } },
  { name: 'no title/aliases as training text', model: { entryNames: !d.entryNames } },
  { name: 'no summary/body lines as training text', model: { entryBody: !d.entryBody } },
  { name: 'no asks as training text', model: { asksPerBullet: 0 } },
  { name: 'every ask as training text', model: { asksPerBullet: Number.POSITIVE_INFINITY } },
  { name: 'train: 16 epochs', model: { train: { ...d.train, epochs: 16 } } },
  { name: 'train: L2 1e-4', model: { train: { ...d.train, l2: 1e-4 } } },
  { name: 'train: L2 1e-6', model: { train: { ...d.train, l2: 1e-6 } } },
  {
    name: 'fused with the words-only model (weight 0.3)',
    model: {},
    fuse: { model: PLAIN_MODEL, weight: 0.3 },
  },
];

/** Every dev question, ranked once; thresholds are then tried on the cached rankings. */
function rankAll(content: Content, variant: Variant, questions: LabelledQuestion[]) {
  const started = performance.now();
  const rank = ranker(content, variant);
  const buildMs = performance.now() - started;
  return { buildMs, ranked: questions.map((q) => rank(q.question)) };
}

const FOLDS = 5;

/** An example "names the topic" when it holds a word of its entry's title or aliases; else it is situational. */
function styleOf(question: string, names: ReadonlySet<string>): 'named' | 'situation' {
  return splitWords(question).some((w) => names.has(w)) ? 'named' : 'situation';
}

/**
 * Out-of-fold rankings of the content's own example questions: each fifth is ranked by a model
 * trained on the other four. These examples are written in the styles the held-out sets use
 * (many describe a situation), which the older dev sets under-represent.
 */
function crossValidated(content: Content, variant: Variant) {
  const questions: LabelledQuestion[] = [];
  const ranked: Ranked[][] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const keep = (_: string, i: number) => i % FOLDS !== fold;
    const held = (_: string, i: number) => i % FOLDS === fold;
    const train: Content = {
      ...content,
      entries: content.entries.map((e) => ({ ...e, questions: e.questions.filter(keep) })),
      bot: content.bot.map((b) => ({ ...b, questions: b.questions.filter(keep) })),
      offTopic: content.offTopic.filter(keep),
    };
    const rank = ranker(train, variant);
    const labelled = [
      ...content.entries.flatMap((e) => {
        const names = new Set([e.title, ...e.aliases].flatMap(splitWords));
        return e.questions
          .filter(held)
          .map((q) => ({ question: q, expected: e.id, style: styleOf(q, names) }));
      }),
      ...content.bot.flatMap((b) => b.questions.filter(held).map((q) => ({ question: q, expected: b.id }))),
      ...content.offTopic.filter(held).map((q) => ({ question: q, expected: 'none' })),
    ];
    for (const q of labelled) {
      questions.push(q);
      ranked.push(rank(q.question));
    }
  }
  return { questions, ranked };
}

type Scored = Quality & { answeredRight: number; cleanRefused: number };

function score(
  questions: LabelledQuestion[],
  ranked: Ranked[][],
  calibration: Calibration,
  botIds: ReadonlySet<string>,
): Scored {
  const byQuestion = new Map(questions.map((q, i) => [q.question, ranked[i] as Ranked[]]));
  const system = {
    name: 'skillbot',
    run: (q: string) => outcomeOf(decideTier(byQuestion.get(q) ?? [], calibration)),
  };
  const quality = measureQuality(system, questions, botIds);
  const onTopic = questions.filter((q) => q.expected !== 'none');
  const right = onTopic.filter((q) => system.run(q.question).answer === q.expected).length;
  const offTopic = questions.filter((q) => q.expected === 'none');
  const clean = offTopic.filter((q) => system.run(q.question).shown.length === 0).length;
  return {
    ...quality,
    answeredRight: right / Math.max(1, onTopic.length),
    cleanRefused: clean / Math.max(1, offTopic.length),
  };
}

function* grid(): Generator<Calibration> {
  for (const confident of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    for (const margin of [0.05, 0.1, 0.2, 0.3, 0.4, 0.5])
      for (const suggest of [0.02, 0.05, 0.1, 0.15, 0.2])
        for (const refuse of [0.5, 0.7, 0.9, 1.01]) yield { confident, margin, suggest, refuse };
}

/** The thresholds with the most right answers plus right entries shown, within the limits. */
function calibrate(questions: LabelledQuestion[], ranked: Ranked[][], botIds: ReadonlySet<string>) {
  let best = { calibration: DEFAULT_CALIBRATION, value: Number.NEGATIVE_INFINITY };
  for (const calibration of grid()) {
    const q = score(questions, ranked, calibration, botIds);
    if (q.wrongConfident > MAX_WRONG || q.refused < MIN_REFUSED) continue;
    // Right answers, right entries shown, and off-topic refused cleanly (no "Did you mean").
    const value = q.answeredRight + q.shown + 0.25 * q.cleanRefused;
    if (value > best.value + 1e-9) best = { calibration, value };
  }
  return best.calibration;
}

const round = (c: Calibration) =>
  Object.fromEntries(
    Object.entries(c).map(([k, v]) => [k, Math.round(v * 100) / 100]),
  ) as unknown as Calibration;

function figures(q: Scored, styles: readonly string[] = []): string[] {
  return [
    percent(q.top1),
    ...styles.map((s) => percent(q.byStyle[s]?.top1 ?? 0)),
    percent(q.answeredRight),
    percent(q.wrongConfident),
    percent(q.shown),
    percent(q.refused),
  ];
}

/** Share of on-topic questions whose entry is among the `k` most likely entries ("none" skipped). */
function withinTop(questions: LabelledQuestion[], ranked: Ranked[][], k: number): number {
  const onTopic = questions.flatMap((q, i) => (q.expected === 'none' ? [] : [{ q, r: ranked[i] ?? [] }]));
  const found = onTopic.filter(({ q, r }) =>
    r
      .filter((x) => x.label.kind !== 'none')
      .slice(0, k)
      .some((x) => keyOf(x) === q.expected),
  );
  return found.length / Math.max(1, onTopic.length);
}

/** How many suggestions a "Did you mean" would need: the right entry among the k most likely. */
function topK(name: string, questions: LabelledQuestion[], ranked: Ranked[][]): string {
  const shares = [1, 2, 3, 4, 5].map((k) => `top-${k} ${percent(withinTop(questions, ranked, k))}`);
  return `${name}: right entry within ${shares.join(', ')}`;
}

const HEAD = ['answered right', 'wrong confident', 'right entry shown', 'off-topic refused'];
const CV_STYLES = ['named', 'situation'];

function main(argv: string[]): void {
  loadDotEnv();
  const content = loadContent(loadConfig().contentDir);
  const botIds = new Set(content.bot.map((b) => b.id));
  const dev = questionSets()
    .filter((s) => !s.heldOut)
    .flatMap((s) => readQuestions(s.path));
  const only = argv.find((a) => a.startsWith('--only='))?.slice(7);
  MAX_WRONG = Number(argv.find((a) => a.startsWith('--max-wrong='))?.slice(12) ?? MAX_WRONG);
  const variants = argv.includes('--calibrate')
    ? VARIANTS.filter((v) => v.name === 'shipped model')
    : VARIANTS.filter((v) => !only || only.split(',').some((o) => v.name.includes(o)));
  const rows = [
    [
      'variant',
      ...['top-1', ...HEAD].map((h) => `dev ${h}`),
      ...['top-1', ...CV_STYLES.map((s) => `top-1 ${s}`), ...HEAD].map((h) => `CV ${h}`),
      'thresholds',
      'build ms',
    ],
  ];
  for (const variant of variants) {
    const { buildMs, ranked } = rankAll(content, variant, dev);
    const cv = crossValidated(content, variant);
    const calibration = round(calibrate([...dev, ...cv.questions], [...ranked, ...cv.ranked], botIds));
    rows.push([
      variant.name,
      ...figures(score(dev, ranked, calibration, botIds)),
      ...figures(score(cv.questions, cv.ranked, calibration, botIds), CV_STYLES),
      `${calibration.confident} / ${calibration.margin} / ${calibration.suggest} / ${calibration.refuse}`,
      String(Math.round(buildMs)),
    ]);
    console.error(rows.at(-1)?.join(' | '));
    if (argv.includes('--calibrate')) {
      console.log(topK('dev', dev, ranked));
      console.log(topK('CV', cv.questions, cv.ranked));
    }
  }
  console.log(
    `Dev sets: ${dev.length} questions; CV: the content's example questions, ${FOLDS}-fold out-of-fold ` +
      `(named: the example holds a word of its entry's title or aliases; situation: it does not). ` +
      `Thresholds (confident / margin / suggest / refuse) calibrated per variant on both: wrong confident at most ` +
      `${percent(MAX_WRONG)}, off-topic refused at least ${percent(MIN_REFUSED)}.\n`,
  );
  console.log(markdownTable(rows));
}

main(process.argv.slice(2));
