/**
 * Workspace settings, schedules and the post log in PostgreSQL. The post claim is an insert that
 * the primary key (the post's channel-and-date key) lets succeed exactly once across instances.
 */
import type pg from 'pg';
import type { ChannelRef, PostOutcome, ScheduleChange, ScheduleFilter, WorkspaceRef } from '../port.ts';
import {
  channelKey,
  type LocalDate,
  type PostRecord,
  type Schedule,
  type WorkspaceSettings,
  workspaceKey,
} from '../types.ts';
import { LOCK_NAMESPACE } from './migrate.ts';

type Db = pg.Pool | pg.PoolClient;

const channelKeyOf = (ref: ChannelRef): string => channelKey(ref.platform, ref.workspaceId, ref.channelId);

/** Merge `patch`; a field present in it with the value undefined is removed, as a spread would. */
export async function updateWorkspace(
  db: Db,
  ref: WorkspaceRef,
  patch: WorkspaceSettings,
): Promise<WorkspaceSettings> {
  const entries = Object.entries(patch);
  const set = Object.fromEntries(entries.filter(([, value]) => value !== undefined));
  const removed = entries.filter(([, value]) => value === undefined).map(([name]) => name);
  const { rows } = await db.query<{ settings: WorkspaceSettings }>(
    `INSERT INTO workspaces (key, settings) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET settings = (workspaces.settings - $3::text[]) || excluded.settings
     RETURNING settings`,
    [workspaceKey(ref.platform, ref.workspaceId), set, removed],
  );
  return rows[0]?.settings ?? {};
}

export async function getSchedule(db: Db, ref: ChannelRef): Promise<Schedule | undefined> {
  const { rows } = await db.query<{ record: Schedule }>('SELECT record FROM schedules WHERE key = $1', [
    channelKeyOf(ref),
  ]);
  return rows[0]?.record;
}

/** The rule runs under a lock on the channel's key, so a change and a first creation cannot race. */
export async function updateSchedule(
  client: pg.PoolClient,
  ref: ChannelRef,
  change: ScheduleChange,
): Promise<Schedule | undefined> {
  const key = channelKeyOf(ref);
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, key]);
  const current = await getSchedule(client, ref);
  const next = change(current);
  if (!next) return current;
  await client.query(
    `INSERT INTO schedules (key, platform, workspace_id, channel_id, paused, record)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (key) DO UPDATE SET paused = excluded.paused, record = excluded.record`,
    [key, ref.platform, ref.workspaceId, ref.channelId, next.paused !== undefined, next],
  );
  return { ...next };
}

function compareChannels(a: Schedule, b: Schedule): number {
  return (
    a.platform.localeCompare(b.platform) ||
    a.workspaceId.localeCompare(b.workspaceId) ||
    a.channelId.localeCompare(b.channelId)
  );
}

export async function listSchedules(db: Db, filter: ScheduleFilter = {}): Promise<Schedule[]> {
  const { rows } = await db.query<{ record: Schedule }>(
    `SELECT record FROM schedules
     WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR workspace_id = $2)
       AND (NOT $3 OR NOT paused)`,
    [filter.platform ?? null, filter.workspaceId ?? null, filter.activeOnly === true],
  );
  // Sorted here, not by the server's collation, so every store orders channels alike.
  return rows.map((row) => row.record).sort(compareChannels);
}

export async function getPosts(db: Db, keys: readonly string[]): Promise<Map<string, PostRecord>> {
  const found = new Map<string, PostRecord>();
  if (keys.length === 0) return found;
  const { rows } = await db.query<{ key: string; record: PostRecord }>(
    'SELECT key, record FROM posts WHERE key = ANY($1::text[])',
    [[...keys]],
  );
  for (const row of rows) found.set(row.key, row.record);
  return found;
}

type Settled<T> = Array<PromiseSettledResult<T>>;
const fulfilled = <T>(value: T): PromiseSettledResult<T> => ({ status: 'fulfilled', value });

/**
 * Claims in one statement: each post's key is inserted unless present, and only the inserted
 * keys come back, so exactly one caller per key (in any instance) gets `true`.
 */
