/**
 * Fault drill on PostgreSQL: a child process checking in members, eight at a time, is killed with
 * SIGKILL at 30 random moments (half of them by itself, right after printing a confirmation, when a
 * store that confirmed before COMMIT returned would be caught). After every kill the database must
 * hold every check-in the child confirmed. Kill moments are "after the k-th confirmation", so the
 * drill waits on events, not on the wall clock. The child is bundled once with esbuild for a fast start.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describePostgres } from '../support/postgres.ts';

const CHILD_SOURCE = fileURLToPath(new URL('../support/postgres-checkin-child.ts', import.meta.url));
const KILLS = 30;
const MAX_CONFIRMATIONS_BEFORE_KILL = 100;
const WARM_AHEAD = 2;

let dir = '';
let childJs = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skillbot-pg-kill-'));
  childJs = join(dir, 'child.mjs');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [CHILD_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: childJs,
    external: ['pg-native'],
    // pg is CommonJS: give the ESM bundle a require() for its Node built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'warning',
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
  runUntil(killAfter: number, self: boolean): Promise<string[]>;
  discard(): void;
}

function startChild(url: string, prefix: string): DrillChild {
  const child: ChildProcess = spawn(process.execPath, [childJs, url, prefix], { stdio: 'pipe' });
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

async function storedMembers(url: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ user_id: string }>(
      `SELECT m.user_id FROM members m JOIN checkins c ON c.member_key = m.key WHERE m.workspace_id = 'drill'`,
    );
    return new Set(rows.map((row) => row.user_id));
  } catch (error) {
    // Before the first child migrated the schema there is no table, and nothing was confirmed.
    if ((error as { code?: string }).code === '42P01') return new Set();
    throw error;
  } finally {
    await client.end();
  }
}

describePostgres('PostgreSQL kill drill', (databaseUrl) => {
  async function drill(kills: number, seed: number): Promise<number> {
    const next = random(seed);
    const confirmed = new Set<string>();
    const warm: DrillChild[] = [];
    try {
      for (let round = 0; round < kills; round++) {
        while (warm.length <= WARM_AHEAD && round + warm.length < kills) {
          warm.push(startChild(databaseUrl(), `r${round + warm.length}`));
        }
        const child = warm.shift() as DrillChild;
        const killAfter = Math.floor(next() * MAX_CONFIRMATIONS_BEFORE_KILL);
        const self = round % 2 === 0;
        for (const id of await child.runUntil(killAfter, self)) confirmed.add(id);
        const stored = await storedMembers(databaseUrl());
        const missing = [...confirmed].filter((id) => !stored.has(id));
        const how = `${self ? 'killed itself' : 'killed'} after ${killAfter} confirmations`;
        expect(missing, `seed ${seed}, round ${round}, ${how}: confirmed but missing`).toEqual([]);
      }
    } finally {
      for (const child of warm) child.discard();
    }
    return confirmed.size;
  }

  it(`keeps every confirmed check-in through ${KILLS} SIGKILLs`, { timeout: 240_000 }, async () => {
    const seed = Date.now() % 1_000_000;
    const total = await drill(KILLS, seed);
    expect(total).toBeGreaterThan(KILLS * 10);
  });
});
