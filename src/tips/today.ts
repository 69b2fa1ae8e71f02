/** "Today's tip" for a channel, as the `tip` command, the buttons and the scheduler all see it. */
import type { Tip } from '../content/schema.ts';
import type { CoreDeps } from '../core.ts';
import type { TipTarget } from '../delivery.ts';
import {
  channelKey,
  type LocalDate,
  type PostRecord,
  type Schedule,
  type StoreData,
} from '../store/types.ts';
import { localDate } from '../time.ts';
import { chooseTip } from './rotation.ts';
import { defaultChannelTimezone } from './schedule-rules.ts';
import { findSchedule } from './schedules.ts';

/** One channel's post records. */
export function channelHistory(posts: Readonly<Record<string, PostRecord>>, target: TipTarget): PostRecord[] {
  return Object.values(posts).filter(
    (r) =>
      r.channelId === target.channelId &&
      r.workspaceId === target.workspaceId &&
      r.platform === target.platform,
  );
}

/** Every channel's post records in one pass (the scheduler's fan-out would otherwise rescan per channel). */
export function historiesByChannel(posts: Readonly<Record<string, PostRecord>>): Map<string, PostRecord[]> {
  const byChannel = new Map<string, PostRecord[]>();
  for (const record of Object.values(posts)) {
    const key = channelKey(record.platform, record.workspaceId, record.channelId);
    const list = byChannel.get(key);
    if (list) list.push(record);
    else byChannel.set(key, [record]);
  }
  return byChannel;
}

export interface TodaysTip {
  tip: Tip | undefined;
  date: LocalDate;
  timezone: string;
  schedule: Schedule | undefined;
  /** Today's post record, when the post was already made (or tried). */
  record: PostRecord | undefined;
}

export function channelTimezone(data: Readonly<StoreData>, target: TipTarget, deps: CoreDeps): string {
  return findSchedule(data, target)?.timezone ?? defaultChannelTimezone(data, target, deps.settings);
}

/** The tip posted here today, or the one that will be posted. */
export function todaysTip(deps: CoreDeps, target: TipTarget, now: Date): TodaysTip {
  const data = deps.store.data;
  const schedule = findSchedule(data, target);
  const timezone = channelTimezone(data, target, deps);
  const date = localDate(now, timezone);
  const history = channelHistory(data.posts, target);
  const tip = chooseTip({
    channel: channelKey(target.platform, target.workspaceId, target.channelId),
    date,
    history,
    tips: deps.content.tips,
  });
  const record = history.find((r) => r.date === date);
  return { tip, date, timezone, schedule, record };
}
