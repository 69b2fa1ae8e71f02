/**
 * The store contract: what every implementation of `StorePort` must do, as one suite any
 * implementation runs. `open` must give a fresh, empty store each time; `cleanup` removes it.
 *
 *   describeStoreContract('memory', async () => ({ store: createInMemoryStore(), cleanup: async () => {} }));
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberIdentity, StorePort } from '../../src/store/port.ts';
import { type PostRecord, postKey, type Schedule } from '../../src/store/types.ts';
import { boardIds, describeStoreBoardContract } from './contract-board.ts';
import { describeStoreDataContract } from './contract-data.ts';

export interface OpenedStore {
  store: StorePort;
  cleanup(): Promise<void>;
}

export type OpenStore = () => Promise<OpenedStore>;

export const alice: MemberIdentity = {
  platform: 'slack',
  workspaceId: 'T1',
  userId: 'U1',
  displayName: 'Alice',
};
export const bob: MemberIdentity = { platform: 'slack', workspaceId: 'T1', userId: 'U2', displayName: 'Bob' };
export const channel = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' } as const;

export const on = (date: string) => () => date;

export function schedule(overrides: Partial<Schedule> = {}): Schedule {
  return {
    ...channel,
    time: '09:00',
    timezone: 'Europe/Berlin',
    days: 'weekdays',
    source: 'command',
    createdAt: '2026-03-02T08:00:00.000Z',
    ...overrides,
  };
}

export function post(date: string, overrides: Partial<PostRecord> = {}): PostRecord {
  const where = { ...channel, ...overrides };
  return {
    key: postKey(where.platform, where.workspaceId, where.channelId, date),
    ...channel,
    date,
    tipId: 'sql-indexes',
    status: 'claimed',
    claimedAt: `${date}T08:00:00.000Z`,
    attempts: 0,
    ...overrides,
  };
}

/** Opens a fresh store before each test and cleans it up after; `current()` is the open store. */
export function useStore(open: OpenStore): () => StorePort {
  let opened: OpenedStore | undefined;
  beforeEach(async () => {
    opened = await open();
  });
  afterEach(async () => {
    await opened?.cleanup();
    opened = undefined;
  });
  return () => {
    if (!opened) throw new Error('no store open');
    return opened.store;
  };
}

export function describeStoreContract(name: string, open: OpenStore): void {
  describe(`store contract: ${name}`, () => {
    const current = useStore(open);
    describeMembers(current);
    describeSettingsAndSchedules(current);
    describePosts(current);
    describeStoreDataContract(current);
    describeStoreBoardContract(current);
  });
}

