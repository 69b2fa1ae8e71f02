/**
 * Streak summaries and the leaderboard in PostgreSQL. Each member row carries the summary of its
 * check-ins (src/streaks/summary.ts). A check-in only bumps the row's `checkin_seq`; before it
 * ranks, the board recomputes the summaries whose `summary_seq` lags (those members changed since
 * the last board), so the ranking itself is one query and no other history leaves the database.
 * A summary is written only if the row's `checkin_seq` is still the one its check-ins were read
 * with: a check-in that lands in between leaves it stale for the next board, never wrong.
 */
import type pg from 'pg';
import { streakSummary } from '../../streaks/summary.ts';
import type { BoardEntry, LeaderboardPage, LeaderboardQuery, MemberZones } from '../port.ts';
import type { LocalDate, WorkspaceSettings } from '../types.ts';

type Db = pg.Pool | pg.PoolClient;

/** The summary columns of `members`, in the order `summaryValues` gives them. */
export const SUMMARY_COLUMNS = [
  'checkin_total',
  'weekdays_run',
  'weekdays_longest',
  'weekdays_alive',
  'daily_run',
  'daily_longest',
  'daily_alive',
] as const;

/** The summary column values for a member with these check-ins (total 0 and nulls when none). */
export function summaryValues(checkins: readonly LocalDate[]): Array<number | string | null> {
  const s = streakSummary(checkins);
  if (!s) return [0, null, null, null, null, null, null];
  const { weekdays: w, daily: d } = s;
  return [s.total, w.run, w.longest, w.aliveThrough, d.run, d.longest, d.aliveThrough];
}

const SET_SUMMARIES = `
  UPDATE members SET summary_seq = s.seq, checkin_total = s.total,
    weekdays_run = s.w_run, weekdays_longest = s.w_longest, weekdays_alive = s.w_alive,
    daily_run = s.d_run, daily_longest = s.d_longest, daily_alive = s.d_alive
  FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::date[], $7::int[], $8::int[], $9::date[])
    AS s(key, seq, total, w_run, w_longest, w_alive, d_run, d_longest, d_alive)
  WHERE members.key = s.key AND members.checkin_seq = s.seq`;

interface StaleRow {
  key: string;
  seq: number;
  checkins: LocalDate[];
}

// One snapshot gives each row's seq and check-ins together: a check-in changes both in one statement.
const stale = (scope: string) => `
  SELECT m.key, m.checkin_seq AS seq,
         coalesce(array_agg(c.local_date::text) FILTER (WHERE c.local_date IS NOT NULL), '{}') AS checkins
  FROM (SELECT key, checkin_seq FROM members WHERE checkin_seq <> summary_seq ${scope}
        ORDER BY key LIMIT 5000) m
  LEFT JOIN checkins c ON c.member_key = m.key GROUP BY m.key, m.checkin_seq`;

const STALE_ANYWHERE = stale('');
const STALE_IN_WORKSPACE = stale('AND platform = $1 AND workspace_id = $2');

/**
 * Recompute stale summaries, 5,000 members a statement: of one workspace, or (no `where`) of every
 * workspace, as the upgrade to the summary columns does once. A round that can write nothing
 * (members checking in all the while) ends it: they stay stale for the next board.
 */
export async function refreshSummaries(db: Db, where?: [string, string]): Promise<void> {
  for (;;) {
    const { rows } = where
      ? await db.query<StaleRow>(STALE_IN_WORKSPACE, where)
      : await db.query<StaleRow>(STALE_ANYWHERE);
    if (rows.length === 0) return;
    const values = rows.map((row) => [row.key, row.seq, ...summaryValues(row.checkins)]);
    const written = await db.query(
      SET_SUMMARIES,
      Array.from({ length: 9 }, (_, i) => values.map((row) => row[i])),
    );
    if (written.rowCount === 0) return;
  }
}

const ZONES = `
  SELECT DISTINCT profile->>'timezone' AS timezone, profile->>'previousTimezone' AS "previousTimezone",
         profile->>'timezoneFrom' AS "timezoneFrom"
  FROM members WHERE platform = $1 AND workspace_id = $2 AND checkin_total > 0`;

