/**
 * The whole store in and out, in the data file's format: export reads one consistent snapshot;
 * import replaces everything in one transaction, in batches so 100,000 members stay a few
 * statements rather than millions.
 */
import type pg from 'pg';
import {
  type PostRecord,
  SCHEMA_VERSION,
  type Schedule,
  type StoreData,
  type WorkspaceSettings,
} from '../types.ts';
import { SUMMARY_COLUMNS, summaryValues } from './board.ts';
import { profileOf, rowToMember } from './members.ts';

const BATCH = 5_000;

/** An object with no prototype, so a key such as `__proto__` stays plain data. */
function keyed<V>(rows: Array<{ key: string; value: V }>): Record<string, V> {
  const object = Object.create(null) as Record<string, V>;
  for (const row of rows) object[row.key] = row.value;
  return object;
}

export async function exportData(client: pg.PoolClient): Promise<StoreData> {
  const members = await client.query(
    `SELECT m.key, m.profile,
       coalesce(c.dates, '{}') AS checkins, coalesce(q.answers, '{}'::jsonb) AS quiz
     FROM members m
     LEFT JOIN (SELECT member_key, array_agg(local_date::text ORDER BY local_date) AS dates
                FROM checkins GROUP BY member_key) c ON c.member_key = m.key
     LEFT JOIN (SELECT member_key, jsonb_object_agg(answer_key, option) AS answers
                FROM quiz_answers GROUP BY member_key) q ON q.member_key = m.key
     ORDER BY m.key`,
  );
  const pick = async <V>(sql: string) => (await client.query<{ key: string; value: V }>(sql)).rows;
  return {
    version: SCHEMA_VERSION,
    users: keyed(members.rows.map((row) => ({ key: row.key as string, value: rowToMember(row) }))),
    workspaces: keyed(
      await pick<WorkspaceSettings>('SELECT key, settings AS value FROM workspaces ORDER BY key'),
    ),
    schedules: keyed(await pick<Schedule>('SELECT key, record AS value FROM schedules ORDER BY key')),
    posts: keyed(await pick<PostRecord>('SELECT key, record AS value FROM posts ORDER BY key')),
  };
}

/** `rows` in batches, each one statement whose columns arrive as arrays (`unnest`). */
async function insertColumns(
  client: pg.PoolClient,
  sql: string,
  rows: unknown[][],
  width: number,
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const columns = Array.from({ length: width }, (_, i) => batch.map((row) => row[i]));
    await client.query(sql, columns);
  }
}

const json = (record: unknown) => JSON.stringify(record);

/** Each table's insert (columns as arrays through `unnest`) and its rows from a data file. */
const LOADS: Array<{ sql: string; rows: (data: StoreData) => unknown[][] }> = [
  {
    // Summaries computed here, current as imported (checkin_seq and summary_seq both 1).
    sql: `INSERT INTO members (key, platform, workspace_id, user_id, profile, ${SUMMARY_COLUMNS.join(', ')}, summary_seq)
          SELECT *, 1 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[],
                                  $6::int[], $7::int[], $8::int[], $9::date[], $10::int[], $11::int[], $12::date[])`,
    rows: (data) =>
      Object.entries(data.users).map(([key, u]) => [
        key,
        u.platform,
        u.workspaceId,
        u.userId,
        json(profileOf(u)),
        ...summaryValues(u.checkins),
      ]),
  },
  {
    sql: 'INSERT INTO checkins SELECT * FROM unnest($1::text[], $2::date[])',
    rows: (data) =>
      Object.entries(data.users).flatMap(([key, u]) => [...new Set(u.checkins)].map((d) => [key, d])),
  },
  {
    sql: 'INSERT INTO quiz_answers SELECT * FROM unnest($1::text[], $2::text[], $3::int[])',
    rows: (data) =>
      Object.entries(data.users).flatMap(([key, u]) =>
        Object.entries(u.quizAnswers).map(([answer, option]) => [key, answer, option]),
      ),
  },
  {
    sql: 'INSERT INTO workspaces SELECT * FROM unnest($1::text[], $2::jsonb[])',
    rows: (data) => Object.entries(data.workspaces).map(([key, s]) => [key, json(s)]),
  },
  {
    sql: `INSERT INTO schedules
          SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bool[], $6::jsonb[])`,
    rows: (data) =>
      Object.entries(data.schedules).map(([key, s]) => [
        key,
        s.platform,
        s.workspaceId,
        s.channelId,
        s.paused !== undefined,
        json(s),
      ]),
  },
  {
    sql: `INSERT INTO posts
          SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])`,
    rows: (data) =>
      Object.entries(data.posts).map(([key, p]) => [
        key,
        p.platform,
        p.workspaceId,
        p.channelId,
        p.date,
        json(p),
      ]),
  },
];

export async function importData(client: pg.PoolClient, data: StoreData): Promise<void> {
  await client.query('TRUNCATE members, checkins, quiz_answers, workspaces, schedules, posts');
  for (const load of LOADS) {
    const rows = load.rows(data);
    await insertColumns(client, load.sql, rows, rows[0]?.length ?? 0);
  }
  // Fresh statistics, so the planner knows the tables' new sizes from the first query on.
  await client.query('ANALYZE members, checkins, quiz_answers, workspaces, schedules, posts');
}
