/**
 * The whole store in and out, in the data file's format: export reads one consistent snapshot;
 * import replaces everything in one transaction, in batches so 100,000 members stay a few
 * statements rather than millions.
 */
import type pg from 'pg';
import type { Member } from '../port.ts';
import {
  type PostRecord,
  SCHEMA_VERSION,
  type Schedule,
  type StoreData,
  type WorkspaceSettings,
} from '../types.ts';
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

function memberRows(users: Array<[string, Member]>) {
  const members: unknown[][] = [];
  const checkins: unknown[][] = [];
  const answers: unknown[][] = [];
  for (const [key, user] of users) {
    members.push([key, user.platform, user.workspaceId, user.userId, JSON.stringify(profileOf(user))]);
    for (const date of new Set(user.checkins)) checkins.push([key, date]);
    for (const [answer, option] of Object.entries(user.quizAnswers)) answers.push([key, answer, option]);
  }
  return { members, checkins, answers };
}

export async function importData(client: pg.PoolClient, data: StoreData): Promise<void> {
  await client.query('TRUNCATE members, checkins, quiz_answers, workspaces, schedules, posts');
  const { members, checkins, answers } = memberRows(Object.entries(data.users));
  await insertColumns(
    client,
    `INSERT INTO members (key, platform, workspace_id, user_id, profile)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])`,
    members,
    5,
  );
  await insertColumns(
    client,
    'INSERT INTO checkins SELECT * FROM unnest($1::text[], $2::date[])',
    checkins,
    2,
  );
  await insertColumns(
    client,
    'INSERT INTO quiz_answers SELECT * FROM unnest($1::text[], $2::text[], $3::int[])',
    answers,
    3,
  );
  const json = (record: unknown) => JSON.stringify(record);
  const workspaces = Object.entries(data.workspaces).map(([key, s]) => [key, json(s)]);
  await insertColumns(
    client,
    'INSERT INTO workspaces SELECT * FROM unnest($1::text[], $2::jsonb[])',
    workspaces,
    2,
  );
  const schedules = Object.entries(data.schedules).map(([key, s]) => [
    key,
    s.platform,
    s.workspaceId,
    s.channelId,
    s.paused !== undefined,
    json(s),
  ]);
  await insertColumns(
    client,
    `INSERT INTO schedules SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bool[], $6::jsonb[])`,
    schedules,
    6,
  );
  const posts = Object.entries(data.posts).map(([key, p]) => [
    key,
    p.platform,
    p.workspaceId,
    p.channelId,
    p.date,
    json(p),
  ]);
  await insertColumns(
    client,
    `INSERT INTO posts SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])`,
    posts,
    6,
  );
}
