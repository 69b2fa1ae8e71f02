/** HTTP mode: signed requests from "Slack" to the real Bolt app, answers checked at the fake. */
import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bot } from '../../src/bot.ts';
import { actionForm, blockActions, eventCallback, form, slashCommand } from '../fakes/slack/requests.ts';
import { type Harness, startHarness, visibleText } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await h?.close();
  h = undefined;
});

function counting(bot: Bot): Bot & { calls: number } {
  const counted = {
    calls: 0,
    handleMessage: (msg: Parameters<Bot['handleMessage']>[0]) => {
      counted.calls += 1;
      return bot.handleMessage(msg);
    },
    handleAction: (a: Parameters<Bot['handleAction']>[0]) => {
      counted.calls += 1;
      return bot.handleAction(a);
    },
    handleCommand: (o: Parameters<Bot['handleCommand']>[0], c: Parameters<Bot['handleCommand']>[1]) => {
      counted.calls += 1;
      return bot.handleCommand(o, c);
    },
    complete: bot.complete,
    home: (o: Parameters<Bot['home']>[0]) => bot.home(o),
    commands: bot.commands,
  };
  return counted;
}

/** POST `size` bytes in chunks, with no content-length the server could check up front. */
function streamedStatus(url: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    req.on('response', (res) => resolve(res.statusCode ?? 0));
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let sent = 0; sent < size; sent += chunk.length) req.write(chunk);
    req.end();
  });
}

