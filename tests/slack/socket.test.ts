/** Socket Mode: envelopes over the fake's WebSocket to the real Bolt app, acks and answers checked. */
import { afterEach, describe, expect, it } from 'vitest';
import { decodeActionId } from '../../adapters/slack/render.ts';
import type { Bot } from '../../src/bot.ts';
import { userKey } from '../../src/store/types.ts';
import { createScheduler } from '../../src/tips/scheduler.ts';
import { ACTIONS, type ActionEvent, type Reply } from '../../src/types.ts';
import { blockActions, eventCallback, slashCommand, TEAM } from '../fakes/slack/requests.ts';
import { type Harness, startHarness, visibleText } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A slash command over the socket; its answer comes back as the ack's payload. */
async function slash(harness: Harness, text: string, userId = 'U0ALICE') {
  const command = slashCommand({ text, responseUrl: harness.fake.responseUrl('unused'), userId });
  const ack = await harness.fake.socket.deliver('slash_commands', command);
  return (ack.payload ?? {}) as Record<string, unknown>;
}

interface PostedButton {
  action_id: string;
  value: string;
}

function buttonsOf(blocks: unknown[] | undefined): PostedButton[] {
  return (blocks ?? []).flatMap((b) =>
    ((b as { elements?: PostedButton[] }).elements ?? []).filter((e) => e.action_id),
  );
}

describe('Slack Socket Mode', () => {
  it('connects through apps.connections.open at SLACK_API_URL and answers a slash-command question', async () => {
    h = await startHarness({ mode: 'socket' });
    expect(h.fake.callsTo('apps.connections.open')).toHaveLength(1);
    expect(h.adapter.isReady()).toBe(true);
    const answer = await slash(h, 'how do I run my app in a docker container');
    expect(answer.response_type).toBe('ephemeral');
    expect(visibleText(answer)).toMatch(/docker/i);
  });

  it('answers an event redelivered with retry_attempt once', async () => {
    h = await startHarness({ mode: 'socket' });
    const event = {
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@U0BOT> done',
      ts: '1700000300.000100',
      channel: 'C0GENERAL',
    };
    const body = eventCallback(event, 'Ev0SOCKETRETRY');
    await h.fake.socket.deliver('events_api', body);
    await h.fake.socket.deliver('events_api', body, { retryAttempt: 1, retryReason: 'timeout' });
    const fake = h.fake;
    await fake.waitFor(() => fake.state.ephemerals.length > 0, 'the answer');
    await slash(h, 'help');
    expect(fake.state.ephemerals).toHaveLength(1);
    expect(fake.state.ephemerals[0]?.thread_ts).toBe(event.ts);
    const user = (await h.deps.store.exportData()).users[userKey('slack', TEAM, 'U0ALICE')];
    expect(user?.checkins).toEqual(['2026-03-04']);
  });

  it("records a check-in from the daily post's button, and the streak shows it", async () => {
    h = await startHarness({ mode: 'socket', fake: { users: { U0BOSS: { name: 'boss', isOwner: true } } } });
    // The test clock reads 10:00 UTC, so a 10:00 schedule is due at once.
    await slash(h, 'schedule 10:00 UTC daily', 'U0BOSS');
    const scheduler = createScheduler(h.deps);
    scheduler.addDelivery(h.adapter.delivery);
    await scheduler.tick();
    const post = h.fake.state.messages.find((m) => m.channel === 'C0GENERAL');
    const checkin = buttonsOf(post?.blocks).find((b) => decodeActionId(b.action_id) === ACTIONS.checkin);
    expect(checkin).toBeDefined();

    const click = blockActions({
      actionId: checkin?.action_id ?? '',
      value: checkin?.value ?? '',
      responseUrl: h.fake.responseUrl('click'),
    });
    await h.fake.socket.deliver('interactive', click);
    const fake = h.fake;
    const result = await fake.waitFor(() => fake.responses.find((r) => r.id === 'click'), 'click result');
    expect(result.body.response_type).toBe('ephemeral');
    expect(visibleText(result.body)).toMatch(/counts as today's check-in/);

    const streak = await slash(h, 'streak');
    expect(visibleText(streak)).toMatch(/Current streak\*\\n1 day/);
    expect((await h.deps.store.exportData()).users[userKey('slack', TEAM, 'U0ALICE')]?.checkins).toEqual([
      '2026-03-04',
    ]);
    await scheduler.stop();
  });

  it("passes a Home tab click to the core with the tab's channel and shows the result on the tab", async () => {
    const seen: Array<{ action: ActionEvent; reply: Reply }> = [];
    const spy = (real: Bot): Bot => ({
      ...real,
      handleAction: async (action) => {
        const reply = await real.handleAction(action);
        seen.push({ action, reply });
        return reply;
      },
    });
    h = await startHarness({ mode: 'socket', wrapBot: spy });
    const opened = {
      type: 'app_home_opened',
      user: 'U0ALICE',
      channel: 'D0ALICE',
      tab: 'home',
      event_ts: '1.1',
    };
    await h.fake.socket.deliver('events_api', eventCallback(opened));
    const fake = h.fake;
    const home = await fake.waitFor(() => fake.state.views[0], 'the Home tab');
    const checkin = buttonsOf(home.view.blocks).find((b) => decodeActionId(b.action_id) === ACTIONS.checkin);
    expect(checkin).toBeDefined();
    const privateMetadata = (home.view as { private_metadata?: string }).private_metadata ?? '';
    const click = blockActions({
      actionId: checkin?.action_id ?? '',
      value: checkin?.value ?? '',
      responseUrl: '',
      home: { privateMetadata },
    });
    await h.fake.socket.deliver('interactive', click);
    const refreshed = await fake.waitFor(() => fake.state.views[1], 'the refreshed Home tab');
    expect(seen[0]?.action).toMatchObject({
      actionId: ACTIONS.checkin,
      channelId: 'D0ALICE',
      userId: 'U0ALICE',
    });
    const firstLine = seen[0]?.reply.text.split('.')[0] ?? 'missing';
    expect(JSON.stringify(refreshed.view.blocks[0])).toContain(firstLine);
    expect(refreshed.view.blocks[1]).toEqual({ type: 'divider' });
  });

  it('acks every envelope even when the listener fails', async () => {
    h = await startHarness({
      mode: 'socket',
      wrapBot: (real) => ({
        ...real,
        handleMessage: async () => {
          throw new Error('kaboom');
        },
      }),
    });
    const reply = await slash(h, 'help');
    expect(String(reply.text)).toMatch(/Sorry/);
    expect(h.adapter.isReady()).toBe(true);
  });
});
