/**
 * Check-ins and the personal overview. The one way a check-in is recorded: the `done` command,
 * the daily post's "I learned it" and quiz buttons all call `recordCheckin`.
 */
import type { CoreDeps } from '../core.ts';
import type { LocalDate } from '../store/types.ts';
import type { Origin } from '../types.ts';
import { checkinDate } from './checkin-date.ts';
import { dayPolicyOf, memberToday, type TimezoneSource, timezoneFor, zoneInForce } from './context.ts';
import { boardQuery, leaderboard } from './leaderboard.ts';
import { type MarkedDay, milestoneReached, recentDays, streakStats } from './rules.ts';

export interface CheckinOutcome {
  /** `already`: this user had checked in on this local date; nothing changed. */
  status: 'counted' | 'already';
  /** The user's local date the check-in belongs to. */
  date: LocalDate;
  current: number;
  longest: number;
  total: number;
  freezes: number;
  /** Set when this check-in reached a milestone (3, 7, 14, 30, 50, 100). */
  milestone?: number;
}

function pickNumbers(s: { current: number; longest: number; total: number; freezes: number }) {
  return { current: s.current, longest: s.longest, total: s.total, freezes: s.freezes };
}

/**
 * Count today (in the user's timezone in force) as a learning day, once per user per local day.
 * Resolves only after the store has saved the check-in; rejects (with `StoreWriteError` from the
 * file store) when it could not be saved, and then nothing was recorded.
 */
export async function recordCheckin(deps: CoreDeps, who: Origin): Promise<CheckinOutcome> {
  const { defaultTimezone } = deps.settings;
  const result = await deps.store.checkIn(who, (context) => checkinDate(context, defaultTimezone, who.at));
  const { member, workspace, date } = result;
  const policy = dayPolicyOf(workspace);
  const after = streakStats(member.checkins, date, policy);
  if (result.status === 'already') return { status: 'already', date, ...pickNumbers(after) };
  const before = streakStats(
    member.checkins.filter((d) => d !== date),
    date,
    policy,
  );
  const milestone = milestoneReached(before.current, after.current);
  return { status: 'counted', date, ...pickNumbers(after), ...(milestone ? { milestone } : {}) };
}

export interface StreakOverview {
  current: number;
  longest: number;
  total: number;
  freezes: number;
  checkedInToday: boolean;
  today: LocalDate;
  timezone: string;
  timezoneSource: TimezoneSource;
  /** The last 14 days, oldest first. */
  days: MarkedDay[];
  /** Days a freeze covered within `days`. */
  frozenRecently: LocalDate[];
  /** Leaderboard rank in this workspace, or null before the first check-in. */
  rank: number | null;
  boardSize: number;
}

/** Everything `streak` and the Slack App Home show about one person. Reads only. */
export async function streakOverview(deps: CoreDeps, origin: Origin): Promise<StreakOverview> {
  const { defaultTimezone } = deps.settings;
  // Only the asker's entry is needed here: no top rows.
  const [member, page] = await Promise.all([
    deps.store.getMember(origin),
    deps.store.leaderboard(boardQuery(origin, origin.at, defaultTimezone, 0)),
  ]);
  const { workspace } = page;
  const zone = timezoneFor(member, workspace, defaultTimezone);
  const timezone = zoneInForce(member, workspace, defaultTimezone, origin.at);
  const today = memberToday(member, workspace, defaultTimezone, origin.at);
  const policy = dayPolicyOf(workspace);
  const checkins = member?.checkins ?? [];
  const stats = streakStats(checkins, today, policy);
  const days = recentDays(checkins, today, policy);
  const board = leaderboard(page, origin);
  return {
    ...pickNumbers(stats),
    checkedInToday: stats.checkedInToday,
    today,
    timezone,
    timezoneSource: timezone === zone.timezone ? zone.source : 'yours',
    days,
    frozenRecently: days.filter((d) => d.mark === 'freeze').map((d) => d.date),
    rank: board.askerRank,
    boardSize: board.size,
  };
}
