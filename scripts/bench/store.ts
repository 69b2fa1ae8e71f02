/**
 * Store bench: the JSON file store at 10,000 and 100,000 members (about 1 KB each: 60 check-ins
 * over the last three months). 1,000 check-ins from distinct members arrive spread over one
 * second (one a millisecond, not all at once), each through `recordCheckin` and the real file.
 * Each size runs in its own process, compiled and with npm start's node flags, so RSS is the
 * store's as the bot runs it, and not the seeding's.
 *
 * Run alone: `npx tsx scripts/bench/store.ts` (add `10000` or `100000` for one size).
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { CoreDeps } from '../../src/core.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/lowdb.ts';
import { emptyData, userKey } from '../../src/store/types.ts';
import { recordCheckin } from '../../src/streaks/checkin.ts';
import { boardQuery } from '../../src/streaks/leaderboard.ts';
import { addDays } from '../../src/time.ts';
import type { Origin } from '../../src/types.ts';
import { writeStoreJson } from '../store-json.ts';
import { compileBench, runCompiled } from './compiled.ts';
import type { BenchSection } from './types.ts';

const SIZES = [10_000, 100_000];
const CHECKINS = 1_000;
const SPREAD_MS = 1_000;
const TODAY = '2026-03-04';
const NOW = new Date(`${TODAY}T10:00:00Z`);
const TARGET_10K = { p99: 250, stall: 100, rssMb: 150 };

/** Issue 12's "before" figures for the old whole-document store. */
const BEFORE: Record<number, { write: string; stall: string; rss: string }> = {
  10000: { write: '43 ms', stall: '110 ms', rss: '145 MB (165–176 under npm start)' },
  100000: { write: '500–600 ms', stall: '750–2,100 ms', rss: '812 MB' },
};

/** `members` members of about 1 KB each (60 check-ins over three months) written to `file`. */
export async function seed(file: string, members: number): Promise<void> {
  const data = emptyData();
  const history = Array.from({ length: 90 }, (_, d) => addDays(TODAY, d - 90)).filter((_, d) => d % 3 !== 0);
  for (let i = 0; i < members; i++) {
    data.users[userKey('slack', 'T1', `U${i}`)] = {
      platform: 'slack',
      workspaceId: 'T1',
      userId: `U${i}`,
      displayName: `Member number ${i}`,
      timezone: 'Europe/Berlin',
      checkins: history,
      quizAnswers: { [`tip-${i % 77}@2026-03-02`]: 1 },
    };
  }
  const out = createWriteStream(file);
  await writeStoreJson(data, out);
  out.end();
  await new Promise<void>((resolve) => out.on('close', () => resolve()));
}

const origin = (i: number): Origin => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  userId: `U${i}`,
  displayName: `Member number ${i}`,
  isAdmin: false,
  at: NOW,
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export interface Measured {
  members: number;
  fileMb: number;
  openMs: number;
  singleWriteMs: number;
  p50: number;
  p99: number;
  max: number;
  stallMs: number;
  writes: number;
  rssMb: number;
  /** `top` over every member: the first pays for each member's streak summary, later ones reuse it. */
  boardFirstMs: number;
  boardMs: number;
}

async function timeBoard(deps: CoreDeps): Promise<number> {
  const started = performance.now();
  const page = await deps.store.leaderboard(boardQuery(origin(7), NOW, 'UTC'));
  if (page.top.length !== 10) throw new Error('the leaderboard came back short');
  return performance.now() - started;
}

