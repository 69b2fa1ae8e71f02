/** Stored schedules: the changes the `schedule` command and start-up make. */
import type { CoreDeps } from '../core.ts';
import type { TipTarget } from '../delivery.ts';
import type { DayPolicy, Schedule } from '../store/types.ts';
import { quoteUserText } from '../text.ts';
import { localDate, zonedInstant } from '../time.ts';
import type { Origin } from '../types.ts';
import { defaultChannelTimezone } from './schedule-rules.ts';

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
  const timezone =
    change.timezone ?? defaultChannelTimezone(await deps.store.getWorkspace(origin), deps.settings);
  const stored = await deps.store.updateSchedule(origin, (previous): Schedule => {
    return {
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
  });
  return stored as Schedule;
}

/**
 * Turn this channel's schedule off. It is kept, paused with who turned it off, rather than
 * deleted: a deleted default channel would be subscribed again from TIP_TIME at the next start.
 */
export async function turnOffSchedule(deps: CoreDeps, origin: Origin): Promise<'off' | 'already' | 'none'> {
  const reason = `Turned off by ${quoteUserText(origin.displayName || origin.userId, 40)} with \`schedule off\`.`;
  const at = origin.at.toISOString();
  let outcome: 'off' | 'already' | 'none' = 'none';
  await deps.store.updateSchedule(origin, (current) => {
    outcome = !current ? 'none' : current.paused ? 'already' : 'off';
    return outcome === 'off' && current ? { ...current, paused: { reason, at } } : undefined;
  });
  return outcome;
}

/**
 * Subscribe an adapter's default channel from TIP_TIME / TIP_TIMEZONE / TIP_DAYS, unless the
 * channel already has a schedule (a stored one, set by an admin or earlier, always wins).
 */
export async function ensureEnvSchedule(deps: CoreDeps, target: TipTarget): Promise<void> {
  const { time, days } = deps.settings.tips;
  if (!time || (await deps.store.getSchedule(target))) return;
  const timezone =
    deps.settings.tips.timezone ??
    defaultChannelTimezone(await deps.store.getWorkspace(target), deps.settings);
  // The operator configured this before starting, so it counts from the start of today: a bot
  // started after TIP_TIME (a deploy, a restart) still posts today within the catch-up window.
  const createdAt = zonedInstant(localDate(deps.clock(), timezone), 0, 0, timezone).toISOString();
  await deps.store.updateSchedule(target, (current) => {
    if (current) return undefined;
    return {
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
