/**
 * The port's operations over in-process `Tables`, each synchronous and so atomic within one
 * process. The memory store calls them directly; the file store runs them inside a journaled
 * batch and confirms once the batch is on disk.
 */
import type {
  ChannelRef,
  CheckinDateRule,
  CheckinResult,
  Member,
  MemberContext,
  MemberIdentity,
  MemberRef,
  PostOutcome,
  QuizAnswerResult,
  ScheduleChange,
  ScheduleFilter,
  TimezoneRule,
  WorkspaceRef,
} from './port.ts';
import type { Tables } from './tables.ts';
import {
  channelKey,
  type LocalDate,
  type PostRecord,
  type Schedule,
  userKey,
  type WorkspaceSettings,
  workspaceKey,
} from './types.ts';

const EMPTY_SETTINGS: WorkspaceSettings = Object.freeze({});

export const memberKey = (ref: MemberRef): string => userKey(ref.platform, ref.workspaceId, ref.userId);
export const channelKeyOf = (ref: ChannelRef): string =>
  channelKey(ref.platform, ref.workspaceId, ref.channelId);
const workspaceKeyOf = (ref: WorkspaceRef): string => workspaceKey(ref.platform, ref.workspaceId);

export function getMember(t: Tables, ref: MemberRef): Member | undefined {
  return t.users.get(memberKey(ref));
}

export function getWorkspace(t: Tables, ref: WorkspaceRef): WorkspaceSettings {
  return t.workspaces.get(workspaceKeyOf(ref)) ?? EMPTY_SETTINGS;
}

function blankMember(who: MemberIdentity): Member {
  return {
    platform: who.platform,
    workspaceId: who.workspaceId,
    userId: who.userId,
    displayName: who.displayName,
    checkins: [],
    quizAnswers: {},
  };
}

function contextFor(t: Tables, who: MemberIdentity): MemberContext {
  return { member: getMember(t, who) ?? blankMember(who), workspace: getWorkspace(t, who) };
}

/** The member with a fresh display name, or the same record when nothing would change. */
function named(member: Member, who: MemberIdentity): Member {
  return who.displayName && member.displayName !== who.displayName
    ? { ...member, displayName: who.displayName }
    : member;
}

/** `dates` with `date` added in order (dates are sorted and unique). */
function withDate(dates: readonly LocalDate[], date: LocalDate): LocalDate[] {
  let at = dates.length;
  while (at > 0 && (dates[at - 1] as LocalDate) > date) at--;
  return [...dates.slice(0, at), date, ...dates.slice(at)];
}

/** Store `member` unless it is the very record already stored. */
function save(t: Tables, before: Member | undefined, member: Member): Member {
  if (member !== before) t.put(t.users, memberKey(member), member);
  return t.users.get(memberKey(member)) as Member;
}

export function checkIn(t: Tables, who: MemberIdentity, dateFor: CheckinDateRule): CheckinResult {
  const stored = getMember(t, who);
  const context = contextFor(t, who);
  const date = dateFor(context);
  const current = context.member;
  const already = current.checkins.includes(date);
  const next = named(already ? current : { ...current, checkins: withDate(current.checkins, date) }, who);
  const member = save(t, stored, next);
  return { status: already ? 'already' : 'counted', date, member, workspace: context.workspace };
}

export function setTimezone(t: Tables, who: MemberIdentity, rule: TimezoneRule): Member {
  const stored = getMember(t, who);
  const context = contextFor(t, who);
  const { timezone, previousTimezone, timezoneFrom, ...rest } = context.member;
  const state = rule(context);
  const next: Member = { ...rest };
  if (state.timezone !== undefined) next.timezone = state.timezone;
  if (state.previousTimezone !== undefined) next.previousTimezone = state.previousTimezone;
  if (state.timezoneFrom !== undefined) next.timezoneFrom = state.timezoneFrom;
  return save(t, stored, named(next, who));
}

