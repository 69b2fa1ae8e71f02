/**
 * Streak rules. Pure: check-in dates, "today" and the day policy in, numbers and marks out.
 *
 * - A learning day is Monday–Friday (`weekdays`) or any day (`daily`). Other days neither extend
 *   nor break a streak, but a check-in on one counts.
 * - The current streak is the run of check-in days ending today, or ending before today when the
 *   user has not checked in yet today: it breaks only once a whole learning day passed without one.
 * - Every 7 check-in days in a run earn a freeze (at most 2 banked); a freeze covers one missed
 *   learning day automatically. Covered days keep the run alive but do not add to it.
 *
 * The walk goes gap by gap between check-ins (not day by day) so a leaderboard over thousands of
 * users with years of history stays cheap.
 */
import type { DayPolicy, LocalDate } from '../store/types.ts';
import { addDays, isLearningDay } from '../time.ts';

export const MILESTONES = [3, 7, 14, 30, 50, 100] as const;
export const FREEZE_EVERY = 7;
export const MAX_FREEZES = 2;

export interface StreakStats {
  current: number;
  longest: number;
  /** Days with a check-in, learning days or not. */
  total: number;
  /** Freezes in the bank now. */
  freezes: number;
  /** Days a freeze covered, oldest first. */
  frozen: LocalDate[];
  checkedInToday: boolean;
}

export type DayMark = 'done' | 'missed' | 'freeze' | 'rest' | 'open' | 'before';

export interface MarkedDay {
  date: LocalDate;
  mark: DayMark;
}

const DAY_MS = 86_400_000;

const digits = (text: string, from: number, to: number): number => {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
};

/**
 * Days since 1970-01-01 for a `YYYY-MM-DD` date, by integer arithmetic (the "days from civil"
 * algorithm): this runs for every check-in of every user on a leaderboard, and `Date` is slower.
 */
export function dayNumber(date: LocalDate): number {
  const month = digits(date, 5, 7);
  const day = digits(date, 8, 10);
  const year = digits(date, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** 1970-01-01 was a Thursday (4); 0 = Sunday like `weekday()` in time.ts. */
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

function isLearningDayNumber(day: number, policy: DayPolicy): boolean {
  if (policy === 'daily') return true;
  const w = weekdayOf(day);
  return w !== 0 && w !== 6;
}

/** Learning days strictly between day numbers `after` and `before`. */
function learningDaysBetween(after: number, before: number, policy: DayPolicy): number {
  const span = before - after - 1;
  if (span <= 0) return 0;
  if (policy === 'daily') return span;
  const fullWeeks = Math.floor(span / 7);
  let count = fullWeeks * 5;
  for (let day = after + 1 + fullWeeks * 7; day < before; day++)
    if (isLearningDayNumber(day, policy)) count++;
  return count;
}

/** The first `count` learning days after day number `after`. */
function firstLearningDaysAfter(after: number, count: number, policy: DayPolicy): number[] {
  const days: number[] = [];
  for (let day = after + 1; days.length < count; day++) if (isLearningDayNumber(day, policy)) days.push(day);
  return days;
}

const toDate = (day: number): LocalDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

interface Walk {
  run: number;
  earned: number;
  bank: number;
  longest: number;
  frozen: number[];
}

/** Crossing `missed` learning days: freezes cover them if the bank holds enough, else the run breaks. */
function crossGap(walk: Walk, lastDay: number, missed: number, policy: DayPolicy): void {
  if (missed === 0) return;
  if (missed <= walk.bank) {
    walk.bank -= missed;
    walk.frozen.push(...firstLearningDaysAfter(lastDay, missed, policy));
    return;
  }
  walk.run = 0;
  walk.earned = 0;
  walk.bank = 0;
}

function countCheckin(walk: Walk): void {
  walk.run += 1;
  walk.earned += 1;
  if (walk.earned === FREEZE_EVERY) {
    walk.earned = 0;
    walk.bank = Math.min(MAX_FREEZES, walk.bank + 1);
  }
  walk.longest = Math.max(walk.longest, walk.run);
}

function sortedUnique(dates: readonly LocalDate[]): LocalDate[] {
  for (let i = 1; i < dates.length; i++) {
    if ((dates[i] as LocalDate) <= (dates[i - 1] as LocalDate)) return [...new Set(dates)].sort();
  }
  return dates as LocalDate[];
}

/**
 * Streak numbers as of `today`. Check-ins dated after `today` (a user who moved west changed
 * timezone) count as if today were their date, so a timezone change never breaks a streak.
 */
export function streakStats(
  checkins: readonly LocalDate[],
  today: LocalDate,
  policy: DayPolicy,
): StreakStats {
  const dates = sortedUnique(checkins);
  const walk: Walk = { run: 0, earned: 0, bank: 0, longest: 0, frozen: [] };
  let last: number | undefined;
  for (const date of dates) {
    const day = dayNumber(date);
    if (last !== undefined) crossGap(walk, last, learningDaysBetween(last, day, policy), policy);
    countCheckin(walk);
    last = day;
  }
  const todayNumber = dayNumber(today);
  // Today itself is still open: only the learning days strictly before it can break the run.
  if (last !== undefined && last < todayNumber) {
    crossGap(walk, last, learningDaysBetween(last, todayNumber, policy), policy);
  }
  return {
    current: walk.run,
    longest: walk.longest,
    total: dates.length,
    freezes: walk.bank,
    frozen: walk.frozen.map(toDate),
    checkedInToday: dates.includes(today),
  };
}

/** The milestone a check-in reached, when the streak went from `before` to `after`. */
export function milestoneReached(before: number, after: number): number | undefined {
  return [...MILESTONES].reverse().find((m) => before < m && after >= m);
}

/** The last `count` days up to and including `today`, oldest first, each with why it looks the way it does. */
export function recentDays(
  checkins: readonly LocalDate[],
  today: LocalDate,
  policy: DayPolicy,
  count = 14,
): MarkedDay[] {
  const done = new Set(checkins);
  const frozen = new Set(streakStats(checkins, today, policy).frozen);
  const first = sortedUnique(checkins)[0];
  const days: MarkedDay[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const date = addDays(today, -back);
    days.push({ date, mark: markFor(date, { done, frozen, first, today, policy }) });
  }
  return days;
}

interface MarkContext {
  done: Set<LocalDate>;
  frozen: Set<LocalDate>;
  first: LocalDate | undefined;
  today: LocalDate;
  policy: DayPolicy;
}

function markFor(date: LocalDate, c: MarkContext): DayMark {
  if (c.done.has(date)) return 'done';
  if (c.frozen.has(date)) return 'freeze';
  if (!isLearningDay(date, c.policy)) return 'rest';
  if (date === c.today) return 'open';
  if (c.first === undefined || date < c.first) return 'before';
  return 'missed';
}
