/**
 * `npm run bench`: one report with every section. Each section lives in scripts/bench/ and can
 * also run alone. Figures go into the README's Performance section.
 */
import { cpus, totalmem } from 'node:os';
import { runAnswerBench } from './bench/answers.ts';
import { runFanoutBench } from './bench/fanout.ts';
import { runPostgresBench } from './bench/postgres.ts';
import { runSlackBench } from './bench/slack.ts';
import { runStartupBench } from './bench/startup.ts';
import { runStoreBench } from './bench/store.ts';
import type { BenchSection } from './bench/types.ts';

function table(rows: BenchSection['rows']): string {
  if (rows.length === 0) return '(no rows)';
  // Every column any row has: a row may add one (the check-in rows' "RSS after").
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [
    line(keys),
    line(keys.map(() => '---')),
    ...rows.map((row) => line(keys.map((k) => row[k] ?? ''))),
  ].join('\n');
}

function render(section: BenchSection): string {
  const notes = section.notes.map((note) => `- ${note}`).join('\n');
  return `## ${section.title}\n\n${table(section.rows)}\n\n${notes}\n`;
}

const SECTIONS: Array<[string, () => Promise<BenchSection>]> = [
  ['answers', runAnswerBench],
  ['store', runStoreBench],
  ['fan-out', runFanoutBench],
  ['postgres', runPostgresBench],
  ['slack', runSlackBench],
  ['startup', runStartupBench],
];

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log('# skillbot benchmark report\n');
  console.log(
    `Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  let failed = false;
  for (const [name, run] of SECTIONS) {
    try {
      console.log(render(await run()));
    } catch (error) {
      failed = true;
      console.log(`## ${name}\n\nFAILED: ${(error as Error).message}\n`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
