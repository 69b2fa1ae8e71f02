/**
 * The store port: everything the core needs from storage, record by record, and nothing more.
 * The core owns this interface; the JSON file, PostgreSQL and the in-memory store implement it,
 * and `tests/store/contract.ts` holds every implementation to the same behaviour.
 *
 * Rules of the port:
 * - Every method is async and resolves only once its change is durable in that store (the file
 *   written, the transaction committed). A rejection means nothing of that call was kept.
 * - Whatever must be atomic is one method: a check-in, a timezone change, a quiz answer, a post
 *   claim, a schedule change. The core never reads, decides and writes back in two calls.
 *   Where a domain rule decides what to write (which local date a check-in gets), the core passes
 *   it as a pure function of the records the store hands it: a store may call it more than once
 *   (a retried transaction, a replay after a failed write), always inside the atomic step.
 * - Records handed out are the caller's to read, never to change: a store may share them.
 * - Identity is `(platform, workspaceId, userId | channelId)`; any string is a valid id,
 *   `__proto__` included.
 */
import type { Platform } from '../types.ts';
import type { LocalDate, PostRecord, Schedule, StoreData, UserRecord, WorkspaceSettings } from './types.ts';

export interface WorkspaceRef {
  platform: Platform;
  workspaceId: string;
}

export interface MemberRef extends WorkspaceRef {
  userId: string;
}

export interface ChannelRef extends WorkspaceRef {
  channelId: string;
}

/** A member as a message names them: writes about them keep the stored display name fresh (an empty one is ignored). */
export interface MemberIdentity extends MemberRef {
  displayName: string;
}

/** A member and their check-ins, as stored (and as exported: one record of the data file's `users`). */
export type Member = UserRecord;

/** What a rule passed to `checkIn` or `setTimezone` sees, read inside the atomic step. */
export interface MemberContext {
  /** The stored member, or a blank one (no check-ins) when they are new. */
  member: Readonly<Member>;
  /** The member's workspace settings (`{}` when none are saved). */
  workspace: Readonly<WorkspaceSettings>;
}

/** Decides the local date a check-in belongs to. Pure: the same context gives the same date. */
export type CheckinDateRule = (context: MemberContext) => LocalDate;

export interface CheckinResult {
  /** `counted`: the date was added. `already`: the member had that date; no check-in was added. */
  status: 'counted' | 'already';
  date: LocalDate;
  /** The member after the call. */
  member: Member;
  workspace: WorkspaceSettings;
}

/** A member's timezone fields after a change; absent fields are cleared. */
export interface TimezoneState {
  timezone?: string;
  previousTimezone?: string;
  timezoneFrom?: LocalDate;
}

/** Decides a member's new timezone fields from the current ones. Pure. */
export type TimezoneRule = (context: MemberContext) => TimezoneState;

export interface QuizAnswerResult {
  /** False when this member had already answered under this key; nothing changed then. */
  recorded: boolean;
  /** The option stored under the key: the new one, or the earlier answer. */
  option: number;
}

/**
 * Decides a channel's schedule from the current one: return the schedule to store, or
 * `undefined` to leave things as they are. Pure.
 */
export type ScheduleChange = (current: Readonly<Schedule> | undefined) => Schedule | undefined;

export interface ScheduleFilter {
  platform?: Platform;
  workspaceId?: string;
  /** Only schedules that are not paused. */
  activeOnly?: boolean;
}

/** How a claimed post ended. `reason` is removed when absent. */
export interface PostOutcome {
  status: 'sent' | 'failed';
  attempts?: number;
  messageId?: string;
  sentAt?: string;
  reason?: string;
}

/** One day policy's part of a streak summary (see src/streaks/summary.ts). */
export interface PolicySummary {
  /** The run as of the last check-in. */
  run: number;
  longest: number;
  /** The last day the run is still current on (freezes covering the days missed since). */
  aliveThrough: LocalDate;
}

/**
 * A member's streak reduced to what ranking needs, valid until their next check-in. Stores keep
 * it next to the member (computed with `streakSummary`) so a board never walks every history.
 */
export interface StreakSummary {
  total: number;
  weekdays: PolicySummary;
  daily: PolicySummary;
}

/** The timezone fields "today" depends on. */
export type MemberZones = Pick<Member, 'timezone' | 'previousTimezone' | 'timezoneFrom'>;

/** A member's local date now, from their timezone fields and their workspace's settings. Pure. */
export type MemberTodayRule = (zones: MemberZones, workspace: Readonly<WorkspaceSettings>) => LocalDate;

export interface LeaderboardQuery extends MemberRef {
  /** How many entries from the top. */
  limit: number;
  /** Called once per distinct set of timezone fields among the workspace's members. */
  todayFor: MemberTodayRule;
}