/** A slash command; its answer comes back in the HTTP response (the ack). */
async function slash(harness: Harness, text: string, userId = 'U0ALICE') {
  const body = form(slashCommand({ text, responseUrl: harness.fake.responseUrl('unused'), userId }));
  const res = await harness.post(body);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe('Slack HTTP mode', () => {
  it('answers a slash-command question privately, with a button that shares it under the asker name', async () => {
    h = await startHarness({
      mode: 'http',
      fake: { users: { U0ALICE: { name: 'alice', displayName: 'Alice' } } },
    });
    const answer = await slash(h, 'how do I run my app in a docker container');
    expect(answer.response_type).toBe('ephemeral');
    expect(visibleText(answer)).toMatch(/docker/i);
    const share = JSON.stringify(answer).match(
      /"action_id":"(skillbot\.slack\.share~\d+)","value":"([^"]*)"/,
    );
    expect(share).not.toBeNull();

    const click = blockActions({
      actionId: share?.[1] ?? '',
      value: JSON.parse(`"${share?.[2] ?? ''}"`),
      responseUrl: h.fake.responseUrl('share1'),
      ephemeral: true,
    });
    expect((await h.post(actionForm(click))).status).toBe(200);
    const fake = h.fake;
    const [shared, removed] = await fake.waitFor(() => {
      const hits = fake.responses.filter((r) => r.id === 'share1');
      return hits.length === 2 ? hits : undefined;
    }, 'share');
    expect(shared?.body.response_type).toBe('in_channel');
    expect(visibleText(shared?.body)).toMatch(/docker/i);
    expect(visibleText(shared?.body)).toContain('Shared by Alice');
    expect(visibleText(shared?.body)).not.toContain('<@');
    expect(removed?.body).toEqual({ delete_original: true });
  });

  it.each([
    ['a bad signature', { signature: `v0=${'0'.repeat(64)}` }, 401],
    ['a signature made with another secret', { secret: 'not-the-secret-at-all' }, 401],
    ['a stale timestamp', { timestampOffset: -301 }, 401],
    ['a timestamp from the future', { timestampOffset: 301 }, 401],
    ['missing signature headers', { omitSignatureHeaders: true }, 401],
  ])('refuses %s and runs no handler', async (_name, change, status) => {
    let bot: ReturnType<typeof counting> | undefined;
    h = await startHarness({
      mode: 'http',
      wrapBot: (real) => {
        bot = counting(real);
        return bot;
      },
    });
    const now = Math.floor(h.clock().getTime() / 1000);
    const { timestampOffset = 0, ...rest } = change as { timestampOffset?: number };
    const body = form(slashCommand({ text: 'done', responseUrl: h.fake.responseUrl('x') }));
    const res = await h.post(body, { timestamp: now + timestampOffset, ...rest });
    expect(res.status).toBe(status);
    // A signed request right after it goes through, so nothing was merely slow.
    await slash(h, 'help');
    expect(bot?.calls).toBe(1);
    expect(h.fake.callsTo('users.info')).toHaveLength(1);
    expect((await h.deps.store.exportData()).users).toEqual({});
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    h = await startHarness({ mode: 'http' });
    const huge = `text=${'a'.repeat(1024 * 1024 + 10)}`;
    const res = await h.post(huge);
    expect(res.status).toBe(413);
    expect(await streamedStatus(h.eventsUrl, 1024 * 1024 + 10)).toBe(413);
    expect(h.fake.callsTo('users.info')).toHaveLength(0);
  });

  it('serves /healthz and /readyz on the Slack port', async () => {
    let readiness = { ready: true, reasons: [] as string[] };
    h = await startHarness({ mode: 'http', readiness: () => readiness });
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.baseUrl}/readyz`)).status).toBe(200);
    readiness = { ready: false, reasons: ['store: not loaded'] };
    const notReady = await fetch(`${h.baseUrl}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual(readiness);
    expect((await fetch(`${h.baseUrl}/slack/events`)).status).toBe(405);
  });

  it('acks a slow answer in time and sends it through the response_url when ready', async () => {
    let release: (() => void) | undefined;
    const slow = (real: Bot): Bot => ({
      ...real,
      handleMessage: async (msg) => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return real.handleMessage(msg);
      },
    });
    h = await startHarness({ mode: 'http', wrapBot: slow });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const body = form(slashCommand({ text: 'help', responseUrl: h.fake.responseUrl('late') }));
    let acked: Response | undefined;
    const posting = h.post(body).then((res) => {
      acked = res;
    });
    // Real I/O between steps of fake time: the 2 s budget passes in fake time only.
    for (let step = 0; step < 200 && !acked; step += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(100);
    }
    await posting;
    vi.useRealTimers();
    expect(acked?.status).toBe(200);
    expect(await acked?.text()).toBe('');
    release?.();
    const fake = h.fake;
    const late = await fake.waitFor(() => fake.responses.find((r) => r.id === 'late'), 'the late answer');
    expect(late.body.response_type).toBe('ephemeral');
    expect(visibleText(late.body)).toMatch(/skillbot/);
  });

  it('never lets <!channel> or <@U123> in a question ping anyone in the reply', async () => {
    const echo = (real: Bot): Bot => ({
      ...real,
      handleMessage: async (msg) => ({
        title: msg.text,
        text: `You asked: ${msg.text}`,
        bullets: [msg.text],
        fields: [{ label: msg.text, value: msg.text }],
        visibility: 'private',
      }),
    });
    h = await startHarness({ mode: 'http', wrapBot: echo });
    const text =
      'what is <!channel> <!here|here> <@U123> <!subteam^S1|@devs> <http://evil.example|ok> &lt;!everyone&gt;';
    const reply = await slash(h, text);
    const { text: fallback, blocks } = reply as { text: string; blocks: unknown[] };
    const mrkdwn = JSON.stringify(blocks).match(/"type":"mrkdwn","text":"[^"]*"/g) ?? [];
    const parsed = [fallback, ...mrkdwn].join('\n');
    expect(parsed).toContain('You asked');
    // No mention, special mention or disguised link (`<url|label>`); a bare visible URL may stay.
    expect(parsed).not.toMatch(/<[!@#]|<[^>]*\|/);
    expect(parsed).toContain('&lt;!everyone&gt;');
  });

  it('answers a redelivered mention once, in its thread', async () => {
    h = await startHarness({ mode: 'http' });
    const event = {
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@U0BOT> help',
      ts: '1700000100.000200',
      channel: 'C0GENERAL',
      event_ts: '1700000100.000200',
    };
    const body = JSON.stringify(eventCallback(event, 'Ev0REDELIVER'));
    const json = { contentType: 'application/json' };
    expect((await h.post(body, json)).status).toBe(200);
    expect(
      (
        await h.post(body, {
          ...json,
          headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
        })
      ).status,
    ).toBe(200);
    const fake = h.fake;
    await fake.waitFor(() => fake.state.ephemerals.length + fake.state.messages.length > 0, 'the answer');
    // The help reply is private: one ephemeral in the thread, nothing public.
    await slash(h, 'help');
    expect(fake.state.ephemerals).toHaveLength(1);
    expect(fake.state.ephemerals[0]).toMatchObject({
      channel: 'C0GENERAL',
      user: 'U0ALICE',
      thread_ts: event.ts,
    });
    expect(fake.state.messages).toHaveLength(0);
  });

  it('answers a DM that also arrives as an app_mention once', async () => {
    h = await startHarness({ mode: 'http' });
    const ts = '1700000200.000300';
    const im = { type: 'message', channel_type: 'im', user: 'U0ALICE', text: 'done', ts, channel: 'D0ALICE' };
    const mention = { ...im, type: 'app_mention', text: '<@U0BOT> done', channel_type: undefined };
    const json = { contentType: 'application/json' };
    await h.post(JSON.stringify(eventCallback(im, 'Ev0IM')), json);
    await h.post(JSON.stringify(eventCallback(mention, 'Ev0MENTION')), json);
    const fake = h.fake;
    await fake.waitFor(() => fake.state.messages.length > 0, 'the DM answer');
    await slash(h, 'help');
    expect(fake.state.messages).toHaveLength(1);
    expect(fake.state.messages[0]?.channel).toBe('D0ALICE');
    expect(fake.state.messages[0]?.text).toMatch(/learning day/);
  });

  it('logs a handler that throws, apologises, and keeps answering', async () => {
    const flaky = (real: Bot): Bot => ({
      ...real,
      handleMessage: async (msg) => {
        if (msg.text === 'boom') throw new Error('kaboom');
        return real.handleMessage(msg);
      },
    });
    h = await startHarness({ mode: 'http', wrapBot: flaky });
    const apology = await slash(h, 'boom');
    expect(String(apology.text)).toMatch(/Sorry, something went wrong/);
    const next = await slash(h, 'help');
    expect(visibleText(next)).toMatch(/skillbot/);
  });

  it('lets only workspace admins change the schedule (users.info)', async () => {
    h = await startHarness({ mode: 'http', fake: { users: { U0BOSS: { name: 'boss', isAdmin: true } } } });
    const refused = await slash(h, 'schedule 09:30 Europe/Berlin', 'U0ALICE');
    expect(visibleText(refused)).toMatch(/admin/i);
    expect(Object.keys((await h.deps.store.exportData()).schedules)).toHaveLength(0);
    await slash(h, 'schedule 09:30 Europe/Berlin', 'U0BOSS');
    expect(Object.values((await h.deps.store.exportData()).schedules)).toEqual([
      expect.objectContaining({
        platform: 'slack',
        workspaceId: 'T0FAKE',
        channelId: 'C0GENERAL',
        time: '09:30',
      }),
    ]);
  });

  it('publishes the Home tab when it is opened', async () => {
    h = await startHarness({ mode: 'http' });
    const event = {
      type: 'app_home_opened',
      user: 'U0ALICE',
      channel: 'D0ALICE',
      tab: 'home',
      event_ts: '1.1',
    };
    await h.post(JSON.stringify(eventCallback(event)), { contentType: 'application/json' });
    const fake = h.fake;
    const published = await fake.waitFor(() => fake.state.views[0], 'views.publish');
    expect(published.user_id).toBe('U0ALICE');
    expect(published.view.type).toBe('home');
    expect(published.view.blocks.length).toBeGreaterThan(0);
  });
});
