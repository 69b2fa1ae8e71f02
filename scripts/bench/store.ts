/**
 * Store burst: 1,000 concurrent check-ins from distinct users on a data file that already holds
 * 10,000 users, through the real store (coalesced writes) and through the naive lowdb pattern
 * (`update` + `await write()` per check-in), in the same run on real temp files.
 *
 * Run alone: `npx tsx scripts/bench/store.ts`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { CoreDeps } from '../../src/core.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/lowdb.ts';
import { emptyData, type StoreData, userKey } from '../../src/store/types.ts';
import { recordCheckin } from '../../src/streaks/checkin.ts';
import { addDays } from '../../src/time.ts';
import type { Origin } from '../../src/types.ts';
import type { BenchSection } from './types.ts';

const USERS = 10_000;
const CHECKINS = 1_000;
const WARMUP = 100;
const NOW = new Date('2026-03-04T10:00:00Z');
const TODAY = '2026-03-04';
const TARGET = { ms: 1000, writes: 20, stallMs: 100 };

/** 10,000 users, each with the 20 calendar days before today checked in. */
function seededData(): StoreData {
  const data = emptyData();
  const history = Array.from({ length: 20 }, (_, d) => addDays(TODAY, d - 20));
  for (let i = 0; i < USERS; i++) {
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

const origin = (i: number): Origin => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  userId: `U${i}`,
  displayName: `User ${i}`,
  isAdmin: false,
  at: NOW,
});

interface Measured {
  ms: number;
  writes: number;
  stallMs: number;
  lost: number;
}

/**
 * Time `burst`, and the longest event-loop stall while it ran: a 1 ms interval probe records the
 * longest gap between its ticks (the burst's own synchronous start counts too).
 */
async function measure(burst: () => Promise<number>): Promise<Omit<Measured, 'lost'>> {
  let last = performance.now();
  let longestGap = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the probe settle
  longestGap = 0;
  last = performance.now();
  const started = performance.now();
  const writes = await burst();
  const ms = performance.now() - started;
  clearInterval(probe);
  return { ms, writes, stallMs: Math.max(longestGap, performance.now() - last) };
}

/** Users among the burst whose check-in for today is not in the file. */
function lostIn(file: string): number {
  const data = JSON.parse(readFileSync(file, 'utf8')) as StoreData;
  let lost = 0;
  for (let i = 0; i < CHECKINS; i++) {
    if (!data.users[userKey('slack', 'T1', `U${i}`)]?.checkins.includes(TODAY)) lost++;
  }
  return lost;
}

async function coalesced(file: string): Promise<Measured> {
  const store = await openStore({ file, log: silentLogger });
  const deps = {
    store,
    clock: () => NOW,
    settings: { defaultTimezone: 'UTC', tips: { days: 'weekdays', catchupHours: 3 } },
    log: silentLogger,
  } as unknown as CoreDeps; // a check-in reads only the store, the clock and the settings
  // Warm up like a bot that has been running a while (JIT, caches); these users are not measured.
  await Promise.all(Array.from({ length: WARMUP }, (_, i) => recordCheckin(deps, origin(USERS - 1 - i))));
  const before = store.writeCount;
  const result = await measure(async () => {
    await Promise.all(Array.from({ length: CHECKINS }, (_, i) => recordCheckin(deps, origin(i))));
    return store.writeCount - before;
  });
  await store.close();
  return { ...result, lost: lostIn(file) };
}

async function naive(file: string): Promise<Measured> {
  const db = new Low<StoreData>(new JSONFile<StoreData>(file), emptyData());
  await db.read();
  for (let i = 0; i < 3; i++) {
    await db.update((data) => {
      data.users[userKey('slack', 'T1', `U${USERS - 1 - i}`)]?.checkins.push(TODAY);
    });
  }
  const result = await measure(async () => {
    let writes = 0;
    await Promise.all(
      Array.from({ length: CHECKINS }, async (_, i) => {
        await db.update((data) => {
          data.users[userKey('slack', 'T1', `U${i}`)]?.checkins.push(TODAY);
        });
        writes++;
      }),
    );
    return writes;
  });
  return { ...result, lost: lostIn(file) };
}

const row = (variant: string, m: Measured) => ({
  variant,
  'all confirmed (ms)': Math.round(m.ms),
  'file writes': m.writes,
  'longest stall (ms)': Math.round(m.stallMs),
  lost: m.lost,
});

export async function runStoreBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'skillbot-store-bench-'));
  try {
    const seed = JSON.stringify(seededData(), null, 2);
    const files = { coalesced: join(dir, 'coalesced.json'), naive: join(dir, 'naive.json') };
    writeFileSync(files.coalesced, seed);
    writeFileSync(files.naive, seed);
    const ours = await coalesced(files.coalesced);
    const baseline = await naive(files.naive);
    const met =
      ours.ms <= TARGET.ms &&
      ours.writes <= TARGET.writes &&
      ours.stallMs <= TARGET.stallMs &&
      ours.lost === 0;
    return {
      title: `Store burst: ${CHECKINS.toLocaleString('en')} concurrent check-ins on ${USERS.toLocaleString('en')} users`,
      rows: [
        row('skillbot store (coalesced writes)', ours),
        row('naive lowdb update + await write()', baseline),
      ],
      notes: [
        `Data file ${(seed.length / 2 ** 20).toFixed(1)} MiB, real temp files; stall = longest gap between ticks of a 1 ms interval probe.`,
        `Targets: all confirmed within ${TARGET.ms} ms, at most ${TARGET.writes} file writes, no stall over ${TARGET.stallMs} ms, nothing lost: ${met ? 'met' : 'MISSED'}.`,
        `Coalescing is ${(baseline.ms / Math.max(ours.ms, 1)).toFixed(0)}× faster than the naive pattern here.`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await runStoreBench();
  console.log(`## ${section.title}\n`);
  console.table(section.rows);
  for (const note of section.notes) console.log(`- ${note}`);
}