function describeMembers(current: () => StorePort): void {
  describe('members and check-ins', () => {
    it('knows nobody at first, then creates a member on their first check-in', async () => {
      const store = current();
      expect(await store.getMember(alice)).toBeUndefined();
      const result = await store.checkIn(alice, on('2026-03-04'));
      expect(result.status).toBe('counted');
      expect(result.date).toBe('2026-03-04');
      expect(result.member).toMatchObject({ userId: 'U1', displayName: 'Alice', checkins: ['2026-03-04'] });
      expect(await store.getMember(alice)).toMatchObject({ checkins: ['2026-03-04'], quizAnswers: {} });
    });

    it('counts a date once, keeps dates sorted, and keeps the display name fresh', async () => {
      const store = current();
      await store.checkIn(alice, on('2026-03-04'));
      expect((await store.checkIn(alice, on('2026-03-04'))).status).toBe('already');
      await store.checkIn({ ...alice, displayName: 'Alice B' }, on('2026-03-02'));
      await store.checkIn({ ...alice, displayName: '' }, on('2026-03-03'));
      const member = await store.getMember(alice);
      expect(member?.checkins).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
      expect(member?.displayName).toBe('Alice B');
    });

    it('hands the date rule the stored member and workspace settings', async () => {
      const store = current();
      await store.updateWorkspace(alice, { learningDays: 'daily', timezone: 'Asia/Tokyo' });
      await store.setTimezone(alice, () => ({ timezone: 'Europe/Berlin' }));
      await store.checkIn(alice, on('2026-03-01'));
      const seen: unknown[] = [];
      await store.checkIn(alice, (context) => {
        seen.push({ ...context.member, ...context.workspace });
        return '2026-03-02';
      });
      expect(seen.at(-1)).toMatchObject({
        timezone: 'Asia/Tokyo',
        learningDays: 'daily',
        checkins: ['2026-03-01'],
      });
      const member = await store.getMember(alice);
      expect(member?.timezone).toBe('Europe/Berlin');
    });

    it('gives exactly one of many concurrent check-ins for one member and date the count', async () => {
      const store = current();
      const results = await Promise.all(
        Array.from({ length: 25 }, () => store.checkIn(alice, on('2026-03-04'))),
      );
      expect(results.filter((r) => r.status === 'counted')).toHaveLength(1);
      expect((await store.getMember(alice))?.checkins).toEqual(['2026-03-04']);
    });

    it('keeps every concurrent check-in of different members', async () => {
      const store = current();
      const people = Array.from({ length: 40 }, (_, i) => ({
        ...alice,
        userId: `U${i}`,
        displayName: `P${i}`,
      }));
      await Promise.all(people.map((who) => store.checkIn(who, on('2026-03-04'))));
      expect((await boardIds(store, alice)).sort()).toEqual(people.map((p) => p.userId).sort());
    });

    it('sets and clears timezone fields, creating the member without check-ins', async () => {
      const store = current();
      const set = await store.setTimezone(alice, () => ({
        timezone: 'Pacific/Kiritimati',
        previousTimezone: 'UTC',
        timezoneFrom: '2026-03-05',
      }));
      expect(set).toMatchObject({ timezone: 'Pacific/Kiritimati', previousTimezone: 'UTC', checkins: [] });
      const seen: unknown[] = [];
      const cleared = await store.setTimezone(alice, (context) => {
        seen.push(context.member.timezone);
        return {};
      });
      expect(seen).toEqual(['Pacific/Kiritimati']);
      expect(cleared.timezone).toBeUndefined();
      expect(cleared.previousTimezone).toBeUndefined();
      expect((await store.getMember(alice))?.timezoneFrom).toBeUndefined();
    });

    it('keeps the first quiz answer under a key, also when answers race', async () => {
      const store = current();
      const results = await Promise.all(
        [0, 1, 2, 3].map((option) => store.recordQuizAnswer(alice, 'tip@2026-03-04', option)),
      );
      const recorded = results.filter((r) => r.recorded);
      expect(recorded).toHaveLength(1);
      const again = await store.recordQuizAnswer(alice, 'tip@2026-03-04', 3);
      expect(again).toEqual({ recorded: false, option: recorded[0]?.option });
      expect((await store.getMember(alice))?.quizAnswers).toEqual({ 'tip@2026-03-04': recorded[0]?.option });
    });

    it('forgets a member entirely and leaves the others', async () => {
      const store = current();
      await store.checkIn(alice, on('2026-03-04'));
      await store.checkIn(bob, on('2026-03-04'));
      await store.recordQuizAnswer(alice, 'tip@2026-03-04', 1);
      expect(await store.deleteMember(alice)).toBe(true);
      expect(await store.deleteMember(alice)).toBe(false);
      expect(await store.getMember(alice)).toBeUndefined();
      expect(await boardIds(store, alice)).toEqual(['U2']);
      expect((await store.checkIn(alice, on('2026-03-04'))).status).toBe('counted');
    });

    it('ranks one workspace on one platform, checked-in members only', async () => {
      const store = current();
      await store.updateWorkspace(alice, { learningDays: 'daily' });
      await store.checkIn(alice, on('2026-03-04'));
      await store.setTimezone(bob, () => ({ timezone: 'UTC' }));
      await store.checkIn({ ...alice, workspaceId: 'T2' }, on('2026-03-04'));
      await store.checkIn({ ...alice, platform: 'discord' }, on('2026-03-04'));
      const board = await store.leaderboard({ ...alice, limit: 10, todayFor: () => '2026-03-04' });
      expect(board.workspace).toEqual({ learningDays: 'daily' });
      expect(board.size).toBe(1);
      expect(board.top).toEqual([
        { rank: 1, userId: 'U1', displayName: 'Alice', current: 1, longest: 1, total: 1 },
      ]);
    });

    it('treats unusual ids as plain data', async () => {
      const store = current();
      const odd = ['__proto__', 'constructor', 'hasOwnProperty', 'a:b', ''];
      for (const userId of odd) await store.checkIn({ ...alice, userId }, on('2026-03-04'));
      const proto = { ...alice, workspaceId: '__proto__', userId: '__proto__' };
      await store.checkIn(proto, on('2026-03-05'));
      for (const userId of odd)
        expect((await store.getMember({ ...alice, userId }))?.checkins).toEqual(['2026-03-04']);
      expect((await store.getMember(proto))?.checkins).toEqual(['2026-03-05']);
      expect(({} as Record<string, unknown>).checkins).toBeUndefined();
    });

    it('hands out records that later writes do not change', async () => {
      const store = current();
      await store.checkIn(alice, on('2026-03-03'));
      const before = await store.getMember(alice);
      await store.checkIn(alice, on('2026-03-04'));
      expect(before?.checkins).toEqual(['2026-03-03']);
    });
  });
}

