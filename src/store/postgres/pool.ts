/**
 * The connection pool and how its failures surface. A lost connection never crashes the process:
 * the pool's `error` event is handled (pg emits it for idle clients the server dropped), a broken
 * client is discarded on release, and the next query opens a fresh connection. Every failure
 * reaches the caller as a `StoreWriteError` saying what could not be done and why, never the URL.
 */
import pg from 'pg';
import { StoreWriteError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { Secret } from '../../secret.ts';

export interface PoolOptions {
  /** Connections at most; PostgreSQL's default server limit is 100 for all instances together. */
  max?: number;
  /** How long a query may wait for a connection before it fails (a server that is down). */
  connectTimeoutMs?: number;
  /** How long one statement may run before it fails (a server that hangs). */
  queryTimeoutMs?: number;
}

export function createPool(url: Secret, log: Logger, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url.reveal(),
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    query_timeout: options.queryTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'skillbot',
  });
  pool.on('error', (err) =>
    log.warn(
      { err: { message: err.message } },
      'postgres: an idle connection was lost; the next query reconnects',
    ),
  );
  return pool;
}

/** Why a statement failed, in words for a log line or a reply (no URL, no credentials). */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'the database server refused the connection (is it running?)';
  if (code === '57P01' || code === '57P02' || code === '57P03') return 'the database server is shutting down';
  if (/timeout/i.test(error.message)) return `the database did not answer in time (${error.message})`;
  if (/terminated|ECONNRESET|EPIPE/i.test(error.message)) return 'the connection to the database was lost';
  return error.message;
}

/** Wrap a driver failure into the store's error, naming what was being done. */
export function storeFailure(doing: string, error: unknown): StoreWriteError {
  if (error instanceof StoreWriteError) return error;
  return new StoreWriteError(`PostgreSQL: could not ${doing}: ${describeFailure(error)}`, { cause: error });
}

/**
 * Run `work` inside one transaction on one connection. Resolves only after COMMIT succeeded, so
 * a caller never confirms what was not saved; any failure rolls back and rejects.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  doing: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw storeFailure(doing, error);
  }
  let broken: Error | undefined;
  const onError = (err: Error) => {
    broken = err;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken ??= await client.query('ROLLBACK').then(
      () => undefined,
      (rollbackError: Error) => rollbackError,
    );
    throw storeFailure(doing, error);
  } finally {
    client.off('error', onError);
    // A client whose connection failed is destroyed rather than handed to the next caller.
    client.release(broken);
  }
}

/** One statement outside a transaction (reads, single-row writes). */
export async function query<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  doing: string,
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult<R>> {
  try {
    return await pool.query<R>(text, values);
  } catch (error) {
    throw storeFailure(doing, error);
  }
}
