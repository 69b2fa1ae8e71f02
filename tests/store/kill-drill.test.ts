/**
 * Fault drill on the JSON file: a child process making check-ins on a real data file is killed with
 * SIGKILL at 30 random moments (see tests/support/store-kill-drill.ts). After every kill the file
 * must parse and validate, and hold every check-in the child confirmed before it died. The same
 * file carries over from kill to kill, so each new child also takes over the stale lock its
 * predecessor left.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseDataFile } from '../../src/store/validate.ts';
import { bundleChild, killDrill } from '../support/store-kill-drill.ts';

const KILLS = 30;

let dir = '';
let childJs = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skillbot-kill-drill-'));
  childJs = await bundleChild(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The drill's members with a check-in; the file must parse and validate whenever it exists. */
async function storedIn(file: string): Promise<Set<string>> {
  if (!existsSync(file)) return new Set();
  const { data } = parseDataFile(readFileSync(file), file); // throws if half-written or wrongly shaped
  const held = Object.values(data.users).filter((u) => u.workspaceId === 'drill' && u.checkins.length > 0);
  return new Set(held.map((u) => u.userId));
}

// ~30 s on two idle cores (most of it booting children); the generous timeout covers a machine busy with other suites.
it(`keeps every confirmed check-in through ${KILLS} SIGKILLs`, { timeout: 180_000 }, async () => {
  const file = join(dir, 'skillbot.json');
  const seed = Date.now() % 1_000_000;
  const total = await killDrill({
    childJs,
    store: ['file', file],
    kills: KILLS,
    seed,
    stored: () => storedIn(file),
  });
  // The drill must have exercised real work, not just start-ups.
  expect(total).toBeGreaterThan(KILLS * 10);
});