export function recordQuizAnswer(
  t: Tables,
  who: MemberIdentity,
  answerKey: string,
  option: number,
): QuizAnswerResult {
  const stored = getMember(t, who);
  const current = stored ?? blankMember(who);
  if (Object.hasOwn(current.quizAnswers, answerKey)) {
    return { recorded: false, option: current.quizAnswers[answerKey] as number };
  }
  const quizAnswers = Object.assign(Object.create(null) as Record<string, number>, current.quizAnswers);
  quizAnswers[answerKey] = option;
  save(t, stored, named({ ...current, quizAnswers }, who));
  return { recorded: true, option };
}

export function deleteMember(t: Tables, ref: MemberRef): boolean {
  const key = memberKey(ref);
  if (!t.users.has(key)) return false;
  t.put(t.users, key, undefined);
  return true;
}

export function updateWorkspace(t: Tables, ref: WorkspaceRef, patch: WorkspaceSettings): WorkspaceSettings {
  const merged = { ...getWorkspace(t, ref), ...patch };
  t.put(t.workspaces, workspaceKeyOf(ref), merged);
  return getWorkspace(t, ref);
}

export function updateSchedule(t: Tables, ref: ChannelRef, change: ScheduleChange): Schedule | undefined {
  const key = channelKeyOf(ref);
  const next = change(t.schedules.get(key));
  if (next) t.put(t.schedules, key, { ...next });
  return t.schedules.get(key);
}

function compareChannels(a: Schedule, b: Schedule): number {
  return (
    a.platform.localeCompare(b.platform) ||
    a.workspaceId.localeCompare(b.workspaceId) ||
    a.channelId.localeCompare(b.channelId)
  );
}

export function listSchedules(t: Tables, filter: ScheduleFilter = {}): Schedule[] {
  const picked = [...t.schedules.values()].filter(
    (s) =>
      (filter.platform === undefined || s.platform === filter.platform) &&
      (filter.workspaceId === undefined || s.workspaceId === filter.workspaceId) &&
      (!filter.activeOnly || !s.paused),
  );
  return picked.sort(compareChannels);
}

export function getPosts(t: Tables, keys: readonly string[]): Map<string, PostRecord> {
  const found = new Map<string, PostRecord>();
  for (const key of keys) {
    const record = t.posts.get(key);
    if (record) found.set(key, record);
  }
  return found;
}

export function claimPost(t: Tables, record: PostRecord): boolean {
  if (t.posts.has(record.key)) return false;
  t.put(t.posts, record.key, { ...record });
  return true;
}

export function leaseClaim(
  t: Tables,
  key: string,
  expected: string | undefined,
  leaseUntil: string,
): boolean {
  const current = t.posts.get(key);
  if (current?.status !== 'claimed' || current.leaseUntil !== expected) return false;
  t.put(t.posts, key, { ...current, leaseUntil });
  return true;
}

export function settlePost(t: Tables, key: string, outcome: PostOutcome): PostRecord | undefined {
  const current = t.posts.get(key);
  if (!current) return undefined;
  const { reason: _reason, leaseUntil: _lease, ...rest } = current;
  const next: PostRecord = { ...rest, status: outcome.status };
  if (outcome.attempts !== undefined) next.attempts = outcome.attempts;
  if (outcome.messageId !== undefined) next.messageId = outcome.messageId;
  if (outcome.sentAt !== undefined) next.sentAt = outcome.sentAt;
  if (outcome.reason !== undefined) next.reason = outcome.reason;
  t.put(t.posts, key, next);
  return t.posts.get(key);
}

export function channelPosts(t: Tables, ref: ChannelRef): PostRecord[] {
  const found: PostRecord[] = [];
  for (const record of t.posts.values()) {
    if (
      record.channelId === ref.channelId &&
      record.workspaceId === ref.workspaceId &&
      record.platform === ref.platform
    ) {
      found.push(record);
    }
  }
  return found.sort((a, b) => a.date.localeCompare(b.date) || a.claimedAt.localeCompare(b.claimedAt));
}

export function prunePosts(t: Tables, before: LocalDate, channel?: ChannelRef): number {
  const inScope = (r: PostRecord) =>
    !channel ||
    (r.channelId === channel.channelId &&
      r.workspaceId === channel.workspaceId &&
      r.platform === channel.platform);
  const old = [...t.posts].filter(([, r]) => r.date < before && inScope(r)).map(([key]) => key);
  for (const key of old) t.put(t.posts, key, undefined);
  return old.length;
}
