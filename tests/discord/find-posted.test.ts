/**
 * Recognising a daily post that already landed, after Discord has forgotten its nonce: the
 * scheduler asks `findPosted` before resending a claim whose outcome an earlier process lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { postMarker, snowflakeBefore } from '../../adapters/discord/delivery.ts';
import type { TipTarget } from '../../src/delivery.ts';
import type { PostRecord } from '../../src/store/types.ts';
import { postKey } from '../../src/store/types.ts';
import { buildPost } from '../../src/tips/post.ts';
import { createScheduler, ensureEnvSchedule } from '../../src/tips/scheduler.ts';
import type { Reply } from '../../src/types.ts';
import { rateLimited } from '../fakes/discord/index.ts';
import { connect, failureOf, type Harness, type HarnessOptions, targetIn } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const LIST = /^\/channels\/\d+\/messages$/;
const TODAY = '2026-03-04';
const post: Reply = {
  title: 'Skill of the day: Databases',
  text: 'Indexes make reads fast.',
  visibility: 'public',
};

/** Discord's clock and the bot's, moved by the test: the fake's ids and nonce window follow it. */
function sharedClock(iso: string) {
  let now = Date.parse(iso);
  return {
    now: () => now,
    clock: () => new Date(now),
    set: (at: string) => {
      now = Date.parse(at);
    },
  };
}

function connectAt(time: ReturnType<typeof sharedClock>, options: HarnessOptions = {}) {
  return connect({
    start: false,
    ...options,
    fake: { now: time.now },
    deps: { clock: time.clock, ...options.deps },
  });
}

const keyOf = (t: TipTarget, date = TODAY) => postKey(t.platform, t.workspaceId, t.channelId, date);

function find(harness: Harness, target: TipTarget, key: string, since: Date) {
  const { findPosted } = harness.adapter.delivery;
  if (!findPosted) throw new Error('the Discord delivery has no findPosted');
  return findPosted.call(harness.adapter.delivery, target, key, since);
}

describe('findPosted on Discord', () => {
  it('finds the post made with the same key, hours after Discord forgot its nonce', async () => {
    const time = sharedClock('2026-03-04T10:00:00Z');
    h = await connectAt(time);
    const target = targetIn(h);
    const since = time.clock();
    const { messageId } = await h.adapter.delivery.postTip(target, post, keyOf(target));
    time.set('2026-03-04T12:30:00Z');
    expect(await find(h, target, keyOf(target), since)).toBe(messageId);
    const lookup = h.fake.rest.requests.find((r) => r.method === 'GET' && LIST.test(r.path));
    expect(lookup?.query.get('limit')).toBe('100');
    expect(lookup?.query.get('after')).toBe(snowflakeBefore(since));
    expect(BigInt(lookup?.query.get('after') ?? '0')).toBeLessThan(BigInt(messageId));
  });

  it("does not take another channel's, another day's or an earlier post for this one", async () => {
    const time = sharedClock('2026-03-03T10:00:00Z');
    h = await connectAt(time);
    const target = targetIn(h);
    const other = targetIn(h, h.fake.ids.otherChannel);
    const yesterday = time.clock();
    await h.adapter.delivery.postTip(target, post, keyOf(target, '2026-03-03'));
    time.set('2026-03-04T10:00:00Z');
    await h.adapter.delivery.postTip(target, post, keyOf(other));
    expect(await find(h, target, keyOf(target), yesterday)).toBeNull();
    // Today's key, but the message is older than the claim: not this claim's send.
    await h.adapter.delivery.postTip(target, post, keyOf(target));
    time.set('2026-03-04T11:00:00Z');
    expect(await find(h, target, keyOf(target), time.clock())).toBeNull();
  });

  it("ignores someone else's message with the same footer and returns the bot's own", async () => {
    const time = sharedClock('2026-03-04T10:00:00Z');
    h = await connectAt(time);
    const target = targetIn(h);
    const since = time.clock();
    const copycat = { embeds: [{ description: 'fake tip', footer: { text: postMarker(keyOf(target)) } }] };
    h.fake.rest.addMessage(target.channelId, h.fake.users.alice, copycat);
    expect(await find(h, target, keyOf(target), since)).toBeNull();
    const { messageId } = await h.adapter.delivery.postTip(target, post, keyOf(target));
    expect(await find(h, target, keyOf(target), since)).toBe(messageId);
  });

  it('reads further pages in a busy channel', async () => {
    const time = sharedClock('2026-03-04T10:00:00Z');
    h = await connectAt(time);
    const target = targetIn(h);
    const since = time.clock();
    for (let i = 0; i < 150; i++)
      h.fake.rest.addMessage(target.channelId, h.fake.users.alice, { content: `${i}` });
    const { messageId } = await h.adapter.delivery.postTip(target, post, keyOf(target));
    expect(await find(h, target, keyOf(target), since)).toBe(messageId);
    expect(h.fake.rest.requests.filter((r) => r.method === 'GET' && LIST.test(r.path))).toHaveLength(2);
  });

  it('reports failures in the scheduler’s terms; a refused look is temporary, never a resend', async () => {
    const time = sharedClock('2026-03-04T10:00:00Z');
    h = await connectAt(time);
    const since = time.clock();
    const gone = targetIn(h, '123456789012345678');
    expect((await failureOf(find(h, gone, keyOf(gone), since))).failure).toBe('permanent');
    const target = targetIn(h);
    h.fake.rest.failNext('GET', LIST, rateLimited(30));
    expect((await failureOf(find(h, target, keyOf(target), since))).failure).toBe('temporary');
    h.fake.revokeToken();
    expect((await failureOf(find(h, target, keyOf(target), since))).failure).toBe('auth');
  });
});

