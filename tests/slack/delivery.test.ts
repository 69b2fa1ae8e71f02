/** The daily post through the real scheduler and the Slack delivery, against the fake Slack. */

import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TIP_EVENT_TYPE, toDeliveryError } from '../../adapters/slack/delivery.ts';
import type { CoreDeps } from '../../src/core.ts';
import { DeliveryError } from '../../src/errors.ts';
import { createScheduler } from '../../src/tips/scheduler.ts';
import { ensureEnvSchedule } from '../../src/tips/schedules.ts';
import { TEAM } from '../fakes/slack/requests.ts';
import { type Harness, startHarness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await h?.close();
  h = undefined;
});

/** TIP_TIME=10:00 UTC daily; the test clock reads 10:00 UTC, so the env schedule is due at once. */
const TIPS_AT_TEN: Partial<CoreDeps> = {
  settings: {
    defaultTimezone: 'UTC',
    tips: { time: '10:00', timezone: 'UTC', days: 'daily', catchupHours: 3 },
  },
};

async function subscribe(harness: Harness, channels: string[]): Promise<void> {
  for (const channelId of channels) {
    await ensureEnvSchedule(harness.deps, { platform: 'slack', workspaceId: TEAM, channelId });
  }
}

const postsIn = (harness: Harness, channel: string) =>
  harness.fake.state.messages.filter((m) => m.channel === channel);

describe('the skill of the day on Slack', () => {
  it('reaches each subscribed channel exactly once, across ticks and a restart', async () => {
    h = await startHarness({ mode: 'http', core: TIPS_AT_TEN });
    const target = h.adapter.defaultTipTarget();
    expect(target).toEqual({ platform: 'slack', workspaceId: TEAM, channelId: 'C0TIPS' });
    await subscribe(h, ['C0TIPS', 'C0GENERAL']);

    const first = createScheduler(h.deps);
    first.addDelivery(h.adapter.delivery);
    await first.tick();
    await first.tick();
    await first.stop();
    const again = createScheduler(h.deps);
    again.addDelivery(h.adapter.delivery);
    await again.tick();
    await again.stop();

    for (const channel of ['C0TIPS', 'C0GENERAL']) {
      const posts = postsIn(h, channel);
      expect(posts).toHaveLength(1);
      expect(posts[0]?.metadata).toEqual({
        event_type: TIP_EVENT_TYPE,
        event_payload: { post_key: expect.stringContaining(`slack:${TEAM}:${channel}:2026-03-04`) },
      });
    }
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('waits out a 429 with Retry-After: 1 and then posts exactly once', async () => {
    h = await startHarness({ mode: 'http', core: TIPS_AT_TEN });
    await subscribe(h, ['C0TIPS']);
    h.fake.fail('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const scheduler = createScheduler(h.deps);
    scheduler.addDelivery(h.adapter.delivery);
    let done = false;
    const ticking = scheduler.tick().then(() => {
      done = true;
    });
    // Let real I/O run between steps of fake time; the scheduler's 1 s wait is fake time only.
    for (let step = 0; step < 400 && !done; step += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(50);
    }
    await ticking;
    await scheduler.stop();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(postsIn(h, 'C0TIPS')).toHaveLength(1);
    const record = Object.values((await h.deps.store.exportData()).posts)[0];
    expect(record).toMatchObject({ status: 'sent', messageId: postsIn(h, 'C0TIPS')[0]?.ts });
  });

  it('pauses the schedule when the bot is not in the channel', async () => {
    h = await startHarness({ mode: 'http', core: TIPS_AT_TEN });
    h.fake.state.channelErrors = { C0TIPS: 'not_in_channel' };
    await subscribe(h, ['C0TIPS']);
    const scheduler = createScheduler(h.deps);
    scheduler.addDelivery(h.adapter.delivery);
    await scheduler.tick();
    await scheduler.stop();
    const schedule = Object.values((await h.deps.store.exportData()).schedules)[0];
    expect(schedule?.paused?.reason).toMatch(/not_in_channel.*invite/);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('finds a post by its key after a send whose outcome is unknown', async () => {
    h = await startHarness({ mode: 'http' });
    const target = { platform: 'slack' as const, workspaceId: TEAM, channelId: 'C0TIPS' };
    const since = new Date(1_700_000_000_000);
    expect(await h.adapter.delivery.findPosted?.(target, 'key-1', since)).toBeNull();
    const { messageId } = await h.adapter.delivery.postTip(
      target,
      { text: 'tip', visibility: 'public' },
      'key-1',
    );
    await h.adapter.delivery.postTip(target, { text: 'other', visibility: 'public' }, 'key-2');
    expect(await h.adapter.delivery.findPosted?.(target, 'key-1', since)).toBe(messageId);
    const history = h.fake.callsTo('conversations.history').at(-1);
    expect(history?.params).toMatchObject({ channel: 'C0TIPS', include_all_metadata: 'true' });
  });
});

describe('Slack errors as delivery failures', () => {
  const platform = (error: string) => new webApi.WebAPIPlatformError({ ok: false, error } as never);

  it.each([
    ['not_in_channel', 'permanent'],
    ['channel_not_found', 'permanent'],
    ['is_archived', 'permanent'],
    ['invalid_auth', 'auth'],
    ['token_revoked', 'auth'],
    ['account_inactive', 'auth'],
    ['internal_error', 'temporary'],
  ])('%s is %s', (code, failure) => {
    const mapped = toDeliveryError(platform(code));
    expect(mapped).toBeInstanceOf(DeliveryError);
    expect(mapped.failure).toBe(failure);
  });

  it('reads Retry-After into milliseconds, and treats 5xx and timeouts as temporary', () => {
    const limited = toDeliveryError(new webApi.WebAPIRateLimitedError(7));
    expect([limited.failure, limited.retryAfterMs]).toEqual(['rate_limited', 7000]);
    expect(toDeliveryError(new webApi.WebAPIHTTPError(503, 'x', {})).failure).toBe('temporary');
    expect(toDeliveryError(new webApi.WebAPIRequestError(new Error('timeout'))).failure).toBe('temporary');
  });
});
