/** Where a user's day boundary and learning days come from. Pure reads of the store's data. */
import type { DayPolicy, StoreData, UserRecord } from '../store/types.ts';
import { userKey, workspaceKey } from '../store/types.ts';
import type { Origin } from '../types.ts';

export type Who = Pick<Origin, 'platform' | 'workspaceId' | 'userId'>;

export type TimezoneSource = 'yours' | 'workspace' | 'default';

export interface ResolvedTimezone {
  timezone: string;
  source: TimezoneSource;
}

export function findUser(data: Readonly<StoreData>, who: Who): UserRecord | undefined {
  return data.users[userKey(who.platform, who.workspaceId, who.userId)];
}

/** The user's own timezone, else the workspace's, else the configured default. */
export function timezoneFor(data: Readonly<StoreData>, who: Who, defaultTimezone: string): ResolvedTimezone {
  const own = findUser(data, who)?.timezone;
  if (own) return { timezone: own, source: 'yours' };
  const workspace = data.workspaces[workspaceKey(who.platform, who.workspaceId)]?.timezone;
  if (workspace) return { timezone: workspace, source: 'workspace' };
  return { timezone: defaultTimezone, source: 'default' };
}

export function dayPolicyFor(
  data: Readonly<StoreData>,
  who: Pick<Who, 'platform' | 'workspaceId'>,
): DayPolicy {
  return data.workspaces[workspaceKey(who.platform, who.workspaceId)]?.learningDays ?? 'weekdays';
}

/** The user's record, created on first use; the display name is kept fresh. Mutates `data`. */
export function ensureUser(data: StoreData, who: Who & { displayName: string }): UserRecord {
  const key = userKey(who.platform, who.workspaceId, who.userId);
  let user = data.users[key];
  if (!user) {
    user = {
      platform: who.platform,
      workspaceId: who.workspaceId,
      userId: who.userId,
      displayName: who.displayName,
      checkins: [],
      quizAnswers: {},
    };
    data.users[key] = user;
  } else if (who.displayName && user.displayName !== who.displayName) {
    user.displayName = who.displayName;
  }
  return user;
}
