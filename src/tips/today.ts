/** "Today's tip" for a channel, as the `tip` command, the buttons and the scheduler all see it. */
import type { Tip } from '../content/schema.ts';
import type { CoreDeps } from '../core.ts';
import type { TipTarget } from '../delivery.ts';
import { channelKey, type LocalDate, type PostRecord, type Schedule } from '../store/types.ts';
import { localDate } from '../time.ts';
import { chooseTip } from './rotation.ts';
import { defaultChannelTimezone } from './schedule-rules.ts';

export interface TodaysTip {
  tip: Tip | undefined;
  date: LocalDate;
  timezone: string;
  schedule: Schedule | undefined;
  /** Today's post record, when the post was already made (or tried). */
  record: PostRecord | undefined;
}

/** The channel's schedule's timezone, else the workspace's, then TIP_TIMEZONE, then the default. */
export async function channelTimezone(
  deps: CoreDeps,
  target: TipTarget,
  schedule: Schedule | undefined,
): Promise<string> {
  if (schedule) return schedule.timezone;
  return defaultChannelTimezone(await deps.store.getWorkspace(target), deps.settings);
}

/** The tip posted here today, or the one that will be posted. */
export async function todaysTip(deps: CoreDeps, target: TipTarget, now: Date): Promise<TodaysTip> {
  const [schedule, history] = await Promise.all([
    deps.store.getSchedule(target),
    deps.store.channelPosts(target),
  ]);
  const timezone = await channelTimezone(deps, target, schedule);
  const date = localDate(now, timezone);
  const tip = chooseTip({
    channel: channelKey(target.platform, target.workspaceId, target.channelId),
    date,
    history,
    tips: deps.content.tips,
  });
  const record = history.find((r) => r.date === date);
  return { tip, date, timezone, schedule, record };
}
