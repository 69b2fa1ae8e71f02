/**
 * Check-ins and the personal overview. The one way a check-in is recorded: the `done` command,
 * the daily post's "I learned it" and quiz buttons all call `recordCheckin`.
 */
import type { CoreDeps } from '../core.ts';
import type { LocalDate, StoreData } from '../store/types.ts';
import type { Origin } from '../types.ts';
import { dayPolicyFor, ensureUser, findUser, type TimezoneSource, timezoneFor } from './context.ts';
import { dateIn } from './day.ts';
import { leaderboard } from './leaderboard.ts';
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

function todayFor(data: Readonly<StoreData>, who: Origin, defaultTimezone: string): LocalDate {
  return dateIn(who.at, timezoneFor(data, who, defaultTimezone).timezone);
}

/** The change applied inside the store: pure in `data`, so the store can replay it after a rollback. */
function applyCheckin(data: StoreData, who: Origin, defaultTimezone: string): CheckinOutcome {
  const user = ensureUser(data, who);
  const date = todayFor(data, who, defaultTimezone);
  const policy = dayPolicyFor(data, who);
  const before = streakStats(user.checkins, date, policy);
  if (before.checkedInToday) return { status: 'already', date, ...pickNumbers(before) };
  user.checkins = [...user.checkins, date].sort();
  const after = streakStats(user.checkins, date, policy);
  const milestone = milestoneReached(before.current, after.current);
  return { status: 'counted', date, ...pickNumbers(after), ...(milestone ? { milestone } : {}) };
}

function pickNumbers(s: { current: number; longest: number; total: number; freezes: number }) {
  return { current: s.current, longest: s.longest, total: s.total, freezes: s.freezes };
}

/**
 * Count today (in the user's timezone) as a learning day, once per user per local day.
 * Resolves only after the store write holding the check-in has finished; rejects with
 * `StoreWriteError` when it could not be saved (the change is then rolled back).
 */
export async function recordCheckin(deps: CoreDeps, who: Origin): Promise<CheckinOutcome> {
  const { store, settings } = deps;
  const known = findUser(store.data, who);
  const nameIsFresh = known !== undefined && (!who.displayName || known.displayName === who.displayName);
  if (nameIsFresh) {
    const today = todayFor(store.data, who, settings.defaultTimezone);
    if (known.checkins.includes(today)) {
      // Nothing to change, but the check-in we are pointing at may still be on its way to disk.
      await store.flush();
      const stats = streakStats(known.checkins, today, dayPolicyFor(store.data, who));
      return { status: 'already', date: today, ...pickNumbers(stats) };
    }
  }
  return store.commit((data) => applyCheckin(data, who, settings.defaultTimezone));
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
export function streakOverview(deps: CoreDeps, origin: Origin): StreakOverview {
  const data = deps.store.data;
  const zone = timezoneFor(data, origin, deps.settings.defaultTimezone);
  const today = dateIn(origin.at, zone.timezone);
  const policy = dayPolicyFor(data, origin);
  const checkins = findUser(data, origin)?.checkins ?? [];
  const stats = streakStats(checkins, today, policy);
  const days = recentDays(checkins, today, policy);
  const board = leaderboard(data, origin, origin.at, deps.settings.defaultTimezone);
  return {
    ...pickNumbers(stats),
    checkedInToday: stats.checkedInToday,
    today,
    timezone: zone.timezone,
    timezoneSource: zone.source,
    days,
    frozenRecently: days.filter((d) => d.mark === 'freeze').map((d) => d.date),
    rank: board.askerRank,
    boardSize: board.size,
  };
}
