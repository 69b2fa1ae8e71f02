/**
 * Versioned migrations, applied at start. Several instances may start at once: each takes the
 * same transaction-scoped advisory lock first, so one applies what is pending while the others
 * wait, then find nothing left to do. Each migration runs in that one transaction with its row in
 * `schema_migrations`, so a failure leaves the schema as it was.
 */
import type pg from 'pg';
import { DataFileError } from '../../errors.ts';
import { refreshSummaries } from './board.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { storeFailure } from './pool.ts';

/** Advisory-lock namespace for skillbot (ASCII "sklb"), shared with leadership locks. */
export const LOCK_NAMESPACE = 0x736b6c62;
const MIGRATION_LOCK_ID = 1;

const CREATE_LEDGER = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

export interface MigrationReport {
  applied: number[];
  version: number;
}

async function appliedVersions(client: pg.PoolClient): Promise<Set<number>> {
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((row) => row.version));
}

function refuseNewerSchema(applied: Set<number>, known: readonly Migration[]): void {
  const latestKnown = Math.max(0, ...known.map((m) => m.version));
  const newest = Math.max(0, ...applied);
  if (newest > latestKnown) {
    throw new DataFileError(
      `The database schema is at version ${newest}, newer than this skillbot knows (${latestKnown}). ` +
        'Run the newer skillbot, or restore a backup made with this version.',
    );
  }
}

/** Bring the database to the latest schema; safe to call from many instances at once. */
export async function migrate(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  const client = await pool.connect().catch((error: unknown) => {
    throw storeFailure('connect to apply the schema', error);
  });
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK_ID]);
    await client.query(CREATE_LEDGER);
    const done = await appliedVersions(client);
    refuseNewerSchema(done, migrations);
    const pending = migrations.filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    // Members written before the summaries existed get theirs once, before any instance serves.
    if (pending.some((m) => m.version === 2)) await refreshSummaries(client);
    await client.query('COMMIT');
    const version = Math.max(0, ...done, ...pending.map((m) => m.version));
    return { applied: pending.map((m) => m.version), version };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof DataFileError) throw error;
    throw storeFailure('apply the database schema', error);
  } finally {
    client.release();
  }
}
