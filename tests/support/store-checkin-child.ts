/**
 * Child process for the kill drills (store-kill-drill.ts), on either store:
 *
 *   node child.mjs file <data file> <prefix>
 *   node child.mjs postgres <database url> <prefix>
 *
 * Once its modules are loaded it waits for a line on stdin (so the drill can boot the next child
 * while the current one works): `go`, or `go <n>` to have it SIGKILL itself right after printing
 * its n-th confirmation, the moment least forgiving of a confirmation that ran ahead of the disk.
 * Then it opens the store and checks in users `<prefix>-0`, `<prefix>-1`, … through
 * `recordCheckin`, several in flight at a time, printing `ok <userId>` on stdout once each is
 * confirmed. Runs until killed.
 */
import { once } from 'node:events';
import type { CoreDeps } from '../../src/core.ts';
import type { Logger } from '../../src/log.ts';
import { Secret } from '../../src/secret.ts';
import { openStore } from '../../src/store/lowdb.ts';
import type { StorePort } from '../../src/store/port.ts';
import { openPostgresStore } from '../../src/store/postgres/store.ts';
import { recordCheckin } from '../../src/streaks/checkin.ts';

const [kind, where, prefix = 'u'] = process.argv.slice(2);
if ((kind !== 'file' && kind !== 'postgres') || !where) {
  throw new Error('usage: store-checkin-child file|postgres <data file | database url> [user prefix]');
}

// A do-nothing logger without pino: the drill bundles this file for a fast start, and pino does not bundle.
const noop = () => {};
const silentLogger = { error: noop, warn: noop, info: noop, debug: noop } as unknown as Logger;

const [go] = (await once(process.stdin, 'data')) as [Buffer];
const dieAfter = Number(go.toString().trim().split(' ')[1] ?? Number.NaN);

const store: StorePort =
  kind === 'file'
    ? await openStore({ file: where, log: silentLogger })
    : await openPostgresStore({ url: new Secret(where), log: silentLogger });
const deps = {
  store,
  clock: () => new Date(),
  settings: { defaultTimezone: 'UTC', tips: { days: 'weekdays', catchupHours: 3 } },
  log: silentLogger,
} as unknown as CoreDeps; // check-ins need only the store, the clock and the settings

process.stdout.write('ready\n');
if (dieAfter === 0) process.kill(process.pid, 'SIGKILL');
let next = 0;
let printed = 0;
async function checkinLoop(): Promise<never> {
  for (;;) {
    const userId = `${prefix}-${next++}`;
    await recordCheckin(deps, {
      platform: 'console',
      workspaceId: 'drill',
      channelId: 'drill',
      userId,
      displayName: userId,
      isAdmin: false,
      at: new Date(),
    });
    // stdout to a pipe is synchronous on Linux and macOS: once written, the drill can read it.
    process.stdout.write(`ok ${userId}\n`);
    if (++printed === dieAfter) process.kill(process.pid, 'SIGKILL');
  }
}
// Several loops so that writes coalesce (file) or share a commit (PostgreSQL) and confirmations
// arrive while the next write is running.
await Promise.all(Array.from({ length: kind === 'file' ? 4 : 8 }, checkinLoop));