export function claimBatch(pool: pg.Pool) {
  return async (records: PostRecord[]): Promise<Settled<boolean>> => {
    const { rows } = await pool.query<{ key: string }>(
      `INSERT INTO posts (key, platform, workspace_id, channel_id, local_date, record)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [
        records.map((r) => r.key),
        records.map((r) => r.platform),
        records.map((r) => r.workspaceId),
        records.map((r) => r.channelId),
        records.map((r) => r.date),
        records.map((r) => JSON.stringify(r)),
      ],
    );
    const won = new Set(rows.map((row) => row.key));
    // The same key twice in one batch: only its first caller owns it.
    return records.map((r) => fulfilled(won.delete(r.key)));
  };
}

export interface Settlement {
  key: string;
  outcome: PostOutcome;
}

/** Outcomes in one statement: the outcome's fields replace the record's, and `reason` goes unless given. */
export function settleBatch(pool: pg.Pool) {
  return async (items: Settlement[]): Promise<Settled<PostRecord | undefined>> => {
    // One UPDATE can change a row once: of two outcomes for one key in a batch (never seen in practice), the later wins.
    const last = new Map(items.map((item, i) => [item.key, i]));
    const now = items.filter((item, i) => last.get(item.key) === i);
    const patches = now.map((i) =>
      JSON.stringify(Object.fromEntries(Object.entries(i.outcome).filter(([, v]) => v !== undefined))),
    );
    const { rows } = await pool.query<{ key: string; record: PostRecord }>(
      `UPDATE posts SET record = (posts.record - 'reason' - 'leaseUntil') || p.patch
       FROM unnest($1::text[], $2::jsonb[]) AS p(key, patch) WHERE posts.key = p.key
       RETURNING posts.key, posts.record`,
      [now.map((i) => i.key), patches],
    );
    const updated = new Map(rows.map((row) => [row.key, row.record]));
    return items.map((item) => fulfilled(updated.get(item.key)));
  };
}

/** The row lock UPDATE takes makes this a compare-and-set: of two racing callers, one matches. */
export async function leaseClaim(
  db: Db,
  key: string,
  expected: string | undefined,
  leaseUntil: string,
): Promise<boolean> {
  const updated = await db.query(
    `UPDATE posts SET record = jsonb_set(record, '{leaseUntil}', to_jsonb($3::text))
     WHERE key = $1 AND record->>'status' = 'claimed' AND record->>'leaseUntil' IS NOT DISTINCT FROM $2`,
    [key, expected ?? null, leaseUntil],
  );
  return updated.rowCount === 1;
}

const byDate = (a: PostRecord, b: PostRecord): number =>
  a.date.localeCompare(b.date) || a.claimedAt.localeCompare(b.claimedAt);

/**
 * Channel histories in batches: 500 channels due at one minute each read theirs for the tip
 * rotation, and one statement for all of them keeps the fan-out from queueing on the pool.
 */
export function channelPostsBatch(pool: pg.Pool) {
  return async (refs: ChannelRef[]): Promise<Settled<PostRecord[]>> => {
    const keys = refs.map(channelKeyOf);
    const { rows } = await pool.query<{ record: PostRecord }>(
      `SELECT record FROM posts WHERE (platform, workspace_id, channel_id) IN
         (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`,
      [refs.map((r) => r.platform), refs.map((r) => r.workspaceId), refs.map((r) => r.channelId)],
    );
    const found = new Map<string, PostRecord[]>(keys.map((key) => [key, []]));
    for (const { record } of rows) found.get(channelKeyOf(record))?.push(record);
    return keys.map((key) => fulfilled([...(found.get(key) ?? [])].sort(byDate)));
  };
}

export async function prunePosts(db: Db, before: LocalDate, channel?: ChannelRef): Promise<number> {
  const deleted = channel
    ? await db.query(
        'DELETE FROM posts WHERE local_date < $1 AND platform = $2 AND workspace_id = $3 AND channel_id = $4',
        [before, channel.platform, channel.workspaceId, channel.channelId],
      )
    : await db.query('DELETE FROM posts WHERE local_date < $1', [before]);
  return deleted.rowCount ?? 0;
}
