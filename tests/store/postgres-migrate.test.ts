import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { DataFileError } from '../../src/errors.ts';
import { migrate } from '../../src/store/postgres/migrate.ts';
import { MIGRATIONS } from '../../src/store/postgres/migrations.ts';
import { createDatabase, describePostgres, dropDatabase } from '../support/postgres.ts';

const pools: pg.Pool[] = [];
const databases: string[] = [];

async function freshPool(): Promise<pg.Pool> {
  const url = await createDatabase('migrate');
  databases.push(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pools.push(pool);
  return pool;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
  await Promise.all(databases.splice(0).map(dropDatabase));
});

describePostgres('PostgreSQL migrations', () => {
  it('GIVEN an empty database THEN every step is applied once and recorded', async () => {
    const pool = await freshPool();
    const first = await migrate(pool);
    expect(first.applied).toEqual(MIGRATIONS.map((m) => m.version));
    const again = await migrate(pool);
    expect(again).toEqual({ applied: [], version: first.version });
    const { rows } = await pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('GIVEN members saved before streak summaries existed THEN the upgrade fills theirs in', async () => {
    const pool = await freshPool();
    await migrate(pool, MIGRATIONS.slice(0, 1));
    await pool.query(
      `INSERT INTO members VALUES ('slack:T1:U1', 'slack', 'T1', 'U1', '{"displayName":"Ann"}'),
                                  ('slack:T1:U2', 'slack', 'T1', 'U2', '{"displayName":"Ben"}')`,
    );
    // Monday to Wednesday, then Friday: a run of 3 broken by Thursday (no freeze yet): run 1.
    await pool.query(
      `INSERT INTO checkins VALUES ('slack:T1:U1', '2026-03-02'), ('slack:T1:U1', '2026-03-03'),
                                   ('slack:T1:U1', '2026-03-04'), ('slack:T1:U1', '2026-03-06')`,
    );
    expect((await migrate(pool)).applied).toEqual([2]);
    const { rows } = await pool.query(
      `SELECT key, checkin_total, weekdays_run, weekdays_longest, weekdays_alive::text
       FROM members ORDER BY key`,
    );
    expect(rows).toEqual([
      {
        key: 'slack:T1:U1',
        checkin_total: 4,
        weekdays_run: 1,
        weekdays_longest: 3,
        weekdays_alive: '2026-03-09',
      },
      {
        key: 'slack:T1:U2',
        checkin_total: 0,
        weekdays_run: null,
        weekdays_longest: null,
        weekdays_alive: null,
      },
    ]);
  });

  it('GIVEN five instances starting together THEN the schema is applied exactly once, no one fails', async () => {
    const pool = await freshPool();
    // Separate pools: separate connections, as separate processes would have.
    const others = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const p = new pg.Pool({
          connectionString: (pool.options as { connectionString: string }).connectionString,
        });
        pools.push(p);
        return p;
      }),
    );
    const reports = await Promise.all([pool, ...others].map((p) => migrate(p)));
    const appliers = reports.filter((r) => r.applied.length > 0);
    expect(appliers).toHaveLength(1);
    expect(new Set(reports.map((r) => r.version)).size).toBe(1);
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0].n).toBe(MIGRATIONS.length);
  });

  it('GIVEN a failing step THEN nothing of it stays and the next start tries again', async () => {
    const pool = await freshPool();
    const broken = [
      ...MIGRATIONS,
      { version: 999, name: 'broken', sql: 'CREATE TABLE x (a int); SELECT nope' },
    ];
    await expect(migrate(pool, broken)).rejects.toThrow(/apply the database schema.*nope/);
    const { rows } = await pool.query("SELECT to_regclass('members') AS members, to_regclass('x') AS x");
    expect(rows[0]).toEqual({ members: null, x: null });
    expect((await migrate(pool)).applied).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('GIVEN a database migrated by a newer skillbot THEN start-up refuses it by version', async () => {
    const pool = await freshPool();
    await migrate(pool, [...MIGRATIONS, { version: 50, name: 'from the future', sql: 'SELECT 1' }]);
    const refusal = migrate(pool);
    await expect(refusal).rejects.toBeInstanceOf(DataFileError);
    await expect(refusal).rejects.toThrow(/version 50, newer than this skillbot knows/);
  });
});
