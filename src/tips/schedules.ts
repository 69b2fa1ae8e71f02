/** Stored schedules: the changes the `schedule` command and start-up make. */
import type { CoreDeps } from '../core.ts';
import type { TipTarget } from '../delivery.ts';
import { channelKey, type DayPolicy, type Schedule, type StoreData } from '../store/types.ts';
import { quoteUserText } from '../text.ts';
import { localDate, zonedInstant } from '../time.ts';
import type { Origin } from '../types.ts';
import { defaultChannelTimezone } from './schedule-rules.ts';

export const targetKey = (t: TipTarget): string => channelKey(t.platform, t.workspaceId, t.channelId);

export function findSchedule(data: Readonly<StoreData>, target: TipTarget): Schedule | undefined {
  return data.schedules[targetKey(target)];
}

export interface ScheduleChange {
  time: string;
  timezone?: string;
  days?: DayPolicy;
}

/**
 * Create or replace this channel's schedule. Setting it again clears a pause; the original
 * creation time is kept so a channel that was already subscribed still catches up today.
 */
export async function setSchedule(deps: CoreDeps, origin: Origin, change: ScheduleChange): Promise<Schedule> {
  const timezone = change.timezone ?? defaultChannelTimezone(deps.store.data, origin, deps.settings);
  return deps.store.commit((data) => {
    const key = targetKey(origin);
    const previous = data.schedules[key];
    const schedule: Schedule = {
      platform: origin.platform,
      workspaceId: origin.workspaceId,
      channelId: origin.channelId,
      time: change.time,
      timezone,
      days: change.days ?? 'weekdays',
      source: 'command',
      createdBy: origin.userId,
      createdAt: previous?.createdAt ?? origin.at.toISOString(),
    };
    data.schedules[key] = schedule;
    return schedule;
  });
}

/**
 * Turn this channel's schedule off. It is kept, paused with who turned it off, rather than
 * deleted: a deleted default channel would be subscribed again from TIP_TIME at the next start.
 */
export async function turnOffSchedule(deps: CoreDeps, origin: Origin): Promise<'off' | 'already' | 'none'> {
  const existing = findSchedule(deps.store.data, origin);
  if (!existing) return 'none';
  if (existing.paused) return 'already';
  const reason = `Turned off by ${quoteUserText(origin.displayName || origin.userId, 40)} with \`schedule off\`.`;
  const at = origin.at.toISOString();
  await deps.store.commit((data) => {
    const schedule = data.schedules[targetKey(origin)];
    if (schedule) schedule.paused = { reason, at };
  });
  return 'off';
}

/**
 * Subscribe an adapter's default channel from TIP_TIME / TIP_TIMEZONE / TIP_DAYS, unless the
 * channel already has a schedule (a stored one, set by an admin or earlier, always wins).
 */
export async function ensureEnvSchedule(deps: CoreDeps, target: TipTarget): Promise<void> {
  const { time, days } = deps.settings.tips;
  if (!time || findSchedule(deps.store.data, target)) return;
  const timezone =
    deps.settings.tips.timezone ?? defaultChannelTimezone(deps.store.data, target, deps.settings);
  // The operator configured this before starting, so it counts from the start of today: a bot
  // started after TIP_TIME (a deploy, a restart) still posts today within the catch-up window.
  const createdAt = zonedInstant(localDate(deps.clock(), timezone), 0, 0, timezone).toISOString();
  await deps.store.commit((data) => {
    const key = targetKey(target);
    if (data.schedules[key]) return;
    data.schedules[key] = {
      platform: target.platform,
      workspaceId: target.workspaceId,
      channelId: target.channelId,
      time,
      timezone,
      days,
      source: 'env',
      createdAt,
    };
  });
}