function describeSettingsAndSchedules(current: () => StorePort): void {
  describe('workspace settings and schedules', () => {
    it('merges workspace settings, per workspace and platform', async () => {
      const store = current();
      expect(await store.getWorkspace(alice)).toEqual({});
      await store.updateWorkspace(alice, { timezone: 'Europe/Berlin' });
      expect(await store.updateWorkspace(alice, { learningDays: 'daily' })).toEqual({
        timezone: 'Europe/Berlin',
        learningDays: 'daily',
      });
      expect(await store.getWorkspace({ platform: 'discord', workspaceId: 'T1' })).toEqual({});
    });

    it('changes a schedule through a rule that sees the current one', async () => {
      const store = current();
      expect(await store.getSchedule(channel)).toBeUndefined();
      expect(await store.updateSchedule(channel, () => schedule())).toEqual(schedule());
      const seen: unknown[] = [];
      const paused = await store.updateSchedule(channel, (now) => {
        seen.push(now?.time);
        return now && { ...now, paused: { reason: 'off', at: '2026-03-04T10:00:00.000Z' } };
      });
      expect(seen).toEqual(['09:00']);
      expect(paused?.paused?.reason).toBe('off');
      expect(await store.updateSchedule(channel, () => undefined)).toEqual(paused);
      expect(await store.getSchedule(channel)).toEqual(paused);
    });

    it('lists schedules in channel order, filtered by workspace and pause', async () => {
      const store = current();
      for (const channelId of ['C3', 'C1', 'C2']) {
        const paused = channelId === 'C2' ? { reason: 'x', at: '2026-03-04T10:00:00.000Z' } : undefined;
        await store.updateSchedule({ ...channel, channelId }, () =>
          schedule({ channelId, ...(paused ? { paused } : {}) }),
        );
      }
      await store.updateSchedule({ ...channel, workspaceId: 'T9' }, () => schedule({ workspaceId: 'T9' }));
      const all = await store.listSchedules();
      expect(all.map((s) => `${s.workspaceId}/${s.channelId}`)).toEqual(['T1/C1', 'T1/C2', 'T1/C3', 'T9/C1']);
      const active = await store.listSchedules({ platform: 'slack', workspaceId: 'T1', activeOnly: true });
      expect(active.map((s) => s.channelId)).toEqual(['C1', 'C3']);
    });
  });
}

