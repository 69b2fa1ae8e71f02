/**
 * Check-ins in batches. A confirmed check-in must be on disk, and on most servers the commit's
 * flush costs far more than the statements, so check-ins arriving together share one transaction
 * and one commit: create and lock every member row (in key order, so concurrent batches in any
 * instance take turns without deadlock), read each member's context, apply the date rule here,
 * insert the days, and rewrite the streak summary of every member who got one. The primary key
 * (member, local date) makes each insert count at most once, across batches and instances; the
 * row locks make each summary come from the member's complete, committed check-ins.
 */
import type pg from 'pg';
import type { CheckinDateRule, CheckinResult, Member, MemberContext, MemberIdentity } from '../port.ts';
import { type LocalDate, type WorkspaceSettings, workspaceKey } from '../types.ts';
import type { BatchRun } from './batcher.ts';
import { writeSummaries } from './board.ts';
import { memberKeyOf } from './members.ts';
import { inTransaction } from './pool.ts';

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
// ON CONFLICT DO UPDATE locks the row even when its WHERE skips the update.
const LOCK_MEMBERS = `
  INSERT INTO members (key, platform, workspace_id, user_id, profile)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) ORDER BY 1
  ON CONFLICT (key) DO UPDATE SET profile = jsonb_set(members.profile, '{displayName}', excluded.profile->'displayName')
  WHERE excluded.profile->>'displayName' <> ''
    AND members.profile->>'displayName' IS DISTINCT FROM excluded.profile->>'displayName'`;

const INSERT_CHECKINS = `
  INSERT INTO checkins (member_key, local_date)
  SELECT * FROM unnest($1::text[], $2::date[]) ORDER BY 1
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

async function readContexts(client: pg.PoolClient, batch: Pending[], results: Results): Promise<Decided[]> {
  const keys = batch.map((p) => memberKeyOf(p.who));
  const workspaces = batch.map((p) => workspaceKey(p.who.platform, p.who.workspaceId));
  const { rows } = await client.query<ContextRow>(READ_CONTEXTS, [keys, workspaces]);
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

function memberParameters(batch: Pending[]): unknown[] {
  const members = new Map<string, MemberIdentity>();
  for (const p of batch) members.set(memberKeyOf(p.who), p.who);
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
  ];
}

/**
 * The first call of a (member, date) the insert kept is `counted`; every other is `already`.
 * Returns the complete check-ins of each member who got a new one (for their summaries).
 */
function settle(decided: Decided[], inserted: Set<string>, results: Results): Map<string, LocalDate[]> {
  const changed = new Map<string, LocalDate[]>();
  for (const d of decided) {
    const counted = inserted.delete(`${d.key}\u0000${d.date}`);
    const { member } = d.context;
    const known = changed.get(d.key) ?? member.checkins;
    const checkins = known.includes(d.date) ? known : [...known, d.date].sort();
    if (counted) changed.set(d.key, checkins);
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
  return changed;
}

/** One batch, one transaction: lock the members, read their contexts, decide, insert, summarise. */
export function checkinBatch(pool: pg.Pool): BatchRun<Pending, CheckinResult> {
  return (batch) =>
    inTransaction(pool, 'save the check-in', async (client) => {
      const results: Results = new Array(batch.length);
      await client.query(LOCK_MEMBERS, memberParameters(batch));
      const decided = await readContexts(client, batch, results);
      if (decided.length === 0) return results;
      const { rows } = await client.query<{ member_key: string; local_date: string }>(INSERT_CHECKINS, [
        decided.map((d) => d.key),
        decided.map((d) => d.date),
      ]);
      const inserted = new Set(rows.map((row) => `${row.member_key}\u0000${row.local_date}`));
      await writeSummaries(client, settle(decided, inserted, results));
      return results;
    });
}
