/**
 * Schedules as data: parsing `schedule ...`, learning days, channel timezones and the next post
 * time. Pure: the store's data and the instant are passed in.
 */

import { resolveClockTime, resolveTimeZone, timeZoneAdvice } from '../commands/resolvers.ts';
import type { CoreSettings } from '../core.ts';
import type { DayPolicy, LocalDate, PostRecord, Schedule, WorkspaceSettings } from '../store/types.ts';
import { postKey } from '../store/types.ts';
import { addDays, isLearningDay, localDate, zonedInstant } from '../time.ts';

export { ensureEnvSchedule } from './schedules.ts';

export const SCHEDULE_EXAMPLE = '`schedule 09:30 Europe/Berlin weekdays`';

export type ScheduleCommand =
  | { kind: 'show' }
  | { kind: 'off' }
  | { kind: 'set'; time: string; timezone?: string; days?: DayPolicy }
  | { kind: 'error'; message: string };

const DAY_WORDS: Record<string, DayPolicy> = {
  weekdays: 'weekdays',
  weekday: 'weekdays',
  workdays: 'weekdays',
  'mon-fri': 'weekdays',
  daily: 'daily',
  everyday: 'daily',
  'every-day': 'daily',
};

/** `9:30` or `09:30` to `09:30`; anything else (25:00, 9am, 9, ٠٩:٣٠) to undefined. */
export function parseClockTime(text: string): string | undefined {
  const time = resolveClockTime(text);
  return time.ok ? time.value : undefined;
}

export function splitClockTime(time: string): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return { hour, minute };
}

function badTime(token: string): ScheduleCommand {
  return {
    kind: 'error',
    message: `\`${token.slice(0, 20)}\` is not a time I can use. Give a 24-hour time HH:MM, for example ${SCHEDULE_EXAMPLE} or \`schedule 14:00\`.`,
  };
}

function unknownWord(token: string): ScheduleCommand {
  return {
    kind: 'error',
    message: `\`${token.slice(0, 40)}\` is not a timezone or a day setting I know. Use an IANA timezone name and \`weekdays\` or \`daily\`, for example ${SCHEDULE_EXAMPLE}.`,
  };
}

/** Parse the words after `schedule`. Timezone and days may come in either order. */
export function parseScheduleArgs(args: string): ScheduleCommand {
  const tokens = args.trim().split(/\s+/).filter(Boolean);
  const [first, ...rest] = tokens;
  if (!first || first.toLowerCase() === 'show') return { kind: 'show' };
  if (first.toLowerCase() === 'off' || first.toLowerCase() === 'stop') return { kind: 'off' };
  const time = parseClockTime(first);
  if (!time) return badTime(first);
  const command: ScheduleCommand = { kind: 'set', time };
  for (const token of rest) {
    const days = DAY_WORDS[token.toLowerCase()];
    if (days && !command.days) {
      command.days = days;
      continue;
    }
    if (command.timezone || days) return unknownWord(token);
    const zone = resolveTimeZone(token);
    if (zone.ok) {
      command.timezone = zone.value;
      continue;
    }
    // An abbreviation or a place: say which zones it likely means.
    return zone.suggestions.length > 0
      ? { kind: 'error', message: timeZoneAdvice(zone, `schedule ${time}`) }
      : unknownWord(token);
  }
  return command;
}

/** What `schedule` was given, by name (a platform's structured options, or the words of the text). */
export interface ScheduleArgs {
  time?: string;
  timezone?: string;
  days?: DayPolicy;
}

/** Structured arguments to a schedule command: the same checks and messages as the typed words. */
export function scheduleCommandFrom(args: ScheduleArgs): ScheduleCommand {
  const time = args.time?.trim();
  if (!time || time.toLowerCase() === 'show') {
    if (!args.timezone && !args.days) return { kind: 'show' };
    return { kind: 'error', message: `Give the time to post as well, for example ${SCHEDULE_EXAMPLE}.` };
  }
  if (time.toLowerCase() === 'off' || time.toLowerCase() === 'stop') return { kind: 'off' };
  const words = [time, args.timezone, args.days].filter((w): w is string => Boolean(w?.trim()));
  return parseScheduleArgs(words.join(' '));
}