/**
 * One pass over the workspace, no full sort: the best `limit` by the port's order (a top-N
 * sort), how many there are, and how many rank strictly above the asker. One row of JSON.
 */
const rankingSql = (policy: 'weekdays' | 'daily') => `
  WITH zones AS (SELECT * FROM unnest($3::text[], $4::text[], $5::text[], $6::date[]) AS z(tz, prev, starts, today)),
  board AS MATERIALIZED (
    SELECT m.user_id, coalesce(m.profile->>'displayName', '') AS display_name, m.checkin_total AS total,
           CASE WHEN z.today <= m.${policy}_alive THEN m.${policy}_run ELSE 0 END AS current,
           m.${policy}_longest AS longest
    FROM members m JOIN zones z
      ON z.tz = coalesce(m.profile->>'timezone', '') AND z.prev = coalesce(m.profile->>'previousTimezone', '')
     AND z.starts = coalesce(m.profile->>'timezoneFrom', '')
    WHERE m.platform = $1 AND m.workspace_id = $2 AND m.checkin_total > 0),
  me AS (SELECT * FROM board WHERE user_id = $8)
  SELECT
    (SELECT coalesce(json_agg(t), '[]') FROM (SELECT * FROM board
       ORDER BY current DESC, longest DESC, total DESC, display_name, user_id LIMIT $7) t) AS top,
    (SELECT row_to_json(me) FROM me) AS me,
    (SELECT count(*) FROM board) AS size,
    (SELECT count(*) FROM board b, me
     WHERE (b.current, b.longest, b.total) > (me.current, me.longest, me.total)) AS better`;

interface BoardRow {
  user_id: string;
  display_name: string;
  total: number;
  current: number;
  longest: number;
}

interface RankingRow {
  top: BoardRow[];
  me: BoardRow | null;
  size: string;
  better: string;
}

const entryOf = (row: BoardRow, rank: number): BoardEntry => ({
  rank,
  userId: row.user_id,
  displayName: row.display_name,
  current: row.current,
  longest: row.longest,
  total: row.total,
});

const sameNumbers = (a: BoardRow, b: BoardEntry): boolean =>
  a.current === b.current && a.longest === b.longest && a.total === b.total;

export async function leaderboard(
  db: Db,
  query: LeaderboardQuery,
  workspace: WorkspaceSettings,
): Promise<LeaderboardPage> {
  const where: [string, string] = [query.platform, query.workspaceId];
  await refreshSummaries(db, where);
  const zones = (await db.query<MemberZones>(ZONES, where)).rows;
  const todays = zones.map((z) => query.todayFor(withoutNulls(z), workspace));
  const blank = (field: keyof MemberZones) => zones.map((z) => z[field] ?? '');
  const { rows } = await db.query<RankingRow>(
    rankingSql(workspace.learningDays === 'daily' ? 'daily' : 'weekdays'),
    [
      ...where,
      blank('timezone'),
      blank('previousTimezone'),
      blank('timezoneFrom'),
      todays,
      query.limit,
      query.userId,
    ],
  );
  const result = rows[0] as RankingRow;
  const page: LeaderboardPage = { workspace, top: [], size: Number(result.size) };
  // The top rows are the board's first rows, so their competition ranks follow from their order.
  result.top.forEach((row, index) => {
    const previous = page.top[index - 1];
    page.top.push(entryOf(row, previous && sameNumbers(row, previous) ? previous.rank : index + 1));
  });
  if (result.me) page.asker = entryOf(result.me, Number(result.better) + 1);
  return page;
}

/** SQL gives absent fields as null; the core's rules expect them absent. */
function withoutNulls(zones: MemberZones): MemberZones {
  const clean: MemberZones = {};
  if (zones.timezone) clean.timezone = zones.timezone;
  if (zones.previousTimezone) clean.previousTimezone = zones.previousTimezone;
  if (zones.timezoneFrom) clean.timezoneFrom = zones.timezoneFrom;
  return clean;
}