describe('the scheduler recovering an interrupted Discord post', () => {
  const settings = {
    defaultTimezone: 'UTC',
    tips: { time: '10:00', days: 'daily' as const, catchupHours: 3 },
  };

  /** A 10:00 schedule and a claim at 10:00:02 whose outcome the process never recorded. */
  async function interruptedClaim(time: ReturnType<typeof sharedClock>) {
    h = await connectAt(time, { deps: { settings } });
    const target = targetIn(h);
    await ensureEnvSchedule(h.deps, target);
    time.set('2026-03-04T10:00:02Z');
    const key = keyOf(target);
    const tip = h.deps.content.tips[0];
    if (!tip) throw new Error('the content has no tips');
    const claim: PostRecord = {
      key,
      ...target,
      date: TODAY,
      tipId: tip.id,
      status: 'claimed',
      claimedAt: time.clock().toISOString(),
      attempts: 0,
    };
    await h.deps.store.claimPost(claim);
    return { harness: h, target, key, reply: buildPost(h.deps.content, tip, TODAY) };
  }

  async function runSchedulerOnce(harness: Harness): Promise<void> {
    const scheduler = createScheduler(harness.deps);
    scheduler.addDelivery(harness.adapter.delivery);
    await scheduler.tick();
    await scheduler.stop();
  }

  it('marks a post that landed 12 minutes earlier as sent without posting it again', async () => {
    const time = sharedClock('2026-03-04T09:00:00Z');
    const { harness, target, key, reply } = await interruptedClaim(time);
    time.set('2026-03-04T10:00:03Z');
    const landed = await harness.adapter.delivery.postTip(target, reply, key);
    // The process died here, before recording the outcome; it restarts well after the nonce expired.
    time.set('2026-03-04T10:12:03Z');
    await runSchedulerOnce(harness);
    expect((await harness.deps.store.exportData()).posts[key]).toMatchObject({
      status: 'sent',
      messageId: landed.messageId,
    });
    expect(harness.fake.rest.messages.filter((m) => m.channelId === target.channelId)).toHaveLength(1);
    expect(harness.fake.channelPosts()).toHaveLength(1);
  });

  it('posts once when the interrupted send never reached Discord', async () => {
    const time = sharedClock('2026-03-04T09:00:00Z');
    const { harness, target, key } = await interruptedClaim(time);
    time.set('2026-03-04T10:12:03Z');
    await runSchedulerOnce(harness);
    const [message, ...more] = harness.fake.rest.messages;
    expect(more).toHaveLength(0);
    expect(message?.channelId).toBe(target.channelId);
    expect((await harness.deps.store.exportData()).posts[key]).toMatchObject({
      status: 'sent',
      messageId: message?.id,
    });
  });
});
