/**
 * Cold start to ready in console mode, and peak memory with 10,000 users in the store.
 * Runs the real entry point as a child process (compiled JS when `npm run build` has run, and tsx).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { childEnvironment } from '../../src/config.ts';
import { emptyData, type StoreData, userKey } from '../../src/store/types.ts';
import { addDays } from '../../src/time.ts';
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

/** Start the bot, wait for the console banner, read its peak RSS, then end its input. */
function startOnce(command: string[], dataFile: string): Promise<StartResult> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, command, {
      cwd: ROOT,
      env: childEnvironment({ DATA_FILE: dataFile, LOG_LEVEL: 'silent' }),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let readyMs = 0;
    let peakRssMb = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      if (readyMs || !chunk.toString().includes('skillbot local console')) return;
      readyMs = performance.now() - started;
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
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

async function measure(label: string, command: string[], dataFile: string, users: number) {
  const results: StartResult[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    writeFileSync(dataFile, JSON.stringify(bigStoreData(users)));
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
    const compiled = join(ROOT, 'dist/src/main.js');
    if (existsSync(compiled)) {
      rows.push(await measure('node dist (npm run start:prod)', [compiled], dataFile, 0));
      rows.push(await measure('node dist (npm run start:prod)', [compiled], dataFile, 10_000));
    }
    rows.push(await measure('tsx (npm start)', ['--import', 'tsx', 'src/main.ts'], dataFile, 0));
    rows.push(await measure('tsx (npm start)', ['--import', 'tsx', 'src/main.ts'], dataFile, 10_000));
    return {
      title: 'Cold start and memory (console mode)',
      rows,
      notes: [
        `Median of ${RUNS} starts from process spawn to the console banner; peak RSS is VmHWM at that moment.`,
        'Targets: cold start under 1 s; RSS under 150 MB with 10,000 users in the store.',
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
