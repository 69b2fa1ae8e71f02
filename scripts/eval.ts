/**
 * `npm run eval`: answer quality of skillbot and three baselines on every question set in
 * tests/fixtures, dev sets first, then held-out sets (heldout-*.jsonl).
 *   -- --dev      dev sets only (while tuning: held-out sets are scored once, by the lead)
 *   -- --errors   also list skillbot's misses on the dev sets
 *   -- path.jsonl one set only
 */
import { createAnswerer } from '../src/answer/engine.ts';
import { loadConfig, loadDotEnv } from '../src/config.ts';
import { loadContent } from '../src/content/load.ts';
import { ConfigError, ContentError } from '../src/errors.ts';
import {
  createSystems,
  type LabelledQuestion,
  markdownTable,
  measureQuality,
  outcomeOf,
  QUALITY_NOTE,
  type QuestionSet,
  qualityHeader,
  qualityRow,
  questionSets,
  readQuestions,
  type System,
} from './bench/quality.ts';
import { exitQuietlyWhenStdoutCloses } from './pipe.ts';

exitQuietlyWhenStdoutCloses();

const STYLES = ['named', 'slang', 'situation'];

function report(set: QuestionSet, systems: System[], botIds: ReadonlySet<string>): string {
  const questions = readQuestions(set.path);
  const styles = STYLES.filter((s) => questions.some((q) => q.style === s));
  const rows = [
    qualityHeader(styles),
    ...systems.map((s) => qualityRow(measureQuality(s, questions, botIds), styles)),
  ];
  const kind = set.heldOut ? 'held out' : 'dev';
  return `### ${set.path} (${kind}, ${questions.length} questions)\n\n${markdownTable(rows)}\n`;
}

function misses(questions: LabelledQuestion[], engine: ReturnType<typeof createAnswerer>): string[] {
  return questions.flatMap(({ question, expected }) => {
    const result = engine.answer(question);
    const o = outcomeOf(result);
    if ((o.answer ?? 'none') === expected || (expected === 'none' && !o.knowledge)) return [];
    const offered = result.suggestions.map((s) => `${s.entry.id} ${s.score.toFixed(2)}`).join(', ');
    const best = result.best ? `${result.best.entry.id} ${result.best.score.toFixed(2)}` : '-';
    return [`  expected ${expected}; ${result.tier} ${best} [${offered}]: ${question}`];
  });
}

function main(argv: string[]): void {
  loadDotEnv();
  const content = loadContent(loadConfig().contentDir);
  const engine = createAnswerer(content);
  const systems = createSystems(content, engine);
  const only = argv.find((a) => a.endsWith('.jsonl'));
  const all = only ? [{ path: only, heldOut: /heldout-/.test(only) }] : questionSets();
  const sets = [
    ...all.filter((s) => !s.heldOut),
    ...(argv.includes('--dev') ? [] : all.filter((s) => s.heldOut)),
  ];
  console.log('## Answer quality\n');
  const botIds = new Set(content.bot.map((b) => b.id));
  for (const set of sets) console.log(report(set, systems, botIds));
  console.log(QUALITY_NOTE);
  if (argv.includes('--errors')) {
    for (const set of sets.filter((s) => !s.heldOut)) {
      console.log(`\nskillbot misses on ${set.path}:\n${misses(readQuestions(set.path), engine).join('\n')}`);
    }
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  const known = error instanceof ContentError || error instanceof ConfigError;
  console.error(`${known ? 'Invalid content or configuration' : 'eval failed'}: ${(error as Error).message}`);
  process.exitCode = 1;
}
