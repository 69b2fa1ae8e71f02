/**
 * Cold start to ready in console mode, and peak memory with 10,000 users in the store.
 * Runs the real entry point as a child process: what `npm start` runs (scripts/start.mjs, the
 * bot compiled on demand), `npm start` itself through npm (fresh, after an edit, unchanged), the
 * tsc build when `npm run build` has run, and the sources under tsx for comparison.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { childEnvironment } from '../../src/config.ts';
import { emptyData, type StoreData, userKey } from '../../src/store/types.ts';
import { addDays } from '../../src/time.ts';
import { npmStartNodeFlags } from './start-flags.ts';
import { seed } from './store.ts';
import type { BenchSection } from './types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = 5;

/** A data file like a busy team's: 10,000 users with a month of check-ins each. */
export function bigStoreData(users = 10_000): StoreData {
  const data = emptyData();
  for (let i = 0; i < users; i += 1) {
    const checkins = Array.from({ length: 30 }, (_, d) => addDays('2026-10-01', d));
    data.users[userKey('slack', 'T1', `U${i}`)] = {
      platform: 'slack',
      workspaceId: 'T1',
      userId: `U${i}`,
      displayName: `user ${i}`,
      checkins,
      quizAnswers: {},
    };
  }
  return data;
}

interface StartResult {
  readyMs: number;
  peakRssMb: number;
}

/** The process at the bottom of the chain below `pid` (npm → sh → node): the bot itself. */
function lowestDescendant(pid: number): number {
  const children = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      children.set(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]), Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  let bottom = pid;
  for (let next = children.get(bottom); next !== undefined; next = children.get(bottom)) bottom = next;
  return bottom;
}

/** Start the bot, wait for the console banner, read its peak RSS, then end its input. */
function startOnce(command: string[], dataFile: string): Promise<StartResult> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const [program, args] = command[0] === 'npm' ? ['npm', command.slice(1)] : [process.execPath, command];
    const child = spawn(program, args, {
      cwd: ROOT,
      env: childEnvironment({ DATA_FILE: dataFile, LOG_LEVEL: 'silent' }),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let readyMs = 0;
    let peakRssMb = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      if (readyMs || !chunk.toString().includes('skillbot local console')) return;
      readyMs = performance.now() - started;
      const status = readFileSync(`/proc/${lowestDescendant(child.pid as number)}/status`, 'utf8');
      peakRssMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      child.stdin.end();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && readyMs) resolvePromise({ readyMs, peakRssMb });
      else reject(new Error(`bot exited with ${code} before it was ready`));
    });
  });
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const START_BUILDS = join(ROOT, 'dist/start');
const NPM_START = ['npm', 'start', '--silent'];
const LAUNCHER = [...npmStartNodeFlags(), 'scripts/start.mjs'];
const CHECKINS = 1_000;

/** RSS of the bot under `npm start` once 1,000 members checked in through the console, one after another. */
async function afterCheckins(dataFile: string, members: number) {
  await seed(dataFile, members);
  let input = '';
  for (let i = 0; i < CHECKINS; i++) input += `:user U${i}\ndone\n`;
  const child = spawn('npm', NPM_START.slice(1), {
    cwd: ROOT,
    env: childEnvironment({ DATA_FILE: dataFile, LOG_LEVEL: 'silent' }),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const started = performance.now();
  const memory = await new Promise<{ rss: number; hwm: number }>((resolvePromise, reject) => {
    let counted = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      counted += chunk.toString().split('Counted').length - 1;
      if (counted < CHECKINS) return;
      const status = readFileSync(`/proc/${lowestDescendant(child.pid as number)}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      resolvePromise({ rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 });
      counted = Number.NEGATIVE_INFINITY;
      child.stdin.end();
    });
    child.on('exit', (code) => reject(new Error(`bot exited with ${code} before ${CHECKINS} check-ins`)));
    child.stdin.write(input);
  });
  const seconds = (performance.now() - started) / 1000;
  await new Promise((done) => child.on('close', done));
  return {
    runtime: `npm start, ${CHECKINS.toLocaleString('en')} check-ins one after another (${seconds.toFixed(1)} s)`,
    'users in store': members,
    'RSS after, MB': Math.round(memory.rss),
    'peak RSS, max (MB)': Math.round(memory.hwm),
  };
}

/** Before each start: nothing compiled yet (a fresh clone), a source just saved, or nothing. */
const BEFORE_START = {
  fresh: () => rmSync(START_BUILDS, { recursive: true, force: true }),
  edited: () => utimesSync(join(ROOT, 'src/bot.ts'), new Date(), new Date()),
  unchanged: () => {},
};

async function measure(
  label: string,
  command: string[],
  dataFile: string,
  users: number,
  before: () => void = BEFORE_START.unchanged,
) {
  const results: StartResult[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    writeFileSync(dataFile, JSON.stringify(bigStoreData(users)));
    before();
    results.push(await startOnce(command, dataFile));
  }
  return {
    runtime: label,
    'users in store': users,
    'cold start to ready, median (ms)': Math.round(median(results.map((r) => r.readyMs))),
    'peak RSS, max (MB)': Math.round(Math.max(...results.map((r) => r.peakRssMb))),
  };
}

export async function runStartupBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'skillbot-bench-start-'));
  const dataFile = join(dir, 'skillbot.json');
  try {
    const rows = [];
    rows.push(await measure('npm start, fresh clone (builds)', NPM_START, dataFile, 0, BEFORE_START.fresh));
    rows.push(
      await measure('npm start, after an edit (builds)', NPM_START, dataFile, 0, BEFORE_START.edited),
    );
    rows.push(await measure('npm start, unchanged', NPM_START, dataFile, 0));
    rows.push(await measure('npm start, unchanged', NPM_START, dataFile, 10_000));
    rows.push(await measure('node scripts/start.mjs (what npm start runs)', LAUNCHER, dataFile, 0));
    rows.push(await measure('node scripts/start.mjs (what npm start runs)', LAUNCHER, dataFile, 10_000));
    for (let run = 0; run < 2; run++) rows.push(await afterCheckins(dataFile, 10_000));
    const compiled = join(ROOT, 'dist/src/main.js');
    if (existsSync(compiled)) {
      rows.push(await measure('node dist (npm run start:prod)', [compiled], dataFile, 0));
      rows.push(await measure('node dist (npm run start:prod)', [compiled], dataFile, 10_000));
    }
    rows.push(await measure('tsx (npm start before)', ['--import', 'tsx', 'src/main.ts'], dataFile, 0));
    rows.push(await measure('tsx (npm start before)', ['--import', 'tsx', 'src/main.ts'], dataFile, 10_000));
    return {
      title: 'Cold start and memory (console mode)',
      rows,
      notes: [
        `Median of ${RUNS} starts from process spawn to the console banner; peak RSS is VmHWM at that moment.`,
        'Through npm, RSS is the bot process under npm and its shell; npm itself adds about 0.2-0.3 s to the start.',
        `Check-ins: ${CHECKINS.toLocaleString('en')} console members (\`:user\`, then \`done\`) added to a file of 10,000 members of about 1 KB (the store bench's), each confirmed after its write; RSS read once the last is confirmed.`,
        'Targets: cold start under 1 s; RSS under 150 MB with 10,000 users in the store.',
        `Load average (1, 5, 15 min) when the section ended: ${loadavg()
          .map((n) => n.toFixed(2))
          .join(', ')} on ${cpus().length} cores.`,
        existsSync(compiled) ? '' : 'Run `npm run build` first to include the compiled entry point.',
      ].filter(Boolean),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runStartupBench(), null, 2));
}
