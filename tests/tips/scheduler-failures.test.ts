import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreDeps } from '../../src/core.ts';
import type { Delivery } from '../../src/delivery.ts';
import { DeliveryError, StoreWriteError } from '../../src/errors.ts';
import { createInMemoryStore } from '../../src/store/in-memory.ts';
import { channelKey } from '../../src/store/types.ts';
import { scheduleCommand } from '../../src/tips/schedule-command.ts';
import { advanceTo, C1, C2, cleanUp, key, restartAt, setup, start, tickNow, times } from './harness.ts';
import { addSchedule, say, target, tipDeps } from './support.ts';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(cleanUp);

describe('scheduler: failures', () => {
  it('retries temporary failures with backoff, then marks the post failed with the reason', async () => {
    vi.setSystemTime('2026-03-04T07:59:00Z');
    const { deps, platform } = setup({ fail: () => new DeliveryError('Slack timed out', 'temporary') });
    await addSchedule(deps.store, C1, { time: '08:00', timezone: 'UTC', createdAt: '2026-03-04T00:00:00Z' });
    start(deps, platform.delivery, { backoffMs: 5_000 });
    await advanceTo('2026-03-04T08:00:01Z');
    expect(platform.calls).toHaveLength(1);
    await advanceTo('2026-03-04T08:00:20Z');
    expect(platform.calls.map((c) => c.at.toISOString().slice(11, 19))).toEqual([
      '08:00:00',
      '08:00:05',
      '08:00:15',
    ]);
    expect((await deps.store.exportData()).posts[key()]).toMatchObject({
      status: 'failed',
      attempts: 3,
      reason: 'Gave up after 3 attempts: Slack timed out',
    });
    expect(
      (await deps.store.exportData()).schedules[channelKey('slack', 'T1', 'C1')]?.paused,
    ).toBeUndefined();
    await advanceTo('2026-03-04T12:00:00Z');
    expect(platform.calls).toHaveLength(3);
  });

  it('recovers from a temporary failure and posts once', async () => {
    vi.setSystemTime('2026-03-04T08:00:00Z');
    const { deps, platform } = setup({
      fail: (_key, call) => (call <= 2 ? new DeliveryError('503', 'temporary') : undefined),
    });
    await addSchedule(deps.store, C1, { time: '08:00', timezone: 'UTC', createdAt: '2026-03-04T00:00:00Z' });
    start(deps, platform.delivery, { backoffMs: 1_000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(platform.messages).toHaveLength(1);
    expect((await deps.store.exportData()).posts[key()]).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('looks before resending after a timeout that did reach the platform', async () => {
    vi.setSystemTime('2026-03-04T08:00:00Z');
    const deps = tipDeps();
    const landed: string[] = [];
    const delivery: Delivery = {
      platform: 'slack',
      async postTip(_t, _p, k) {
        landed.push(k);
        throw new DeliveryError('timed out waiting for Slack', 'temporary');
      },
      async findPosted(_t, k) {
        return landed.includes(k) ? 'ts-1' : null;
      },
    };
    await addSchedule(deps.store, C1, { time: '08:00', timezone: 'UTC', createdAt: '2026-03-04T00:00:00Z' });
    start(deps, delivery, { backoffMs: 1_000 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(landed).toHaveLength(1);
    expect((await deps.store.exportData()).posts[key()]).toMatchObject({ status: 'sent', messageId: 'ts-1' });
  });

  it('waits out a rate limit for the time the platform asks, then posts', async () => {
    vi.setSystemTime('2026-03-04T08:00:00Z');
    const { deps, platform } = setup({
      fail: (_key, call) =>
        call === 1 ? new DeliveryError('ratelimited', 'rate_limited', 30_000) : undefined,
    });
    await addSchedule(deps.store, C1, { time: '08:00', timezone: 'UTC', createdAt: '2026-03-04T00:00:00Z' });
    start(deps, platform.delivery);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(platform.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(times(platform.messages)).toEqual(['2026-03-04T08:00:30Z']);
  });

  it('pauses the schedule on a permanent failure, shows why, and resumes when set again', async () => {
    vi.setSystemTime('2026-03-04T07:59:00Z');
    let gone = true;
    const { deps, platform } = setup({
      fail: () =>
        gone ? new DeliveryError('The channel was archived (is_archived).', 'permanent') : undefined,
    });
    await addSchedule(deps.store, C1, {
      time: '08:00',
      timezone: 'UTC',
      days: 'weekdays',
      createdAt: '2026-03-01T00:00:00Z',
    });
    await deps.store.claimPost({
      key: key(C1, '2026-03-03'),
      ...C1,
      date: '2026-03-03',
      tipId: deps.content.tips[0]?.id ?? '',
      status: 'sent',
      claimedAt: '2026-03-03T08:00:00.000Z',
      attempts: 1,
    });
    start(deps, platform.delivery);
    await advanceTo('2026-03-04T08:05:00Z');
    await restartAt('2026-03-05T07:59:00Z', deps, platform.delivery);
    await advanceTo('2026-03-05T08:05:00Z');
    expect(platform.calls).toHaveLength(1);
    expect((await deps.store.exportData()).posts[key()]).toMatchObject({
      status: 'failed',
      reason: 'The channel was archived (is_archived).',
    });
    const shown = await scheduleCommand(say('schedule', C1), {}, deps);
    expect(JSON.stringify(shown.fields)).toMatch(/Paused.*The channel was archived/);
    expect(JSON.stringify(shown.fields)).toMatch(/none while paused/);

    gone = false;
    const resumed = await scheduleCommand(
      say('schedule 08:00 UTC', C1),
      { time: '08:00', timezone: 'UTC' },
      deps,
    );
    expect(resumed.text).toMatch(/^Done/);
    expect(
      (await deps.store.exportData()).schedules[channelKey('slack', 'T1', 'C1')]?.paused,
    ).toBeUndefined();
    await restartAt('2026-03-06T07:59:00Z', deps, platform.delivery);
    await advanceTo('2026-03-06T08:01:00Z');
    expect(platform.messages.map((m) => m.key)).toEqual([key(C1, '2026-03-06')]);
  });

  it('one channel waiting on rate limits never holds up the others', async () => {
    vi.setSystemTime('2026-03-04T08:00:00Z');
    const { deps, platform } = setup({
      fail: (k) => (k.includes(':C1:') ? new DeliveryError('slow down', 'rate_limited', 20_000) : undefined),
    });
    await addSchedule(deps.store, C1, { time: '08:00', timezone: 'UTC', createdAt: '2026-03-04T00:00:00Z' });
    await addSchedule(deps.store, C2, { time: '08:00', timezone: 'UTC', createdAt: '2026-03-04T00:00:00Z' });
    start(deps, platform.delivery, { concurrency: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(platform.messages.map((m) => m.key)).toEqual([key(C2)]);
  });

  it('leaves alone the schedules of a platform that has no delivery', async () => {
    vi.setSystemTime('2026-03-04T08:00:00Z');
    const { deps, platform } = setup();
    await addSchedule(deps.store, target('D1', 'discord'), { time: '08:00', timezone: 'UTC' });
    const scheduler = start(deps, platform.delivery);
    await tickNow(scheduler);
    expect(platform.calls).toHaveLength(0);
    expect((await deps.store.exportData()).posts).toEqual({});
  });
});

describe('scheduler: claim before send', () => {
  it('sends only after the claim is on disk, and sends nothing when the claim cannot be saved', async () => {
    vi.setSystemTime('2026-03-04T08:00:00Z');
    const memory = createInMemoryStore();
    let diskFails = true;
    const events: string[] = [];
    // A store whose writes take a while (and may fail), like a slow or full disk.
    const reads = new Set([
      'getMember',
      'getWorkspace',
      'getSchedule',
      'listSchedules',
      'getPosts',
      'channelPosts',
    ]);
    const slowDisk = new Proxy(memory, {
      get(target, name) {
        const value = Reflect.get(target, name) as unknown;
        if (typeof value !== 'function') return value;
        if (reads.has(String(name))) return value.bind(target);
        return async (...args: unknown[]) => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          if (diskFails) throw new StoreWriteError('disk full');
          const result = await value.apply(target, args);
          events.push('written');
          return result;
        };
      },
    });
    const deps = tipDeps({ store: slowDisk });
    const delivery: Delivery = {
      platform: 'slack',
      async postTip() {
        events.push('sent');
        return { messageId: 'm1' };
      },
    };
    await addSchedule(memory, C1, { time: '08:00', timezone: 'UTC', createdAt: '2026-03-04T00:00:00Z' });
    const scheduler = start(deps, delivery);
    await tickNow(scheduler);
    expect(events).toEqual([]);
    expect((await memory.exportData()).posts).toEqual({});
    diskFails = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(events).toEqual(['written', 'sent', 'written']);
  });
});

describe('scheduler: a send whose outcome is unknown', () => {
  async function claimed(deps: CoreDeps, claimedAt = '2026-03-04T08:00:00.000Z') {
    await addSchedule(deps.store, C1, { time: '08:00', timezone: 'UTC', createdAt: '2026-03-04T00:00:00Z' });
    const tipId = deps.content.tips[0]?.id ?? '';
    await deps.store.claimPost({
      key: key(),
      ...C1,
      date: '2026-03-04',
      tipId,
      status: 'claimed',
      claimedAt,
      attempts: 1,
    });
  }

  it('marks it sent when the platform already has the message (Slack metadata)', async () => {
    vi.setSystemTime('2026-03-04T08:05:00Z');
    const { deps, platform } = setup({ withFind: true });
    await claimed(deps);
    platform.messages.push({
      id: 'ts-9',
      key: key(),
      target: C1,
      post: { text: '', visibility: 'public' },
      at: new Date('2026-03-04T08:00:01Z'),
    });
    await tickNow(start(deps, platform.delivery));
    expect(platform.calls).toHaveLength(0);
    expect((await deps.store.exportData()).posts[key()]).toMatchObject({ status: 'sent', messageId: 'ts-9' });
  });

  it('sends it once when the platform does not have it', async () => {
    vi.setSystemTime('2026-03-04T08:05:00Z');
    const { deps, platform } = setup({ withFind: true });
    await claimed(deps);
    await tickNow(start(deps, platform.delivery));
    expect(platform.messages).toHaveLength(1);
    expect((await deps.store.exportData()).posts[key()]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('resends with the same key when the adapter is idempotent by itself (Discord nonce)', async () => {
    vi.setSystemTime('2026-03-04T08:05:00Z');
    const { deps, platform } = setup({ platform: 'slack' });
    await claimed(deps);
    platform.messages.push({
      id: 'n-1',
      key: key(),
      target: C1,
      post: { text: '', visibility: 'public' },
      at: new Date(),
    });
    await tickNow(start(deps, platform.delivery));
    expect(platform.calls.map((c) => c.key)).toEqual([key()]);
    expect(platform.countFor(key())).toBe(1);
    expect((await deps.store.exportData()).posts[key()]).toMatchObject({ status: 'sent', messageId: 'n-1' });
  });

  it('gives up with a reason once the window has closed', async () => {
    vi.setSystemTime('2026-03-04T13:00:00Z');
    const { deps, platform } = setup();
    await claimed(deps);
    await tickNow(start(deps, platform.delivery));
    expect(platform.calls).toHaveLength(0);
    expect((await deps.store.exportData()).posts[key()]).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/interrupted/),
    });
  });

  it('stop() leaves a post waiting to retry claimed, and the next start finishes it once', async () => {
    vi.setSystemTime('2026-03-04T08:00:00Z');
    const { deps, platform } = setup({
      withFind: true,
      fail: (_k, call) => (call === 1 ? new DeliveryError('busy', 'rate_limited', 60_000) : undefined),
    });
    await addSchedule(deps.store, C1, { time: '08:00', timezone: 'UTC', createdAt: '2026-03-04T00:00:00Z' });
    const first = start(deps, platform.delivery);
    await vi.advanceTimersByTimeAsync(1_000);
    const stopped = first.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    await stopped;
    expect((await deps.store.exportData()).posts[key()]?.status).toBe('claimed');
    const second = start(deps, platform.delivery);
    await tickNow(second);
    expect(platform.messages).toHaveLength(1);
    expect((await deps.store.exportData()).posts[key()]?.status).toBe('sent');
  });
});
