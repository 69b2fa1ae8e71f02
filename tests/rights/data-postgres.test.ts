/** The data-rights suite against a real PostgreSQL server (started for the run by tests/support). */
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { Secret } from '../../src/secret.ts';
import { openPostgresStore } from '../../src/store/postgres/store.ts';
import { createDatabase, dropDatabase, postgresUnavailable } from '../support/postgres.ts';
import { describeDataRights } from './data-suite.ts';

let url = '';
beforeAll(async () => {
  if (!postgresUnavailable) url = await createDatabase('rights');
});
afterAll(async () => {
  if (url) await dropDatabase(url);
});

async function emptyTables(): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `DO $$ BEGIN IF to_regclass('members') IS NOT NULL THEN
       TRUNCATE members, checkins, quiz_answers, workspaces, schedules, posts; END IF; END $$`,
  );
  await client.end();
}

describe.skipIf(postgresUnavailable !== undefined)('on PostgreSQL', () => {
  describeDataRights('postgres', async () => {
    await emptyTables();
    return openPostgresStore({ url: new Secret(url), log: silentLogger });
  });
});
