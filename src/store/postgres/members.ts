/**
 * Members and quiz answers in PostgreSQL. Every write first upserts the member row,
 * which also locks it: concurrent writes about one member (in any instance) take turns, so a rule
 * always decides from what is committed. Check-ins are batched in checkins.ts.
 */
import type pg from 'pg';
import type {
  Member,
  MemberContext,
  MemberIdentity,
  MemberRef,
  QuizAnswerResult,
  TimezoneRule,
  WorkspaceRef,
} from '../port.ts';
import { type LocalDate, userKey, type WorkspaceSettings, workspaceKey } from '../types.ts';

type Db = pg.Pool | pg.PoolClient;

/** A member row with its check-ins and quiz answers gathered alongside. */
const MEMBER_COLUMNS = `
  m.key, m.profile,
  coalesce((SELECT array_agg(c.local_date::text ORDER BY c.local_date) FROM checkins c
            WHERE c.member_key = m.key), '{}') AS checkins,
  coalesce((SELECT jsonb_object_agg(q.answer_key, q.option) FROM quiz_answers q
            WHERE q.member_key = m.key), '{}'::jsonb) AS quiz`;

interface MemberRow {
  key: string;
  profile: Record<string, unknown>;
  checkins: LocalDate[];
  quiz: Record<string, number>;
}

export const memberKeyOf = (ref: MemberRef): string => userKey(ref.platform, ref.workspaceId, ref.userId);

export function rowToMember(row: MemberRow): Member {
  const quizAnswers = Object.assign(Object.create(null) as Record<string, number>, row.quiz);
  return { ...(row.profile as unknown as Member), checkins: row.checkins, quizAnswers };
}

/** A member record without what lives in its own tables: what the `profile` column holds. */
export function profileOf(member: Member): Record<string, unknown> {
  const { checkins: _checkins, quizAnswers: _quiz, ...profile } = member;
  return profile;
}

export async function getMember(db: Db, ref: MemberRef): Promise<Member | undefined> {
  const { rows } = await db.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members m WHERE m.key = $1`, [
    memberKeyOf(ref),
  ]);
  return rows[0] ? rowToMember(rows[0]) : undefined;
}

export async function getWorkspace(db: Db, ref: WorkspaceRef): Promise<WorkspaceSettings> {
  const { rows } = await db.query<{ settings: WorkspaceSettings }>(
    'SELECT settings FROM workspaces WHERE key = $1',
    [workspaceKey(ref.platform, ref.workspaceId)],
  );
  return rows[0]?.settings ?? {};
}

/**
 * Create the member if new, refresh a changed display name, and lock the row until the
 * transaction ends (ON CONFLICT DO UPDATE locks the row even when its WHERE skips the update).
 */
async function lockMember(client: pg.PoolClient, who: MemberIdentity): Promise<void> {
  const profile = {
    platform: who.platform,
    workspaceId: who.workspaceId,
    userId: who.userId,
    displayName: who.displayName,
  };
  await client.query(
    `INSERT INTO members (key, platform, workspace_id, user_id, profile) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (key) DO UPDATE SET profile = jsonb_set(members.profile, '{displayName}', to_jsonb($6::text))
     WHERE $6 <> '' AND members.profile->>'displayName' IS DISTINCT FROM $6`,
    [memberKeyOf(who), who.platform, who.workspaceId, who.userId, profile, who.displayName],
  );
}

async function lockedContext(client: pg.PoolClient, who: MemberIdentity): Promise<MemberContext> {
  await lockMember(client, who);
  const member = await getMember(client, who);
  if (!member) throw new Error('the member row vanished inside its own transaction');
  return { member, workspace: await getWorkspace(client, who) };
}

export async function setTimezone(
  client: pg.PoolClient,
  who: MemberIdentity,
  rule: TimezoneRule,
): Promise<Member> {
  const context = await lockedContext(client, who);
  const { timezone, previousTimezone, timezoneFrom, ...rest } = context.member;
  const state = rule(context);
  const next: Member = { ...rest };
  if (state.timezone !== undefined) next.timezone = state.timezone;
  if (state.previousTimezone !== undefined) next.previousTimezone = state.previousTimezone;
  if (state.timezoneFrom !== undefined) next.timezoneFrom = state.timezoneFrom;
  await client.query('UPDATE members SET profile = $2 WHERE key = $1', [memberKeyOf(who), profileOf(next)]);
  return next;
}

export async function recordQuizAnswer(
  client: pg.PoolClient,
  who: MemberIdentity,
  answerKey: string,
  option: number,
): Promise<QuizAnswerResult> {
  await lockMember(client, who);
  const key = memberKeyOf(who);
  const inserted = await client.query(
    'INSERT INTO quiz_answers (member_key, answer_key, option) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [key, answerKey, option],
  );
  if (inserted.rowCount === 1) return { recorded: true, option };
  const { rows } = await client.query<{ option: number }>(
    'SELECT option FROM quiz_answers WHERE member_key = $1 AND answer_key = $2',
    [key, answerKey],
  );
  return { recorded: false, option: rows[0]?.option ?? option };
}

export async function deleteMember(db: Db, ref: MemberRef): Promise<boolean> {
  const deleted = await db.query('DELETE FROM members WHERE key = $1', [memberKeyOf(ref)]);
  return deleted.rowCount === 1;
}