export interface BoardEntry {
  /** Competition ranking by (current, longest, total): equal numbers share a rank (1, 2, 2, 4). */
  rank: number;
  userId: string;
  displayName: string;
  current: number;
  longest: number;
  total: number;
}

export interface LeaderboardPage {
  workspace: WorkspaceSettings;
  /**
   * The best `limit` members with a check-in, by current streak, then longest, then total (all
   * descending), then display name and user id (in the store's own text order).
   */
  top: BoardEntry[];
  /** The asker's entry (in `top` or not); absent before their first check-in. */
  asker?: BoardEntry;
  /** Members of the workspace with at least one check-in. */
  size: number;
}

export interface StoreHealth {
  ok: boolean;
  /** One line for /readyz and logs; never a secret. */
  detail: string;
}

export interface StorePort {
  /** `memory`, `file`, `postgres`: for logs and start-up lines. */
  readonly kind: string;
  /**
   * True when other processes may be using the same store at once (PostgreSQL): a claimed post
   * may then belong to a live sender elsewhere. False for stores one process holds alone.
   */
  readonly shared: boolean;

  // Members
  getMember(ref: MemberRef): Promise<Member | undefined>;
  /**
   * Atomic: decide the date with `dateFor` and add it unless the member already has it. Creates
   * the member on first use. Exactly one of any number of concurrent calls for the same member
   * and date (in any process) gets `counted`.
   */
  checkIn(who: MemberIdentity, dateFor: CheckinDateRule): Promise<CheckinResult>;
  /** Atomic: replace the member's timezone fields with what `rule` decides. Creates the member on first use. */
  setTimezone(who: MemberIdentity, rule: TimezoneRule): Promise<Member>;
  /** Atomic, first answer wins: store `option` under `answerKey` unless an answer is there. */
  recordQuizAnswer(who: MemberIdentity, answerKey: string, option: number): Promise<QuizAnswerResult>;
  /** Remove the member and everything stored about them. False when there was no such member. */
  deleteMember(ref: MemberRef): Promise<boolean>;
  /** The workspace's (that platform only) board, ranked by the store without handing out members. */
  leaderboard(query: LeaderboardQuery): Promise<LeaderboardPage>;

  // Workspace settings
  getWorkspace(ref: WorkspaceRef): Promise<WorkspaceSettings>;
  /** Merge `patch` into the saved settings and return the result. */
  updateWorkspace(ref: WorkspaceRef, patch: WorkspaceSettings): Promise<WorkspaceSettings>;

  // Schedules
  getSchedule(ref: ChannelRef): Promise<Schedule | undefined>;
  /** Atomic: store what `change` decides for this channel; resolves to the schedule now stored. */
  updateSchedule(ref: ChannelRef, change: ScheduleChange): Promise<Schedule | undefined>;
  /** Ordered by platform, workspace, channel. */
  listSchedules(filter?: ScheduleFilter): Promise<Schedule[]>;

  // Post log
  /** The records among `keys` that exist (missing keys are simply absent from the map). */
  getPosts(keys: readonly string[]): Promise<Map<string, PostRecord>>;
  /**
   * Atomic: store `record` unless a record with its key exists. Exactly one caller per key
   * gets `true`, across processes: that caller owns the post.
   */
  claimPost(record: PostRecord): Promise<boolean>;
  /**
   * Atomic compare-and-set on a claim still `claimed`: set its `leaseUntil` to `leaseUntil` when
   * the stored one equals `expected` (undefined: none stored). True when it was set. Renews a
   * sender's own lease, and lets exactly one instance take over a claim whose lease ran out.
   */
  leaseClaim(key: string, expected: string | undefined, leaseUntil: string): Promise<boolean>;
  /** Record how a post ended; resolves to the updated record, or undefined when there is none. */
  settlePost(key: string, outcome: PostOutcome): Promise<PostRecord | undefined>;
  /** One channel's post records (what tip rotation reads), oldest date first. */
  channelPosts(ref: ChannelRef): Promise<PostRecord[]>;
  /** Delete post records dated before `before` (in one channel, or in all); resolves to how many were deleted. */
  prunePosts(before: LocalDate, channel?: ChannelRef): Promise<number>;

  // Whole store
  /** Everything, in the data file's format (`users` keyed records carrying `userId` and `checkins`). */
  exportData(): Promise<StoreData>;
  /** Replace everything with `data` (already validated), atomically. */
  importData(data: StoreData): Promise<void>;
  /** True when no member, workspace, schedule or post is stored. */
  isEmpty(): Promise<boolean>;
  health(): Promise<StoreHealth>;
  /** Finish pending writes and release locks and connections. Calls after close reject. */
  close(): Promise<void>;
}
