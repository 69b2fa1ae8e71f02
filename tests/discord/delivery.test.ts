import { afterEach, describe, expect, it } from 'vitest';
import { nonceFor, postMarker } from '../../adapters/discord/delivery.ts';
import { LIMITS } from '../../adapters/discord/render.ts';
import type { TipTarget } from '../../src/delivery.ts';
import { postKey } from '../../src/store/types.ts';
import { createScheduler, ensureEnvSchedule } from '../../src/tips/scheduler.ts';
import type { Reply } from '../../src/types.ts';
import { error, rateLimited } from '../fakes/discord/index.ts';
import { connect, embedText, failureOf, type Harness, targetIn } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const CHANNEL_POST = /^\/channels\/\d+\/messages$/;
const post: Reply = {
  title: 'Skill of the day: Databases',
  text: 'Indexes make reads fast. @everyone should know.',
  buttons: [{ label: 'I learned it', actionId: 'skillbot.checkin', value: 'db-indexes@2026-03-04' }],
  visibility: 'public',
};

const keyOf = (t: TipTarget) => postKey(t.platform, t.workspaceId, t.channelId, '2026-03-04');

describe('Discord delivery of the daily post', () => {
  it('posts with a short nonce from the post key, enforce_nonce, and no mentions', async () => {
    h = await connect({ start: false });
    const target = targetIn(h);
    const { messageId } = await h.adapter.delivery.postTip(target, post, keyOf(target));
    const [sent] = h.fake.channelPosts();
    expect(sent?.body.nonce).toBe(nonceFor(keyOf(target)));
    expect(sent?.body.nonce.length).toBeLessThanOrEqual(25);
    expect(sent?.body.enforce_nonce).toBe(true);
    expect(sent?.body.allowed_mentions.parse).toEqual([]);
    expect(embedText(sent?.body)).toMatch(/Indexes make reads fast/);
    expect(h.fake.rest.messages.map((m) => m.id)).toEqual([messageId]);
  });

  it('shows a marker from the post key in the footer, within the embed total for a long post', async () => {
    h = await connect({ start: false });
    const target = targetIn(h);
    const long: Reply = { ...post, text: 'A sentence about indexes. '.repeat(400) };
    await h.adapter.delivery.postTip(target, long, keyOf(target));
    const embed = h.fake.channelPosts()[0]?.body.embeds[0];
    expect(embed.footer.text).toBe(postMarker(keyOf(target)));
    expect(embed.footer.text).toMatch(/^skillbot daily tip · [\w-]{25}$/);
    const total = [embed.title, embed.description, embed.footer.text].join('').length;
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embed.description).toMatch(/shortened to fit Discord/);
  });

  it('a repeated send of the same post returns the first message instead of a second one', async () => {
    h = await connect({ start: false });
    const target = targetIn(h);
    const first = await h.adapter.delivery.postTip(target, post, keyOf(target));
    const again = await h.adapter.delivery.postTip(target, post, keyOf(target));
    expect(again.messageId).toBe(first.messageId);
    expect(h.fake.rest.messages).toHaveLength(1);
  });

  it('waits out a short 429 and posts exactly once', async () => {
    h = await connect({ start: false });
    h.fake.rest.failNext('POST', CHANNEL_POST, rateLimited(0.05));
    const target = targetIn(h);
    await h.adapter.delivery.postTip(target, post, keyOf(target));
    expect(h.fake.channelPosts().map((r) => r.status)).toEqual([429, 200]);
    expect(h.fake.rest.messages).toHaveLength(1);
  });

  it('hands a long rate limit back to the scheduler with its wait', async () => {
    h = await connect({ start: false });
    h.fake.rest.failNext('POST', CHANNEL_POST, rateLimited(30));
    const target = targetIn(h);
    const failure = await failureOf(h.adapter.delivery.postTip(target, post, keyOf(target)));
    expect(failure.failure).toBe('rate_limited');
    expect(failure.retryAfterMs).toBeGreaterThanOrEqual(30_000);
    expect(h.fake.rest.messages).toHaveLength(0);
  });

  it.each([
    [10003, 404, 'Unknown Channel'],
    [50001, 403, 'Missing Access'],
    [50013, 403, 'Missing Permissions'],
  ])('treats %i (%s) as permanent', async (code, status, message) => {
    h = await connect({ start: false });
    h.fake.rest.failNext('POST', CHANNEL_POST, error(status, code, message));
    const target = targetIn(h);
    const failure = await failureOf(h.adapter.delivery.postTip(target, post, keyOf(target)));
    expect(failure.failure).toBe('permanent');
  });

  it('reports an unknown channel as permanent without a script', async () => {
    h = await connect({ start: false });
    const target = targetIn(h, '123456789012345678');
    const failure = await failureOf(h.adapter.delivery.postTip(target, post, keyOf(target)));
    expect(failure.failure).toBe('permanent');
    expect(failure.message).toMatch(/Unknown Channel/);
  });

  it('reports a revoked token as an auth failure naming DISCORD_TOKEN', async () => {
    h = await connect({ start: false });
    h.fake.revokeToken();
    const target = targetIn(h);
    const failure = await failureOf(h.adapter.delivery.postTip(target, post, keyOf(target)));
    expect(failure.failure).toBe('auth');
    expect(failure.message).toMatch(/DISCORD_TOKEN/);
  });

  it('treats server errors that outlast discord.js retries as temporary', async () => {
    h = await connect({ start: false });
    for (let i = 0; i < 4; i++)
      h.fake.rest.failNext('POST', CHANNEL_POST, error(503, 0, 'Service Unavailable'));
    const target = targetIn(h);
    const failure = await failureOf(h.adapter.delivery.postTip(target, post, keyOf(target)));
    expect(failure.failure).toBe('temporary');
    expect(h.fake.rest.messages).toHaveLength(0);
  });
});

describe('the scheduler posting through Discord', () => {
  it('reaches each subscribed channel exactly once, across ticks and a restart', async () => {
    h = await connect({
      deps: { settings: { defaultTimezone: 'UTC', tips: { time: '10:00', days: 'daily', catchupHours: 3 } } },
    });
    const main = h.adapter.defaultTipTarget();
    expect(main).toEqual(targetIn(h));
    for (const target of [targetIn(h), targetIn(h, h.fake.ids.otherChannel)]) {
      await ensureEnvSchedule(h.deps, target);
    }
    const first = createScheduler(h.deps);
    first.addDelivery(h.adapter.delivery);
    await first.tick();
    await first.tick();
    await first.stop();
    const restarted = createScheduler(h.deps);
    restarted.addDelivery(h.adapter.delivery);
    await restarted.tick();
    await restarted.stop();

    const perChannel = h.fake.rest.messages.map((m) => m.channelId).sort();
    expect(perChannel).toEqual([h.fake.ids.channel, h.fake.ids.otherChannel].sort());
    expect(Object.values((await h.deps.store.exportData()).posts).map((p) => p.status)).toEqual([
      'sent',
      'sent',
    ]);
  });
});
