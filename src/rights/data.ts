/**
 * What skillbot stores about one member, and removing it. Everything goes through the store port,
 * so the JSON file and PostgreSQL behave the same.
 */
import type { ChannelRef, MemberRef, StorePort } from '../store/port.ts';

export type { ChannelRef, MemberRef };

import type { Schedule, UserRecord } from '../store/types.ts';

/** A channel's daily post set up by this member: the schedule belongs to the channel, the name on it to them. */
export interface ScheduleTheySetUp {
  channelId: string;
  time: string;
  timezone: string;
  days: string;
  createdAt: string;
}

/** Everything keyed to one member in one workspace, as `mydata` shows it. */
export interface MemberData {
  /** Their member record: ids, display name, timezone, check-ins, quiz answers. Absent when none is stored. */
  member?: UserRecord;
  /** Daily posts whose schedule records them as its creator. */
  schedulesYouSetUp: ScheduleTheySetUp[];
}

/** The part of the store port data rights use. */
export type RightsStore = Pick<StorePort, 'getMember' | 'deleteMember' | 'listSchedules' | 'updateSchedule'>;

const sameWorkspace = (ref: MemberRef) => ({ platform: ref.platform, workspaceId: ref.workspaceId });

async function schedulesBy(store: RightsStore, ref: MemberRef): Promise<Schedule[]> {
  const schedules = await store.listSchedules(sameWorkspace(ref));
  return schedules.filter((s) => s.createdBy === ref.userId);
}

export async function memberData(store: RightsStore, ref: MemberRef): Promise<MemberData> {
  const [member, schedules] = await Promise.all([store.getMember(ref), schedulesBy(store, ref)]);
  return {
    ...(member ? { member } : {}),
    schedulesYouSetUp: schedules.map((s) => ({
      channelId: s.channelId,
      time: s.time,
      timezone: s.timezone,
      days: s.days,
      createdAt: s.createdAt,
    })),
  };
}

export const hasData = (data: MemberData): boolean =>
  data.member !== undefined || data.schedulesYouSetUp.length > 0;

export interface ForgetResult {
  /** What was deleted: the member record's check-ins and quiz answers (zero when there was none). */
  checkins: number;
  quizAnswers: number;
  /** True when a member record (with its settings) existed and is now gone. */
  memberDeleted: boolean;
  /** Channel schedules that no longer name them as creator (the daily posts keep running). */
  schedulesUnlinked: number;
}

/**
 * Delete the member and everything stored about them; their name comes off the schedules they set
 * up. Safe to repeat: a second call finds nothing and deletes nothing.
 */
export async function forgetMember(store: RightsStore, ref: MemberRef): Promise<ForgetResult> {
  const member = await store.getMember(ref);
  const memberDeleted = await store.deleteMember(ref);
  let schedulesUnlinked = 0;
  for (const schedule of await schedulesBy(store, ref)) {
    const channel = { ...sameWorkspace(ref), channelId: schedule.channelId };
    await store.updateSchedule(channel, (current) => {
      if (current?.createdBy !== ref.userId) return undefined;
      const { createdBy: _gone, ...rest } = current;
      return rest;
    });
    schedulesUnlinked += 1;
  }
  return {
    checkins: memberDeleted ? (member?.checkins.length ?? 0) : 0,
    quizAnswers: memberDeleted ? Object.keys(member?.quizAnswers ?? {}).length : 0,
    memberDeleted,
    schedulesUnlinked,
  };
}
