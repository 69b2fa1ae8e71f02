/**
 * Child process for the PostgreSQL kill drill. Once loaded it waits for a line on stdin: `go`, or
 * `go <n>` to SIGKILL itself right after printing its n-th confirmation. Then it opens the store at
 * DATABASE_URL (argv[2]) and checks in members `<prefix>-0`, `<prefix>-1`, … (prefix argv[3]), eight
 * in flight at a time, printing `ok <userId>` once each check-in is confirmed. Runs until killed.
 */
import { once } from 'node:events';
import type { Logger } from '../../src/log.ts';
import { Secret } from '../../src/secret.ts';
import { openPostgresStore } from '../../src/store/postgres/store.ts';

const [url, prefix = 'u'] = process.argv.slice(2);
if (!url) throw new Error('usage: postgres-checkin-child <database url> [member prefix]');

// A do-nothing logger without pino: the drill bundles this file for a fast start.
const noop = () => {};
const silentLogger = { error: noop, warn: noop, info: noop, debug: noop } as unknown as Logger;

const [go] = (await once(process.stdin, 'data')) as [Buffer];
const dieAfter = Number(go.toString().trim().split(' ')[1] ?? Number.NaN);

const store = await openPostgresStore({ url: new Secret(url), log: silentLogger });
const today = new Date().toISOString().slice(0, 10);

process.stdout.write('ready\n');
if (dieAfter === 0) process.kill(process.pid, 'SIGKILL');
let next = 0;
let printed = 0;
async function checkinLoop(): Promise<never> {
  for (;;) {
    const userId = `${prefix}-${next++}`;
    await store.checkIn(
      { platform: 'console', workspaceId: 'drill', userId, displayName: userId },
      () => today,
    );
    // stdout to a pipe is synchronous on Linux and macOS: once written, the drill can read it.
    process.stdout.write(`ok ${userId}\n`);
    if (++printed === dieAfter) process.kill(process.pid, 'SIGKILL');
  }
}
await Promise.all(Array.from({ length: 8 }, checkinLoop));
