/**
 * Fault drill on PostgreSQL: a child process checking in members, eight at a time, is killed with
 * SIGKILL at 30 random moments (see tests/support/store-kill-drill.ts). After every kill the
 * database must hold every check-in the child confirmed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describePostgres } from '../support/postgres.ts';
import { bundleChild, killDrill } from '../support/store-kill-drill.ts';

const KILLS = 30;

let dir = '';
let childJs = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skillbot-pg-kill-'));
  childJs = await bundleChild(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
  it(`keeps every confirmed check-in through ${KILLS} SIGKILLs`, { timeout: 240_000 }, async () => {
    const url = databaseUrl();
    const seed = Date.now() % 1_000_000;
    const total = await killDrill({
      childJs,
      store: ['postgres', url],
      kills: KILLS,
      seed,
      stored: () => storedMembers(url),
    });
    expect(total).toBeGreaterThan(KILLS * 10);
  });
});