function describePosts(current: () => StorePort): void {
  describe('post log', () => {
    it('lets exactly one of many concurrent claims own a post', async () => {
      const store = current();
      const claims = Array.from({ length: 20 }, (_, i) => post('2026-03-04', { tipId: `tip-${i}` }));
      const won = await Promise.all(claims.map((record) => store.claimPost(record)));
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = claims[won.indexOf(true)];
      const stored = await store.getPosts([post('2026-03-04').key, 'no-such-key']);
      expect([...stored.keys()]).toEqual([post('2026-03-04').key]);
      expect(stored.get(post('2026-03-04').key)?.tipId).toBe(winner?.tipId);
    });

    it('settles a post as sent or failed', async () => {
      const store = current();
      const record = post('2026-03-04', { reason: 'earlier trouble' });
      await store.claimPost(record);
      const sent = await store.settlePost(record.key, {
        status: 'sent',
        messageId: 'M1',
        sentAt: '2026-03-04T08:00:01.000Z',
        attempts: 1,
      });
      expect(sent).toMatchObject({ status: 'sent', messageId: 'M1', attempts: 1, tipId: 'sql-indexes' });
      expect(sent?.reason).toBeUndefined();
      const failed = await store.settlePost(record.key, { status: 'failed', reason: 'gone', attempts: 3 });
      expect(failed).toMatchObject({ status: 'failed', reason: 'gone', attempts: 3 });
      expect(await store.settlePost('no-such-key', { status: 'sent' })).toBeUndefined();
    });

    it('leases a claim by compare-and-set: renewed by its holder, taken over by exactly one', async () => {
      const store = current();
      const record = post('2026-03-04', { status: 'claimed', leaseUntil: '2026-03-04T08:03:00.000Z' });
      await store.claimPost(record);
      expect(await store.leaseClaim(record.key, 'some other lease', '2026-03-04T08:09:00.000Z')).toBe(false);
      expect(await store.leaseClaim(record.key, record.leaseUntil, '2026-03-04T08:04:00.000Z')).toBe(true);
      const racers = Array.from({ length: 10 }, (_, i) =>
        store.leaseClaim(record.key, '2026-03-04T08:04:00.000Z', `2026-03-04T08:1${i}:00.000Z`),
      );
      expect((await Promise.all(racers)).filter(Boolean)).toHaveLength(1);
      const settled = await store.settlePost(record.key, { status: 'sent', messageId: 'M1' });
      expect(settled?.leaseUntil).toBeUndefined();
      expect(await store.leaseClaim(record.key, undefined, '2026-03-04T08:20:00.000Z')).toBe(false);
      expect(await store.leaseClaim('no-such-key', undefined, '2026-03-04T08:20:00.000Z')).toBe(false);
    });

    it("gives one channel's history oldest first and prunes by date", async () => {
      const store = current();
      for (const date of ['2026-03-04', '2026-01-02', '2026-02-03']) await store.claimPost(post(date));
      await store.claimPost(post('2026-03-01', { channelId: 'C2' }));
      const history = await store.channelPosts(channel);
      expect(history.map((r) => r.date)).toEqual(['2026-01-02', '2026-02-03', '2026-03-04']);
      expect(await store.prunePosts('2026-02-03')).toBe(1);
      expect((await store.channelPosts(channel)).map((r) => r.date)).toEqual(['2026-02-03', '2026-03-04']);
      expect(await store.claimPost(post('2026-01-02'))).toBe(true);
      expect(await store.prunePosts('2026-04-01', { ...channel, channelId: 'C2' })).toBe(1);
      expect((await store.channelPosts(channel)).map((r) => r.date)).toEqual([
        '2026-01-02',
        '2026-02-03',
        '2026-03-04',
      ]);
    });
  });
}