/** In the child: open, one lone check-in, then the spread burst with a stall probe. */
async function measure(file: string, members: number): Promise<Measured> {
  const opened = performance.now();
  const store = await openStore({ file, log: silentLogger });
  const openMs = performance.now() - opened;
  const deps = {
    store,
    clock: () => NOW,
    settings: { defaultTimezone: 'UTC', tips: { days: 'weekdays', catchupHours: 3 } },
    log: silentLogger,
  } as unknown as CoreDeps; // a check-in reads only the store, the clock and the settings
  for (let i = 0; i < 5; i++) await recordCheckin(deps, origin(members - 1 - i)); // warm up
  const lone = performance.now();
  await recordCheckin(deps, origin(members - 10));
  const singleWriteMs = performance.now() - lone;
  let last = performance.now();
  let stallMs = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 1);
  const writesBefore = store.writeCount;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: CHECKINS },
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          setTimeout(
            () => {
              const sent = performance.now();
              recordCheckin(deps, origin(i)).then(() => {
                latencies.push(performance.now() - sent);
                resolve();
              }, reject);
            },
            (i * SPREAD_MS) / CHECKINS - (performance.now() - started),
          );
        }),
    ),
  );
  clearInterval(probe);
  const writes = store.writeCount - writesBefore;
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const boardFirstMs = await timeBoard(deps);
  const boardMs = await timeBoard(deps);
  await store.close();
  latencies.sort((a, b) => a - b);
  return {
    members,
    fileMb: statSync(file).size / 2 ** 20,
    openMs,
    singleWriteMs,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    stallMs,
    writes,
    rssMb,
    boardFirstMs,
    boardMs,
  };
}

const ms = (n: number) => `${Math.round(n)} ms`;

export async function runStoreBench(sizes = SIZES): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'skillbot-store-bench-'));
  const results: Measured[] = [];
  const child = await compileBench(import.meta.filename, 'store');
  try {
    for (const members of sizes) {
      const file = join(dir, `members-${members}.json`);
      await seed(file, members);
      results.push(runCompiled<Measured>(child, ['--child', file, String(members)]));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rows = results.map((m) => ({
    members: m.members.toLocaleString('en'),
    'file (MiB)': m.fileMb.toFixed(1),
    'open (ms)': Math.round(m.openMs),
    'one write, now': ms(m.singleWriteMs),
    'one write, before': BEFORE[m.members]?.write ?? '',
    'burst p50 / p99': `${ms(m.p50)} / ${ms(m.p99)}`,
    'burst writes': m.writes,
    'stall, now': ms(m.stallMs),
    'stall, before': BEFORE[m.members]?.stall ?? '',
    'RSS, now (MB)': Math.round(m.rssMb),
    'RSS, before': BEFORE[m.members]?.rss ?? '',
    'leaderboard first / next': `${ms(m.boardFirstMs)} / ${ms(m.boardMs)}`,
  }));
  const at10k = results.find((m) => m.members === 10_000);
  const met =
    at10k &&
    at10k.p99 <= TARGET_10K.p99 &&
    at10k.stallMs <= TARGET_10K.stall &&
    at10k.rssMb <= TARGET_10K.rssMb;
  return {
    title: `File store: ${CHECKINS.toLocaleString('en')} check-ins arriving over ${SPREAD_MS / 1000} s`,
    rows,
    notes: [
      'Members carry about 1 KB each (60 check-ins over three months, a timezone, a quiz answer); real temp files; one process per size, compiled and with the node flags `npm start` uses (no TypeScript loader), holding the store alone (no answer model; see the cold start section for the whole bot).',
      `Load average (1, 5, 15 min) when the section ended: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(', ')} on ${cpus().length} cores.`,
      'Leaderboard: `top` (10 rows and the asker) over every member, after the burst; RSS is taken before it.',
      'Latency: from the check-in arriving to its confirmation, which comes only after the file write holding it. Stall: longest gap between ticks of a 1 ms probe.',
      at10k
        ? `Targets at 10,000 members: p99 ≤ ${TARGET_10K.p99} ms, stall ≤ ${TARGET_10K.stall} ms, RSS ≤ ${TARGET_10K.rssMb} MB: ${met ? 'met' : 'MISSED'}.`
        : 'The 10,000-member size was not run.',
    ],
  };
}

const argv = process.argv;
if (argv[2] === '--child') {
  const result = await measure(argv[3] as string, Number(argv[4]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else if (argv[1] && import.meta.url === pathToFileURL(argv[1]).href) {
  const sizes = argv[2] ? [Number(argv[2])] : SIZES;
  const section = await runStoreBench(sizes);
  console.log(`## ${section.title}\n`);
  console.table(section.rows);
  for (const note of section.notes) console.log(`- ${note}`);
}
