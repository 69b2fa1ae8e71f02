/**
 * Two schedulers sharing one store that other processes use too (PostgreSQL in production, the
 * memory store marked shared here): a claim another instance is still sending is left alone while
 * its sender keeps renewing the lease, however long the send takes; a claim whose sender died is
 * taken over by exactly one of the others once the lease runs out.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeliveryError } from '../../src/errors.ts';
import { createInMemoryStore } from '../../src/store/in-memory.ts';
import type { StorePort } from '../../src/store/port.ts';
import { C1, cleanUp, key, start } from './harness.ts';
import { addSchedule, createFakePlatform, tipDeps } from './support.ts';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(cleanUp);

/** The memory store, as a store other processes share: claims may belong to a live sender elsewhere. */
function sharedStore(): StorePort {
  return Object.assign(Object.create(createInMemoryStore()) as StorePort, { shared: true });
}

describe('scheduler: several instances on one shared store', () => {
  it('leaves a slow send to the instance holding its claim: one post, no matter how long it waits', async () => {
    vi.setSystemTime('2026-03-04T08:00:00Z');
    const store = sharedStore();
    // The first send is told to come back in 10 minutes, far past one 3-minute lease.
    const platform = createFakePlatform({
      withFind: true,
      fail: (_key, call) =>
        call === 1 ? new DeliveryError('slow down', 'rate_limited', 600_000) : undefined,
    });
    const first = tipDeps({ store });
    await addSchedule(store, C1, { time: '08:00', timezone: 'UTC', createdAt: '2026-03-04T00:00:00Z' });
    start(first, platform.delivery);
    await vi.advanceTimersByTimeAsync(1_000);
    start(tipDeps({ store }), platform.delivery);
    await vi.advanceTimersByTimeAsync(12 * 60_000);
    expect(platform.calls).toHaveLength(2);
    expect(platform.countFor(key())).toBe(1);
    expect((await store.getPosts([key()])).get(key())?.status).toBe('sent');
  });

  it('takes over the claim of an instance that died, once its lease has run out, and posts it once', async () => {
    vi.setSystemTime('2026-03-04T08:00:00Z');
    const store = sharedStore();
    const platform = createFakePlatform({ withFind: true });
    await addSchedule(store, C1, { time: '08:00', timezone: 'UTC', createdAt: '2026-03-04T00:00:00Z' });
    // A claim left by an instance that died mid-send at 08:00, its lease good until 08:03.
    await store.claimPost({
      key: key(),
      ...C1,
      date: '2026-03-04',
      tipId: 'databases-1',
      status: 'claimed',
      claimedAt: '2026-03-04T08:00:00.000Z',
      leaseUntil: '2026-03-04T08:03:00.000Z',
      attempts: 1,
    });
    start(tipDeps({ store }), platform.delivery);
    start(tipDeps({ store }), platform.delivery);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(platform.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(platform.calls).toHaveLength(1);
    expect(platform.countFor(key())).toBe(1);
    expect((await store.getPosts([key()])).get(key())?.status).toBe('sent');
  });
});
