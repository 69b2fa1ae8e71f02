import type { Platform } from '../types.ts';

/** Bumped whenever the shape below changes; `migrate` in the store brings older files forward. */
export const SCHEMA_VERSION = 1;

/** `YYYY-MM-DD`, a calendar date in some timezone. */
export type LocalDate = string;

export type DayPolicy = 'weekdays' | 'daily';

export interface UserRecord {
  platform: Platform;
  workspaceId: string;
  userId: string;
  displayName: string;
  /** The user's own IANA timezone; absent means the workspace's, then DEFAULT_TIMEZONE. */
  timezone?: string;
  /**
   * After a timezone change, the zone that stays in force until `timezoneFrom` begins in the new
   * one: a change takes effect from the next local day (see `checkinDate` in streaks/rules.ts).
   */
  previousTimezone?: string;
  timezoneFrom?: LocalDate;
  /** Sorted, unique local dates (in the timezone in force at the time of each check-in). */
  checkins: LocalDate[];
  /** Quiz answers that counted: key `${tipId}@${postDate}`, value the option index chosen. */
  quizAnswers: Record<string, number>;
}

export interface WorkspaceSettings {
  timezone?: string;
  /** Which days are learning days for streaks. Default: weekdays. */
  learningDays?: DayPolicy;
}

export interface Schedule {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  /** Local wall-clock time `HH:MM`. */
  time: string;
  timezone: string;
  days: DayPolicy;
  /** `env` schedules come from TIP_TIME plus an adapter's default channel. */
  source: 'command' | 'env';
  createdBy?: string;
  createdAt: string;
  /** Set when a permanent failure stopped posting; `schedule <time>` again clears it. */
  paused?: { reason: string; at: string };
}

export type PostStatus = 'claimed' | 'sent' | 'failed' | 'skipped';

export interface PostRecord {
  key: string;
  platform: Platform;
  workspaceId: string;
  channelId: string;
  /** The channel-local date this post belongs to. */
  date: LocalDate;
  tipId: string;
  status: PostStatus;
  claimedAt: string;
  /**
   * While a claim is being sent: until when its sender holds it (renewed while it works). Another
   * instance sharing the store leaves a claim alone until this has passed.
   */
  leaseUntil?: string;
  attempts: number;
  sentAt?: string;
  messageId?: string;
  /** Why it failed or was skipped. */
  reason?: string;
}

export interface StoreData {
  version: number;
  /** Key: `userKey(...)`. */
  users: Record<string, UserRecord>;
  /** Key: `workspaceKey(...)`. */
  workspaces: Record<string, WorkspaceSettings>;
  /** Key: `channelKey(...)`. */
  schedules: Record<string, Schedule>;
  /** Key: `postKey(...)`. */
  posts: Record<string, PostRecord>;
}

export function emptyData(): StoreData {
  return { version: SCHEMA_VERSION, users: {}, workspaces: {}, schedules: {}, posts: {} };
}

export const workspaceKey = (platform: Platform, workspaceId: string): string => `${platform}:${workspaceId}`;

export const userKey = (platform: Platform, workspaceId: string, userId: string): string =>
  `${platform}:${workspaceId}:${userId}`;

export const channelKey = (platform: Platform, workspaceId: string, channelId: string): string =>
  `${platform}:${workspaceId}:${channelId}`;

export const postKey = (
  platform: Platform,
  workspaceId: string,
  channelId: string,
  date: LocalDate,
): string => `${platform}:${workspaceId}:${channelId}:${date}`;
