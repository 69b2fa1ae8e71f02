/** Where a member's day boundary and learning days come from. Pure: records in, answers out. */
import type { DayPolicy, LocalDate, UserRecord, WorkspaceSettings } from '../store/types.ts';
import type { Origin } from '../types.ts';
import { dateIn } from './day.ts';

export type Who = Pick<Origin, 'platform' | 'workspaceId' | 'userId'>;

export type TimezoneSource = 'yours' | 'workspace' | 'default';

export interface ResolvedTimezone {
  timezone: string;
  source: TimezoneSource;
}

type Zoned = Pick<UserRecord, 'timezone' | 'previousTimezone' | 'timezoneFrom'>;

/** The member's own timezone, else the workspace's, else the configured default. */
export function timezoneFor(
  member: Zoned | undefined,
  workspace: Readonly<WorkspaceSettings>,
  defaultTimezone: string,
): ResolvedTimezone {
  if (member?.timezone) return { timezone: member.timezone, source: 'yours' };
  if (workspace.timezone) return { timezone: workspace.timezone, source: 'workspace' };
  return { timezone: defaultTimezone, source: 'default' };
}

/**
 * The zone a member's day runs on at `at`. After a timezone change the previous zone stays in
 * force until the new zone's next local day begins (`timezoneFrom`), so a change never reopens or
 * skips ahead within the day it was made.
 */
export function zoneInForce(
  member: Zoned | undefined,
  workspace: Readonly<WorkspaceSettings>,
  defaultTimezone: string,
  at: Date,
): string {
  const chosen = timezoneFor(member, workspace, defaultTimezone).timezone;
  const { previousTimezone, timezoneFrom } = member ?? {};
  if (previousTimezone && timezoneFrom && dateIn(at, chosen) < timezoneFrom) return previousTimezone;
  return chosen;
}

/** The member's local date at `at`, in the zone in force. */
export function memberToday(
  member: Zoned | undefined,
  workspace: Readonly<WorkspaceSettings>,
  defaultTimezone: string,
  at: Date,
): LocalDate {
  return dateIn(at, zoneInForce(member, workspace, defaultTimezone, at));
}

export function dayPolicyOf(workspace: Readonly<WorkspaceSettings>): DayPolicy {
  return workspace.learningDays ?? 'weekdays';
}
