/**
 * Fault drill: a child process making check-ins on a real data file is killed with SIGKILL at 30
 * random moments. After every kill the file must parse and validate, and hold every check-in the
 * child confirmed before it died. The same file carries over from kill to kill, so each new child
 * also takes over the stale lock its predecessor left.
 *
 * The child is bundled once with esbuild (which tsx already brings along): starting it through tsx
 * costs ~400 ms, the bundle ~100 ms. Kill moments are "after the k-th confirmation", k random, so
 * the drill waits on events rather than on the wall clock. Every other round the child SIGKILLs
 * itself right after printing the k-th confirmation: a kill from here lands a few milliseconds
 * later, often after the write that was still running, and would miss a store that confirms early.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { userKey } from '../../src/store/types.ts';
import { parseDataFile } from '../../src/store/validate.ts';

const CHILD_SOURCE = fileURLToPath(new URL('../support/store-checkin-child.ts', import.meta.url));
const KILLS = 30;
const MAX_CONFIRMATIONS_BEFORE_KILL = 100;

let dir = '';
let childJs = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skillbot-kill-drill-'));
  childJs = join(dir, 'child.mjs');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [CHILD_SOURCE],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    outfile: childJs,
    logLevel: 'warning',
    // proper-lockfile is CommonJS and requires Node's modules: give the ESM bundle a `require`.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small seeded generator, so a failing run can be replayed from the seed in its message. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface DrillChild {
  /**
   * Let it open the data file and start checking in; it is killed once it has confirmed
   * `killAfter` check-ins, by the drill or (`self`) by itself right after printing the last one.
   * Resolves with what it confirmed.
   */
  runUntil(killAfter: number, self: boolean): Promise<string[]>;
  /** Stop a child that never got its turn (the drill failed early). */
  discard(): void;
}

/**
 * Start a child that loads its modules and then waits: the next round's child boots while the
 * current one works, which hides most of the start-up cost.
 */
function startChild(file: string, prefix: string): DrillChild {
  const child: ChildProcess = spawn(process.execPath, [childJs, file, prefix], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const closed = once(child, 'close');
  const confirmed: string[] = [];
  let killAfter = Number.POSITIVE_INFINITY;
  let pending = '';
  let stderr = '';
  let started = false;
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') started = true;
      else if (line.startsWith('ok ')) confirmed.push(line.slice(3));
    }
    if (started && confirmed.length >= killAfter) child.kill('SIGKILL');
  });
  return {
    async runUntil(limit, self) {
      killAfter = self ? Number.POSITIVE_INFINITY : limit;
      child.stdin?.write(self ? `go ${limit}\n` : 'go\n');
      const [code, signal] = await closed;
      if (signal !== 'SIGKILL') throw new Error(`child ended by itself (code ${code}): ${stderr}`);
      return confirmed;
    },
    discard() {
      child.kill('SIGKILL');
    },
  };
}

function assertFileHolds(file: string, confirmed: Set<string>, context: string): void {
  if (!existsSync(file)) {
    expect(confirmed.size, `${context}: no file, yet check-ins were confirmed`).toBe(0);
    return;
  }
  const { data } = parseDataFile(readFileSync(file), file); // throws if half-written or wrongly shaped
  const missing = [...confirmed].filter(
    (id) => !data.users[userKey('console', 'drill', id)]?.checkins.length,
  );
  expect(missing, `${context}: confirmed but missing`).toEqual([]);
}

/** Children booted ahead of their round: boot time is most of a round, and it overlaps this way. */
const WARM_AHEAD = 2;

async function drill(kills: number, seed: number): Promise<number> {
  const next = random(seed);
  const file = join(dir, 'skillbot.json');
  const confirmed = new Set<string>();
  const warm: DrillChild[] = [];
  try {
    for (let round = 0; round < kills; round++) {
      while (warm.length <= WARM_AHEAD && round + warm.length < kills) {
        warm.push(startChild(file, `r${round + warm.length}`));
      }
      const child = warm.shift() as DrillChild;
      const killAfter = Math.floor(next() * MAX_CONFIRMATIONS_BEFORE_KILL);
      const self = round % 2 === 0;
      for (const id of await child.runUntil(killAfter, self)) confirmed.add(id);
      const how = `${self ? 'killed itself' : 'killed'} after ${killAfter} confirmations`;
      assertFileHolds(file, confirmed, `seed ${seed}, round ${round}, ${how}`);
    }
  } finally {
    for (const child of warm) child.discard();
  }
  return confirmed.size;
}

// ~30 s on two idle cores (most of it booting children); the generous timeout covers a machine busy with other suites.
it(`keeps every confirmed check-in through ${KILLS} SIGKILLs`, { timeout: 180_000 }, async () => {
  const seed = Date.now() % 1_000_000;
  const total = await drill(KILLS, seed);
  // The drill must have exercised real work, not just start-ups.
  expect(total).toBeGreaterThan(KILLS * 10);
});
