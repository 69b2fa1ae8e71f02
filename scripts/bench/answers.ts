/**
 * Answer latency by question length, model building (trained from scratch and loaded from the
 * cache), and the quality summary on the dev sets (`npm run eval` has the full tables).
 * Run alone: `npx tsx scripts/bench/answers.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createAnswerer, type Engine } from '../../src/answer/engine.ts';
import { answerReply } from '../../src/commands/knowledge.ts';
import { loadConfig, loadDotEnv } from '../../src/config.ts';
import { type Content, loadContent } from '../../src/content/load.ts';
import { createSystems, measureQuality, percent, questionSets, readQuestions } from './quality.ts';
import type { BenchSection } from './types.ts';

/** p50 and p99 of one call, in microseconds, over at least `minCalls` calls. */
export function measureLatency(
  answer: (q: string) => unknown,
  questions: readonly string[],
  minCalls = 5000,
) {
  const rounds = Math.max(1, Math.ceil(minCalls / Math.max(1, questions.length)));
  for (const q of questions) answer(q); // warm-up: JIT and caches
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of questions) {
      const start = performance.now();
      answer(q);
      samples.push((performance.now() - start) * 1000);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), calls: samples.length };
}

/** `text` repeated and cut to exactly `length` characters. */
const padded = (text: string, length: number) =>
  `${text} `.repeat(Math.ceil(length / (text.length + 1))).slice(0, length);

/** Dev questions, and the same questions stretched to 500 and 2,000 characters of varied text. */
function latencySets(questions: string[]): Array<[string, string[]]> {
  const long = (length: number) =>
    questions.map((q, i) => padded(`${q} ${questions[(i + 7) % questions.length]}`, length));
  return [
    ['dev questions as written', questions],
    ['500 characters', long(500)],
    ['2,000 characters', long(2000)],
  ];
}

function timeBuild(content: Content, cache: boolean): number {
  const started = performance.now();
  createAnswerer(content, cache ? {} : { cache: false });
  return performance.now() - started;
}

export async function runAnswerBench(): Promise<BenchSection> {
  loadDotEnv();
  const content = loadContent(loadConfig().contentDir);
  const trainMs = timeBuild(content, false);
  timeBuild(content, true); // fills the cache if it was empty
  const cachedMs = timeBuild(content, true);
  const engine: Engine = createAnswerer(content);
  const dev = questionSets()
    .filter((s) => !s.heldOut)
    .flatMap((s) => readQuestions(s.path));
  const sets = latencySets(dev.map((q) => q.question));
  const row = (name: string, latency: ReturnType<typeof measureLatency>) => ({
    questions: name,
    'p50 µs': Math.round(latency.p50),
    'p99 µs': Math.round(latency.p99),
    calls: latency.calls,
  });
  const answers = sets.map(([name, questions]) =>
    row(
      name,
      measureLatency((q) => engine.answer(q), questions),
    ),
  );
  const replies = sets.map(([name, questions]) =>
    row(
      `whole reply, ${name}`,
      measureLatency((q) => answerReply(q, engine.answer(q), content), questions, 2000),
    ),
  );
  const rows = [...answers, ...replies];
  const worst = Math.max(...answers.map((r) => r['p99 µs']));
  const botIds = new Set(content.bot.map((b) => b.id));
  const quality = createSystems(content, engine).map((s) => measureQuality(s, dev, botIds));
  return {
    title: 'Answers: latency, model building and dev quality',
    rows,
    notes: [
      `Target p99 under 1 ms up to 2,000 characters: ${worst < 1000 ? 'met' : 'MISSED'} (worst p99 ${worst} µs).`,
      `Model building: ${Math.round(trainMs)} ms trained from the content, ${Math.round(cachedMs)} ms loaded from the cache (keyed by a hash of the examples and options).`,
      `Dev sets (${dev.length} questions), top-1 / wrong confident / right entry shown / off-topic refused: ${quality
        .map(
          (q) =>
            `${q.system} ${percent(q.top1)} / ${percent(q.wrongConfident)} / ${percent(q.shown)} / ${percent(q.refused)}`,
        )
        .join('; ')}.`,
      'Latency: one call at a time with performance.now after a warm-up, each set repeated to at least 5,000 calls (2,000 for whole replies).',
      'Whole reply: the answer plus passage search and the short reply built from it, everything before the platform call.',
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runAnswerBench().then(
    (section) => console.log(JSON.stringify(section, null, 2)),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
