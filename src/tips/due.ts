/**
 * What the scheduler must do right now: a pure function of the stored schedules, the post log,
 * the instant and the catch-up window. node-cron only decides when to ask.
 */
import type { LocalDate, PostRecord, Schedule } from '../store/types.ts';
import { addDays, isLearningDay, isValidTimeZone, localDate, localParts } from '../time.ts';
import { catchupMs, createdMinute, scheduledInstant, scheduleKeyFor } from './schedule-rules.ts';

interface DueBase {
  schedule: Schedule;
  date: LocalDate;
  key: string;
  instant: Date;
}

export type DueAction =
  /** No record yet and inside the window: claim and post. */
  | (DueBase & { kind: 'post' })
  /** Claimed by an earlier process that did not record the outcome. */
  | (DueBase & { kind: 'recover'; record: PostRecord; windowOpen: boolean })
  /** The window closed with no record: write down why there was no post. */
  | (DueBase & { kind: 'skip'; reason: string });

function hhmm(instant: Date, timeZone: string): string {
  const { hour, minute } = localParts(instant, timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export function missedReason(schedule: Schedule, instant: Date, catchupHours: number): string {
  const closed = new Date(instant.getTime() + catchupMs(catchupHours));
  return (
    `Missed: the bot was not running from ${hhmm(instant, schedule.timezone)} to ` +
    `${hhmm(closed, schedule.timezone)} (${schedule.timezone}), the catch-up window, so that day's tip was skipped.`
  );
}

/** A claim whose sender (possibly another instance) still holds its lease: not abandoned. */
const leaseHeld = (record: PostRecord, now: Date): boolean =>
  record.leaseUntil !== undefined && Date.parse(record.leaseUntil) > now.getTime();

interface DueOptions {
  catchupHours: number;
  /** Leave leased claims alone: other instances share the store (see `StorePort.shared`). */
  honourLeases: boolean;
}

function actionFor(
  schedule: Schedule,
  date: LocalDate,
  posts: ReadonlyMap<string, PostRecord>,
  now: Date,
  { catchupHours, honourLeases }: DueOptions,
): DueAction | undefined {
  if (!isLearningDay(date, schedule.days)) return undefined;
  const instant = scheduledInstant(schedule, date);
  // A schedule created after that day's time starts with the next one instead of posting late.
  if (instant.getTime() < createdMinute(schedule)) return undefined;
  if (now.getTime() < instant.getTime()) return undefined;
  const key = scheduleKeyFor(schedule, date);
  const record = posts.get(key);
  const windowOpen = now.getTime() < instant.getTime() + catchupMs(catchupHours);
  const base = { schedule, date, key, instant };
  if (!record) {
    return windowOpen
      ? { ...base, kind: 'post' }
      : { ...base, kind: 'skip', reason: missedReason(schedule, instant, catchupHours) };
  }
  if (record.status !== 'claimed' || (honourLeases && leaseHeld(record, now))) return undefined;
  return { ...base, kind: 'recover', record, windowOpen };
}

function datesToCheck(schedule: Schedule, now: Date): LocalDate[] {
  const today = localDate(now, schedule.timezone);
  return [addDays(today, -1), today];
}

/** The post records `dueWork` reads: each active schedule's yesterday and today. */
export function duePostKeys(schedules: readonly Schedule[], now: Date): string[] {
  return schedules
    .filter((s) => !s.paused && isValidTimeZone(s.timezone))
    .flatMap((s) => datesToCheck(s, now).map((date) => scheduleKeyFor(s, date)));
}

/**
 * Everything due at `now`. Only the channel's today and yesterday are looked at (yesterday's
 * window may still be open past midnight), so a long outage never turns into a backlog.
 */
export function dueWork(
  schedules: readonly Schedule[],
  posts: ReadonlyMap<string, PostRecord>,
  now: Date,
  catchupHours: number,
  honourLeases = false,
): DueAction[] {
  const actions: DueAction[] = [];
  for (const schedule of schedules) {
    if (schedule.paused || !isValidTimeZone(schedule.timezone)) continue;
    for (const date of datesToCheck(schedule, now)) {
      const action = actionFor(schedule, date, posts, now, { catchupHours, honourLeases });
      if (action) actions.push(action);
    }
  }
  return actions;
}