/** A channel's timezone when it has no schedule: the workspace's, then TIP_TIMEZONE, then the default. */
export function defaultChannelTimezone(
  workspace: Readonly<WorkspaceSettings>,
  settings: CoreSettings,
): string {
  return workspace.timezone ?? settings.tips.timezone ?? settings.defaultTimezone;
}

export function scheduleKeyFor(schedule: Schedule, date: LocalDate): string {
  return postKey(schedule.platform, schedule.workspaceId, schedule.channelId, date);
}

// The scheduler asks for the same few instants every minute, and Intl arithmetic is not free.
const instantCache = new Map<string, number>();

/** The instant a schedule posts on `date` (DST gaps move to the first valid minute). */
export function scheduledInstant(schedule: Schedule, date: LocalDate): Date {
  const cacheKey = `${schedule.timezone}|${date}|${schedule.time}`;
  let instant = instantCache.get(cacheKey);
  if (instant === undefined) {
    const { hour, minute } = splitClockTime(schedule.time);
    instant = zonedInstant(date, hour, minute, schedule.timezone).getTime();
    if (instantCache.size >= 10_000) instantCache.clear();
    instantCache.set(cacheKey, instant);
  }
  return new Date(instant);
}

/** How long after the scheduled instant a post may still go out late. At least one minute. */
export function catchupMs(catchupHours: number): number {
  return Math.max(60_000, catchupHours * 3_600_000);
}

/** How many days ahead `nextPostInstant` looks. */
const LOOK_AHEAD_DAYS = 8;

/** The post keys `nextPostInstant` needs to know about: today's and the next week's. */
export function upcomingPostKeys(schedule: Schedule, now: Date): string[] {
  const today = localDate(now, schedule.timezone);
  return Array.from({ length: LOOK_AHEAD_DAYS + 1 }, (_, offset) =>
    scheduleKeyFor(schedule, addDays(today, offset)),
  );
}

/**
 * When the next post will go out: the first learning day (from today on) with no post record
 * whose window has not closed. A time already passed but still inside the window means "now".
 */
export function nextPostInstant(
  schedule: Schedule,
  posts: ReadonlyMap<string, PostRecord>,
  now: Date,
  catchupHours: number,
): Date | undefined {
  if (schedule.paused) return undefined;
  const today = localDate(now, schedule.timezone);
  const createdAt = createdMinute(schedule);
  for (let offset = 0; offset <= LOOK_AHEAD_DAYS; offset++) {
    const date = addDays(today, offset);
    if (!isLearningDay(date, schedule.days) || posts.has(scheduleKeyFor(schedule, date))) continue;
    const instant = scheduledInstant(schedule, date);
    if (instant.getTime() < createdAt) continue;
    if (instant.getTime() + catchupMs(catchupHours) <= now.getTime()) continue;
    return instant;
  }
  return undefined;
}

/**
 * When a schedule starts counting: the minute it was created, so `schedule 10:15` typed at
 * 10:15:40 still posts at once, while a time earlier that day waits for the next day.
 */
export function createdMinute(schedule: Schedule): number {
  return Math.floor(Date.parse(schedule.createdAt) / 60_000) * 60_000;
}

/** `Thu 5 Mar, 09:00` in the schedule's timezone. */
export function formatLocal(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

export function describeDays(days: DayPolicy): string {
  return days === 'daily' ? 'every day' : 'on weekdays (Monday to Friday)';
}

/** The most recent of a channel's post records, if any. */
export function lastPostRecord(history: readonly PostRecord[]): PostRecord | undefined {
  let latest: PostRecord | undefined;
  for (const record of history) if (!latest || record.date > latest.date) latest = record;
  return latest;
}
