/**
 * A member's streak in a few numbers that stay true until their next check-in, so a store can
 * rank a whole workspace (in SQL, or without walking every history) and get exactly what
 * `streakStats` would say on any later day.
 *
 * Why it works: after the last check-in only the closing gap changes with "today". The run
 * survives while the learning days missed since the last check-in are no more than the freezes
 * banked at it, which is true up to and including the (freezes + 1)-th learning day after it
 * (`aliveThrough`), and false from the day after. Longest and total do not change at all.
 */
import type { PolicySummary, StreakSummary } from '../store/port.ts';
import type { DayPolicy, LocalDate } from '../store/types.ts';
import { addDays, isLearningDay } from '../time.ts';
import { streakStats } from './rules.ts';

/** The `n`-th learning day after `date` (n ≥ 1). */
function nthLearningDayAfter(date: LocalDate, n: number, policy: DayPolicy): LocalDate {
  if (policy === 'daily') return addDays(date, n);
  let day = date;
  for (let found = 0; found < n; ) {
    day = addDays(day, 1);
    if (isLearningDay(day, policy)) found++;
  }
  return day;
}

function summarizeFor(checkins: readonly LocalDate[], last: LocalDate, policy: DayPolicy): PolicySummary {
  const atLast = streakStats(checkins, last, policy);
  return {
    run: atLast.current,
    longest: atLast.longest,
    aliveThrough: nthLearningDayAfter(last, atLast.freezes + 1, policy),
  };
}

/** The summary of a member's check-ins, or undefined when there are none. Pure. */
export function streakSummary(checkins: readonly LocalDate[]): StreakSummary | undefined {
  if (checkins.length === 0) return undefined;
  let last = checkins[0] as LocalDate;
  for (const date of checkins) if (date > last) last = date;
  return {
    total: new Set(checkins).size,
    weekdays: summarizeFor(checkins, last, 'weekdays'),
    daily: summarizeFor(checkins, last, 'daily'),
  };
}

export interface BoardNumbers {
  current: number;
  longest: number;
  total: number;
}

/** What `streakStats(checkins, today, policy)` says, from the summary alone. Pure. */
export function numbersFrom(summary: StreakSummary, policy: DayPolicy, today: LocalDate): BoardNumbers {
  const { run, longest, aliveThrough } = summary[policy];
  return { current: today <= aliveThrough ? run : 0, longest, total: summary.total };
}
