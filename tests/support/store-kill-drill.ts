/**
 * The kill drill both stores run (tests/store/kill-drill.test.ts, postgres-kill-drill.test.ts): a
 * child process (store-checkin-child.ts) checking in members is killed with SIGKILL at random
 * moments, and after every kill the store must hold every check-in the child confirmed.
 *
 * The child is bundled once with esbuild (which tsx already brings along): starting it through tsx
 * costs ~400 ms, the bundle ~100 ms. Kill moments are "after the k-th confirmation", k random, so
 * the drill waits on events rather than on the wall clock. Every other round the child SIGKILLs
 * itself right after printing the k-th confirmation: a kill from here lands a few milliseconds
 * later, often after the write that was still running, and would miss a store that confirms early.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { seededRandom } from '../../src/random.ts';

const CHILD_SOURCE = fileURLToPath(new URL('./store-checkin-child.ts', import.meta.url));
const MAX_CONFIRMATIONS_BEFORE_KILL = 100;
/** Children booted ahead of their round: boot time is most of a round, and it overlaps this way. */
const WARM_AHEAD = 2;

/** Bundle the drill's child into `dir`; resolves to the script to run with node. */
export async function bundleChild(dir: string): Promise<string> {
  const out = join(dir, 'child.mjs');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [CHILD_SOURCE],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    external: ['pg-native'],
    logLevel: 'warning',
    // proper-lockfile and pg are CommonJS and require Node's modules: give the ESM bundle a `require`.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return out;
}

interface DrillChild {
  /**
   * Let it open the store and start checking in; it is killed once it has confirmed `killAfter`
   * check-ins, by the drill or (`self`) by itself right after printing the last one. Resolves with
   * what it confirmed.
   */
  runUntil(killAfter: number, self: boolean): Promise<string[]>;
  /** Stop a child that never got its turn (the drill failed early). */
  discard(): void;
}

/** Start a child that loads its modules and then waits, so the next round's boot overlaps this one. */
function startChild(childJs: string, args: string[]): DrillChild {
  const child: ChildProcess = spawn(process.execPath, [childJs, ...args], { stdio: 'pipe' });
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

export interface Drill {
  childJs: string;
  /** The child's arguments before the member prefix: `['file', path]` or `['postgres', url]`. */
  store: string[];
  kills: number;
  seed: number;
  /** The user ids the store holds a check-in for (member ids of workspace `drill`). */
  stored(): Promise<Set<string>>;
}

/** Run the drill; resolves to how many check-ins were confirmed in all. */
export async function killDrill({ childJs, store, kills, seed, stored }: Drill): Promise<number> {
  const next = seededRandom(seed);
  const confirmed = new Set<string>();
  const warm: DrillChild[] = [];
  try {
    for (let round = 0; round < kills; round++) {
      while (warm.length <= WARM_AHEAD && round + warm.length < kills) {
        warm.push(startChild(childJs, [...store, `r${round + warm.length}`]));
      }
      const child = warm.shift() as DrillChild;
      const killAfter = Math.floor(next() * MAX_CONFIRMATIONS_BEFORE_KILL);
      const self = round % 2 === 0;
      for (const id of await child.runUntil(killAfter, self)) confirmed.add(id);
      const held = await stored();
      const missing = [...confirmed].filter((id) => !held.has(id));
      const how = `${self ? 'killed itself' : 'killed'} after ${killAfter} confirmations`;
      expect(missing, `seed ${seed}, round ${round}, ${how}: confirmed but missing`).toEqual([]);
    }
  } finally {
    for (const child of warm) child.discard();
  }
  return confirmed.size;
}
