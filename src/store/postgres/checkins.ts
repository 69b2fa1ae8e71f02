/**
 * Check-ins in batches. A confirmed check-in must be on disk, and on most servers the commit's
 * flush costs far more than the statements, so check-ins arriving together share one commit: one
 * read of every member's context, the date rule applied to each here, then one statement that
 * creates new members and inserts the days. The primary key (member, local date) makes each insert
 * count at most once, across batches and instances.
 *
 * The read and the write are separate statements, so the rule may see a member as of a moment
 * before the write. That is safe because its inputs only move a member's date from the next local
 * day on (a timezone change waits for the next day; a later check-in only exists on a later day),
 * and the insert itself is what decides `counted` or `already`.
 *
 * The same statement bumps each member's `checkin_seq`, which marks their streak summary stale;
 * the leaderboard brings stale summaries up to date before it ranks (postgres/board.ts). Keeping
 * the summary out of this path keeps a check-in at two statements and one commit.
 */
import type pg from 'pg';
import type { CheckinDateRule, CheckinResult, Member, MemberContext, MemberIdentity } from '../port.ts';
import { type LocalDate, type WorkspaceSettings, workspaceKey } from '../types.ts';
import type { BatchRun } from './batcher.ts';
import { memberKeyOf } from './members.ts';
import { storeFailure } from './pool.ts';

interface Pending {
  who: MemberIdentity;
  dateFor: CheckinDateRule;
}

const READ_CONTEXTS = `
  SELECT k.key, m.profile, coalesce(c.dates, '{}') AS checkins, coalesce(q.quiz, '{}'::jsonb) AS quiz,
         coalesce(w.settings, '{}'::jsonb) AS settings
  FROM unnest($1::text[], $2::text[]) AS k(key, workspace_key)
  LEFT JOIN members m ON m.key = k.key
  LEFT JOIN LATERAL (SELECT array_agg(local_date::text ORDER BY local_date) AS dates
                     FROM checkins WHERE member_key = k.key) c ON true
  LEFT JOIN LATERAL (SELECT jsonb_object_agg(answer_key, option) AS quiz
                     FROM quiz_answers WHERE member_key = k.key) q ON true
  LEFT JOIN workspaces w ON w.key = k.workspace_key`;

// Members in key order in every batch, so concurrent batches lock rows in one order (no deadlock).
const WRITE_CHECKINS = `
  WITH named AS (
    INSERT INTO members (key, platform, workspace_id, user_id, profile)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) ORDER BY 1
    ON CONFLICT (key) DO UPDATE SET checkin_seq = members.checkin_seq + 1,
      profile = CASE WHEN excluded.profile->>'displayName' <> ''
                      AND members.profile->>'displayName' IS DISTINCT FROM excluded.profile->>'displayName'
                     THEN jsonb_set(members.profile, '{displayName}', excluded.profile->'displayName')
                     ELSE members.profile END
  )
  INSERT INTO checkins (member_key, local_date)
  SELECT * FROM unnest($6::text[], $7::date[]) ORDER BY 1
  ON CONFLICT DO NOTHING
  RETURNING member_key, local_date::text AS local_date`;

interface ContextRow {
  key: string;
  profile: Record<string, unknown> | null;
  checkins: LocalDate[];
  quiz: Record<string, number>;
  settings: WorkspaceSettings;
}

function contextOf(row: ContextRow | undefined, who: MemberIdentity): MemberContext {
  const quizAnswers = Object.assign(Object.create(null) as Record<string, number>, row?.quiz ?? {});
  const blank = {
    platform: who.platform,
    workspaceId: who.workspaceId,
    userId: who.userId,
    displayName: who.displayName,
  };
  const member = {
    ...((row?.profile ?? blank) as unknown as Member),
    checkins: row?.checkins ?? [],
    quizAnswers,
  };
  return { member, workspace: row?.settings ?? {} };
}

interface Decided {
  index: number;
  pending: Pending;
  context: MemberContext;
  key: string;
  date: LocalDate;
}

type Results = Array<PromiseSettledResult<CheckinResult>>;

async function readContexts(pool: pg.Pool, batch: Pending[], results: Results): Promise<Decided[]> {
  const keys = batch.map((p) => memberKeyOf(p.who));
  const workspaces = batch.map((p) => workspaceKey(p.who.platform, p.who.workspaceId));
  const { rows } = await pool.query<ContextRow>(READ_CONTEXTS, [keys, workspaces]);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const decided: Decided[] = [];
  batch.forEach((pending, index) => {
    const key = keys[index] as string;
    const context = contextOf(byKey.get(key), pending.who);
    try {
      decided.push({ index, pending, context, key, date: pending.dateFor(context) });
    } catch (error) {
      results[index] = { status: 'rejected', reason: error }; // a rule that throws fails only its own call
    }
  });
  return decided;
}

function writeParameters(decided: Decided[]): unknown[] {
  const members = new Map<string, MemberIdentity>();
  for (const d of decided) members.set(d.key, d.pending.who);
  const who = [...members.values()];
  const profiles = who.map((w) =>
    JSON.stringify({
      platform: w.platform,
      workspaceId: w.workspaceId,
      userId: w.userId,
      displayName: w.displayName,
    }),
  );
  return [
    [...members.keys()],
    who.map((w) => w.platform),
    who.map((w) => w.workspaceId),
    who.map((w) => w.userId),
    profiles,
    decided.map((d) => d.key),
    decided.map((d) => d.date),
  ];
}

/** The first call of a (member, date) the insert kept is `counted`; every other is `already`. */
function settle(decided: Decided[], inserted: Set<string>, results: Results): void {
  for (const d of decided) {
    const counted = inserted.delete(`${d.key}\u0000${d.date}`);
    const { member } = d.context;
    const checkins = member.checkins.includes(d.date) ? member.checkins : [...member.checkins, d.date].sort();
    const displayName = d.pending.who.displayName || member.displayName;
    results[d.index] = {
      status: 'fulfilled',
      value: {
        status: counted ? 'counted' : 'already',
        date: d.date,
        member: { ...member, displayName, checkins },
        workspace: d.context.workspace,
      },
    };
  }
}

/** One batch: read every context, decide each date, write them all in one statement. */
export function checkinBatch(pool: pg.Pool): BatchRun<Pending, CheckinResult> {
  return async (batch) => {
    const results: Results = new Array(batch.length);
    try {
      const decided = await readContexts(pool, batch, results);
      if (decided.length === 0) return results;
      const { rows } = await pool.query<{ member_key: string; local_date: string }>(
        WRITE_CHECKINS,
        writeParameters(decided),
      );
      settle(decided, new Set(rows.map((row) => `${row.member_key}\u0000${row.local_date}`)), results);
      return results;
    } catch (error) {
      throw storeFailure('save the check-in', error);
    }
  };
}
