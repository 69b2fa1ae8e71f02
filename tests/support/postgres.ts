/**
 * For PostgreSQL test files: a database of their own on the run's server (see postgres-global.ts),
 * dropped when the file ends. `describePostgres` skips with the reason only when the server could
 * not start outside CI; in CI the global set-up has already failed the run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { Secret } from '../../src/secret.ts';
import type { StorePort } from '../../src/store/port.ts';
import { openPostgresStore } from '../../src/store/postgres/store.ts';

const provided = inject('postgres');

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export const postgresUnavailable: string | undefined = 'error' in provided ? provided.error : undefined;

function serverUrl(): string {
  if ('error' in provided) throw new Error(provided.error);
  return provided.url;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Make a fresh, empty database and return its URL. */
export async function createDatabase(prefix = 'test'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drop a database made by `createDatabase`, closing anything still connected to it. */
export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * A describe block with one database for the file, made before its tests and dropped after.
 * `body` receives a getter, since the URL exists only once `beforeAll` has run.
 */
export function describePostgres(name: string, body: (databaseUrl: () => string) => void): void {
  describe.skipIf(postgresUnavailable !== undefined)(name, () => {
    let url = '';
    beforeAll(async () => {
      url = await createDatabase();
    });
    afterAll(async () => {
      if (url) await dropDatabase(url);
    });
    body(() => url);
  });
}

const ALL_TABLES = 'members, checkins, quiz_answers, workspaces, schedules, posts';

/**
 * For suites that open a fresh PostgreSQL store per test (the store contract, the data-rights
 * suite): one database for the file, made before its tests and dropped after; `openEmptyStore`
 * empties every table (once the schema exists) and opens a store on it.
 */
export function storePerTest(prefix: string): () => Promise<StorePort> {
  let url = '';
  beforeAll(async () => {
    if (!postgresUnavailable) url = await createDatabase(prefix);
  });
  afterAll(async () => {
    if (url) await dropDatabase(url);
  });
  return async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(
        `DO $$ BEGIN IF to_regclass('members') IS NOT NULL THEN TRUNCATE ${ALL_TABLES}; END IF; END $$`,
      );
    } finally {
      await client.end();
    }
    return openPostgresStore({ url: new Secret(url), log: silentLogger });
  };
}
