import { afterEach, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot.ts';
import { createScheduler, ensureEnvSchedule } from '../../src/tips/scheduler.ts';
import { ACTIONS } from '../../src/types.ts';
import type { RecordedRequest } from '../fakes/discord/index.ts';
import { connect, EPHEMERAL, embedText, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** TIP_TIME=10:00 UTC daily; the test clock reads 10:00 UTC. */
const POSTING_AT_TEN = {
  defaultTimezone: 'UTC',
  tips: { time: '10:00', days: 'daily' as const, catchupHours: 3 },
};

const isCallback = (r: RecordedRequest) => r.path.endsWith('/callback');

describe('/skills slash commands', () => {
  it('answers `ask` through the interaction callback, publicly, with no mentions parsed', async () => {
    h = await connect();
    const { token } = h.fake.sendSlash('ask', { question: 'what is a database?' });
    const callback = await h.fake.waitForAnswer(token, isCallback);
    expect(callback.status).toBe(204);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags ?? 0).toBe(0);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(embedText(callback.body)).toMatch(/database/i);
  });

  it('keeps personal results ephemeral', async () => {
    h = await connect();
    const { token } = h.fake.sendSlash('streak');
    const callback = await h.fake.waitForAnswer(token, isCallback);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(callback.body)).toMatch(/streak/i);
  });

  it('defers with the predicted visibility when the answer is slow, then edits it in', async () => {
    h = await connect({ adapter: { deferAfterMs: 0 } });
    const { token } = h.fake.sendSlash('done');
    const edit = await h.fake.waitForAnswer(token, (r) => r.method === 'PATCH');
    const callback = h.fake.answersTo(token).find(isCallback);
    expect(callback?.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(edit.path).toMatch(/\/messages\/@original$/);
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(embedText(edit.body)).toMatch(/learning day/i);
  });

  it('turns a public deferral into a private answer without showing it to the channel', async () => {
    const privateForSecrets = (bot: Bot): Bot => ({
      ...bot,
      handleCommand: async (origin, call) =>
        call.args.question?.includes('secret')
          ? { text: 'just for you', visibility: 'private' }
          : bot.handleCommand(origin, call),
    });
    h = await connect({ adapter: { deferAfterMs: 0 }, wrapBot: privateForSecrets });
    const { token } = h.fake.sendSlash('ask', { question: 'a secret' });
    await h.fake.waitForAnswer(token, (r) => r.method === 'DELETE');
    const [callback, placeholder, followUp, removal] = h.fake.answersTo(token);
    expect(callback?.body.type).toBe(5);
    expect((callback?.body.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(placeholder?.method).toBe('PATCH');
    expect(embedText(placeholder?.body)).not.toMatch(/just for you/);
    expect(followUp?.method).toBe('POST');
    expect(followUp?.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(followUp?.body)).toMatch(/just for you/);
    expect(removal?.path).toMatch(/\/messages\/@original$/);
  });

  it('autocompletes skill names from the content', async () => {
    h = await connect();
    const { token } = h.fake.sendAutocomplete('skill', 'name', 'data');
    const callback = await h.fake.waitForAnswer(token, isCallback);
    expect(callback.body.type).toBe(8);
    const values = callback.body.data.choices.map((c: { value: string }) => c.value);
    expect(values).toContain('databases');
    expect(values.length).toBeLessThanOrEqual(25);
  });

  it('lets only members with Manage Server change the schedule', async () => {
    h = await connect();
    const asMember = h.fake.sendSlash('schedule', { time: '09:30' }, { command: 'skills-admin' });
    await h.fake.waitForAnswer(asMember.token, isCallback);
    expect((await h.deps.store.exportData()).schedules).toEqual({});
    const asAdmin = h.fake.sendSlash(
      'schedule',
      { time: '09:30' },
      { command: 'skills-admin', permissions: h.fake.MANAGE_GUILD },
    );
    const callback = await h.fake.waitForAnswer(asAdmin.token, isCallback);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(Object.values((await h.deps.store.exportData()).schedules)).toMatchObject([
      { platform: 'discord', workspaceId: h.fake.ids.guild, channelId: h.fake.ids.channel, time: '09:30' },
    ]);
  });

  it('lets members with Manage Server set the workspace timezone and learning days', async () => {
    h = await connect();
    const admin = { command: 'skills-admin', permissions: h.fake.MANAGE_GUILD };
    const refused = h.fake.sendSlash('settings', { days: 'daily' }, { command: 'skills-admin' });
    const refusal = await h.fake.waitForAnswer(refused.token, isCallback);
    expect(embedText(refusal.body)).toMatch(/only workspace admins/);
    expect((await h.deps.store.exportData()).workspaces).toEqual({});

    const set = h.fake.sendSlash('settings', { timezone: 'europe/berlin', days: 'daily' }, admin);
    const callback = await h.fake.waitForAnswer(set.token, isCallback);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(callback.body)).toMatch(/Europe\/Berlin.*\n?.*every day/s);
    expect((await h.deps.store.exportData()).workspaces[`discord:${h.fake.ids.guild}`]).toEqual({
      timezone: 'Europe/Berlin',
      learningDays: 'daily',
    });

    const shown = h.fake.sendSlash('settings', {}, admin);
    expect(embedText((await h.fake.waitForAnswer(shown.token, isCallback)).body)).toMatch(/Europe\/Berlin/);
  });

  it('autocompletes the timezone of the workspace settings', async () => {
    h = await connect();
    const { token } = h.fake.sendAutocomplete('settings', 'timezone', 'berl');
    const callback = await h.fake.waitForAnswer(token, isCallback);
    expect(callback.body.data.choices).toContainEqual({ name: 'Europe/Berlin', value: 'Europe/Berlin' });
  });

  it('apologises when a handler throws, and stays up', async () => {
    const throwing = (bot: Bot): Bot => ({
      ...bot,
      handleCommand: (origin, call) =>
        call.name === 'top' ? Promise.reject(new Error('boom')) : bot.handleCommand(origin, call),
    });
    h = await connect({ wrapBot: throwing });
    const failed = h.fake.sendSlash('top');
    const apology = await h.fake.waitForAnswer(failed.token, isCallback);
    expect(apology.body.data.content).toMatch(/sorry/i);
    expect(apology.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const next = h.fake.sendSlash('streak');
    const answer = await h.fake.waitForAnswer(next.token, isCallback);
    expect(embedText(answer.body)).toMatch(/streak/i);
  });
});

describe('buttons', () => {
  it('records a check-in from the daily post, which `/skills streak` then shows', async () => {
    h = await connect({ deps: { settings: POSTING_AT_TEN } });
    const scheduler = createScheduler(h.deps);
    scheduler.addDelivery(h.adapter.delivery);
    const target = h.adapter.defaultTipTarget();
    if (!target) throw new Error('DISCORD_TIP_CHANNEL did not resolve');
    await ensureEnvSchedule(h.deps, target);
    await scheduler.tick();
    await scheduler.stop();
    const learned = h.fake.channelPosts()[0]?.body.components[0].components[0];
    expect(learned.label).toBe('I learned it');

    const click = h.fake.clickButton(learned.custom_id);
    const clicked = await h.fake.waitForAnswer(click.token, isCallback);
    expect(clicked.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(clicked.body)).toMatch(/counts as today's check-in/i);

    const streak = h.fake.sendSlash('streak');
    const answer = await h.fake.waitForAnswer(streak.token, isCallback);
    expect(embedText(answer.body)).toMatch(/Current streak: 1 day/);
  });

  it('hands the core the action id and value unchanged', async () => {
    const seen: Array<{ actionId: string; value: string }> = [];
    const recording = (bot: Bot): Bot => ({
      ...bot,
      handleAction: async (action) => {
        seen.push({ actionId: action.actionId, value: action.value });
        return { text: 'ok', visibility: 'private' };
      },
    });
    h = await connect({ wrapBot: recording });
    const click = h.fake.clickButton(`${ACTIONS.quiz}|some-tip@2026-03-04#2`);
    await h.fake.waitForAnswer(click.token, isCallback);
    expect(seen).toEqual([{ actionId: ACTIONS.quiz, value: 'some-tip@2026-03-04#2' }]);
  });

  it('answers a button it cannot read with a private note', async () => {
    h = await connect();
    const click = h.fake.clickButton('skillbot.ref|unknown');
    const callback = await h.fake.waitForAnswer(click.token, isCallback);
    expect(callback.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.body.data.content).toMatch(/expired/i);
  });
});

describe('mentions in everything the bot sends', () => {
  it('every message body, reply, edit and follow-up parses no mentions at all', async () => {
    const failing = (bot: Bot): Bot => ({
      ...bot,
      handleCommand: (origin, call) =>
        call.name === 'top' ? Promise.reject(new Error('boom')) : bot.handleCommand(origin, call),
    });
    h = await connect({ adapter: { deferAfterMs: 0 }, wrapBot: failing });
    const mention = `<@${h.fake.ids.bot}>`;
    const tokens = [
      h.fake.sendSlash('ask', { question: '@everyone what is sql?' }).token,
      h.fake.sendSlash('top').token,
      h.fake.clickButton('skillbot.checkin|').token,
    ];
    h.fake.sendMessage(`${mention} @here done`);
    for (const token of tokens) await h.fake.waitForAnswer(token, (r) => r.method === 'PATCH');
    await h.fake.rest.waitForRequest((r) => r.path === `/channels/${h?.fake.ids.channel}/messages`);

    const bodies = h.fake.rest.requests
      .filter((r) => ['POST', 'PATCH'].includes(r.method) && r.body)
      .map((r) => (r.path.endsWith('/callback') ? r.body.data : r.body))
      .filter((b) => b && (b.content !== undefined || b.embeds !== undefined));
    expect(bodies.length).toBeGreaterThanOrEqual(4);
    for (const body of bodies) expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});
