/**
 * `npm run eval [-- path/to/questions.jsonl] [-- --errors]`: answer quality of skillbot against
 * Fuse.js and MiniSearch (default options) on the dev set, as a table. `--errors` also lists
 * skillbot's misses, for tuning.
 */
import { createAnswerer } from '../src/answer/engine.ts';
import { ConfigError, ContentError } from '../src/errors.ts';
import {
  BASELINE_NOTE,
  createSystems,
  DEV_SET,
  type LabelledQuestion,
  loadBenchContent,
  measureQuality,
  percent,
  readQuestions,
} from './bench/answers.ts';
import { exitQuietlyWhenStdoutCloses } from './pipe.ts';

exitQuietlyWhenStdoutCloses();

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head ?? []), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join(
    '\n',
  );
}

function misses(questions: LabelledQuestion[]): string[] {
  const answerer = createAnswerer(loadBenchContent());
  return questions.flatMap(({ question, expected }) => {
    const result = answerer.answer(question);
    const got = result.tier === 'confident' ? (result.best?.entry.id ?? 'none') : 'none';
    if (got === expected) return [];
    const offered = result.suggestions.map((s) => s.entry.id).join(', ');
    return [
      `  expected ${expected}, got ${got} (${result.tier}${offered ? `: ${offered}` : ''}): ${question}`,
    ];
  });
}

function main(argv: string[]): void {
  const path = argv.find((a) => !a.startsWith('--')) ?? DEV_SET;
  const questions = readQuestions(path);
  const content = loadBenchContent();
  const results = createSystems(content).map((system) => measureQuality(system, questions));
  const first = results[0];
  const rows = [
    ['system', 'top-1 on-topic', 'off-topic refused', 'n (on + off)'],
    ...results.map((r) => [r.system, percent(r.top1), percent(r.refused), `${r.onTopic} + ${r.offTopic}`]),
  ];
  console.log(`Answer quality on ${path} (${questions.length} questions)\n`);
  console.log(table(rows));
  console.log(`\n${BASELINE_NOTE}`);
  if (first)
    console.log(`Targets (≥90% / ≥90%): ${first.top1 >= 0.9 && first.refused >= 0.9 ? 'met' : 'NOT met'}.`);
  if (argv.includes('--errors')) console.log(`\nskillbot misses:\n${misses(questions).join('\n')}`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  const known = error instanceof ContentError || error instanceof ConfigError;
  console.error(`${known ? 'Invalid content or configuration' : 'eval failed'}: ${(error as Error).message}`);
  process.exitCode = 1;
}
