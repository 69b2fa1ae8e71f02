import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBot } from '../../src/bot.ts';
import type { CoreDeps } from '../../src/core.ts';
import { channelKey, postKey, userKey } from '../../src/store/types.ts';
import { tipCommand } from '../../src/tips/commands.ts';
import { ensureEnvSchedule } from '../../src/tips/schedule-rules.ts';
import { todaysTip } from '../../src/tips/today.ts';
import { ACTIONS } from '../../src/types.ts';
import { addSchedule, click, makeTips, say, target, tipDeps } from './support.ts';

const C1 = target('C1');
const TODAY = '2026-03-04';

function setup(overrides: Parameters<typeof tipDeps>[0] = {}) {
  const deps = tipDeps({ tips: makeTips(3, 4), ...overrides });
  return { deps, bot: createBot(deps) };
}

const scheduleOf = async (deps: CoreDeps) =>
  (await deps.store.exportData()).schedules[channelKey('slack', 'T1', 'C1')];
const checkins = async (deps: CoreDeps, user = 'alice') =>
  (await deps.store.exportData()).users[userKey('slack', 'T1', user)]?.checkins ?? [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(`${TODAY}T10:00:00Z`);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('tip', () => {
  it('shows the tip the scheduler will post today, with the check-in and quiz buttons', async () => {
    const { deps, bot } = setup();
    await addSchedule(deps.store, C1, { time: '11:00', timezone: 'UTC', createdAt: '2026-03-01T00:00:00Z' });
    const reply = await bot.handleMessage(say('tip', C1));
    const tip = (await todaysTip(deps, C1, new Date())).tip;
    expect(reply.visibility).toBe('public');
    expect(reply.title).toBe(`Skill of the day: ${deps.content.entry(tip?.skill ?? '')?.title}`);
    expect(reply.text).toContain(`**${tip?.title}**`);
    expect(reply.text).toContain(`**Try this today:** ${tip?.task}`);
    expect(reply.text).toContain(`**Quiz:** ${tip?.quiz.question}`);
    expect(reply.text).toMatch(/Will be posted here Wed 4 Mar, 11:00 \(UTC\)/);
    expect(reply.buttons?.map((b) => [b.label, b.actionId, b.value])).toEqual([
      ['I learned it', ACTIONS.checkin, `${tip?.id}@${TODAY}`],
      ['Option A', ACTIONS.quiz, `${tip?.id}@${TODAY}#0`],
      ['Option B', ACTIONS.quiz, `${tip?.id}@${TODAY}#1`],
      ['Option C', ACTIONS.quiz, `${tip?.id}@${TODAY}#2`],
    ]);
  });

  it('shows the tip already posted today, even when the rotation would now pick another', async () => {
    const { deps } = setup();
    const posted = deps.content.tips[5]?.id ?? '';
    const key = postKey('slack', 'T1', 'C1', TODAY);
    await deps.store.claimPost({
      key,
      ...C1,
      date: TODAY,
      tipId: posted,
      status: 'sent',
      claimedAt: `${TODAY}T09:00:00Z`,
      attempts: 1,
    });
    const reply = await tipCommand(say('tip', C1), '', deps);
    expect(reply.buttons?.[0]?.value).toBe(`${posted}@${TODAY}`);
    expect(reply.text).toMatch(/Posted in this channel today/);
  });

  it('uses the channel date in its timezone', async () => {
    const { deps } = setup();
    vi.setSystemTime('2026-03-04T23:30:00Z');
    await deps.store.updateWorkspace({ platform: 'slack', workspaceId: 'T1' }, { timezone: 'Asia/Tokyo' });
    expect((await tipCommand(say('tip', C1), '', deps)).buttons?.[0]?.value).toMatch(/@2026-03-05$/);
  });
});

describe('schedule', () => {
  it('lets an admin subscribe the channel, tolerating 9:30, and shows it', async () => {
    const { deps, bot } = setup();
    const set = await bot.handleMessage(say('schedule 9:30 Europe/Berlin daily', C1));
    expect(set.text).toMatch(/09:30 \(Europe\/Berlin\) every day/);
    expect(await scheduleOf(deps)).toMatchObject({
      time: '09:30',
      timezone: 'Europe/Berlin',
      days: 'daily',
      source: 'command',
    });
    const shown = await bot.handleMessage(say('schedule', C1));
    expect(shown.visibility).toBe('private');
    expect(shown.fields).toEqual([
      { label: 'Posts at', value: '09:30 Europe/Berlin, every day' },
      { label: 'Next post', value: 'Thu 5 Mar, 09:30 (Europe/Berlin)' },
    ]);
  });

  it('refuses non-admins politely and changes nothing', async () => {
    const { deps, bot } = setup();
    const reply = await bot.handleMessage(say('schedule 09:00', C1, 'bob', false));
    expect(reply.text).toMatch(/only a workspace admin/);
    expect(await scheduleOf(deps)).toBeUndefined();
    expect((await bot.handleMessage(say('schedule', C1, 'bob', false))).text).toMatch(
      /no skill of the day yet/,
    );
  });

  it('defaults to weekdays and the workspace timezone, then TIP_TIMEZONE, then DEFAULT_TIMEZONE', async () => {
    const { deps, bot } = setup();
    await bot.handleMessage(say('schedule 08:00', C1));
    expect(await scheduleOf(deps)).toMatchObject({ timezone: 'UTC', days: 'weekdays' });
    deps.settings.tips.timezone = 'America/New_York';
    await bot.handleMessage(say('schedule 08:00', C1));
    expect((await scheduleOf(deps))?.timezone).toBe('America/New_York');
    await deps.store.updateWorkspace({ platform: 'slack', workspaceId: 'T1' }, { timezone: 'Asia/Tokyo' });
    await bot.handleMessage(say('schedule 08:00', C1));
    expect((await scheduleOf(deps))?.timezone).toBe('Asia/Tokyo');
  });

  it.each([
    ['schedule 25:00', /`25:00` is not a time.*schedule 09:30 Europe\/Berlin weekdays/],
    ['schedule 9am', /`9am` is not a time/],
    ['schedule 09:00 Mars/Olympus', /`Mars\/Olympus` is not a timezone/],
  ])('explains bad input: %s', async (text, expected) => {
    const { deps, bot } = setup();
    expect((await bot.handleMessage(say(text, C1))).text).toMatch(expected);
    expect(await scheduleOf(deps)).toBeUndefined();
  });

  it('schedule off stops it, survives an env default at the next start, and schedule <time> resumes', async () => {
    const { deps, bot } = setup({ tipTime: '10:15' });
    expect((await bot.handleMessage(say('schedule off', C1))).text).toMatch(/had no schedule/);
    await bot.handleMessage(say('schedule 08:00', C1));
    expect((await bot.handleMessage(say('schedule off', C1))).text).toMatch(/^Stopped/);
    expect((await scheduleOf(deps))?.paused?.reason).toBe('Turned off by alice with `schedule off`.');
    expect((await bot.handleMessage(say('schedule off', C1))).text).toMatch(/already off/);
    await ensureEnvSchedule(deps, C1);
    expect(await scheduleOf(deps)).toMatchObject({ time: '08:00', paused: expect.anything() });
    expect(JSON.stringify((await bot.handleMessage(say('schedule', C1))).fields)).toMatch(
      /none while paused/,
    );
    await bot.handleMessage(say('schedule 08:30', C1));
    expect((await scheduleOf(deps))?.paused).toBeUndefined();
  });

  it('ensureEnvSchedule creates a schedule from TIP_TIME once and never overrides a stored one', async () => {
    const { deps } = setup({ tipTime: '10:15' });
    deps.settings.tips.timezone = 'Europe/Berlin';
    await ensureEnvSchedule(deps, C1);
    expect(await scheduleOf(deps)).toMatchObject({
      time: '10:15',
      timezone: 'Europe/Berlin',
      days: 'weekdays',
      source: 'env',
    });
    await addSchedule(deps.store, C1, { time: '07:00', timezone: 'UTC', source: 'command' });
    await ensureEnvSchedule(deps, C1);
    expect(await scheduleOf(deps)).toMatchObject({ time: '07:00', source: 'command' });
    const without = setup();
    await ensureEnvSchedule(without.deps, C1);
    expect(await scheduleOf(without.deps)).toBeUndefined();
  });
});

describe('the post buttons', () => {
  async function today(deps: CoreDeps) {
    const tip = (await todaysTip(deps, C1, new Date())).tip;
    if (!tip) throw new Error('no tip');
    return tip;
  }

  it('a right answer tells only the clicker, with the explanation, and counts as the check-in', async () => {
    const { deps, bot } = setup();
    const tip = await today(deps);
    const reply = await bot.handleAction(click(ACTIONS.quiz, `${tip.id}@${TODAY}#1`, C1));
    expect(reply.visibility).toBe('private');
    expect(reply.text).toMatch(/^✅ Right: \*\*Option B\*\*\. Because/);
    expect(reply.text).toMatch(/counts as today's check-in. Your streak: 1 day/);
    expect(await checkins(deps)).toEqual([TODAY]);
    expect((await deps.store.exportData()).users[userKey('slack', 'T1', 'alice')]?.quizAnswers).toEqual({
      [`${tip.id}@${TODAY}`]: 1,
    });
  });

  it('a wrong answer gives the right one; a second click says it was already answered', async () => {
    const { deps, bot } = setup();
    const tip = await today(deps);
    const wrong = await bot.handleAction(click(ACTIONS.quiz, `${tip.id}@${TODAY}#2`, C1, 'bob'));
    expect(wrong.text).toMatch(/^❌ Not quite. The answer is \*\*Option B\*\*\. Because/);
    expect(await checkins(deps, 'bob')).toEqual([TODAY]);
    const again = await bot.handleAction(click(ACTIONS.quiz, `${tip.id}@${TODAY}#1`, C1, 'bob'));
    expect(again.text).toMatch(/already answered.*Not quite.*Because/);
    expect((await deps.store.exportData()).users[userKey('slack', 'T1', 'bob')]?.quizAnswers).toEqual({
      [`${tip.id}@${TODAY}`]: 2,
    });
  });

  it("answers on an old day's post show the explanation but do not check in", async () => {
    const { deps, bot } = setup();
    const current = await today(deps);
    const old = deps.content.tips.find((t) => t.id !== current.id);
    const reply = await bot.handleAction(click(ACTIONS.quiz, `${old?.id}@2026-02-20#1`, C1));
    expect(reply.text).toMatch(/Right.*Because.*earlier day/s);
    expect(await checkins(deps)).toEqual([]);
  });

  it('"I learned it" checks in for today, once, and not from an old post', async () => {
    const { deps, bot } = setup();
    const tip = await today(deps);
    const old = deps.content.tips.find((t) => t.id !== tip.id);
    expect((await bot.handleAction(click(ACTIONS.checkin, `${old?.id}@2026-02-20`, C1))).text).toMatch(
      /earlier day/,
    );
    expect(await checkins(deps)).toEqual([]);
    expect((await bot.handleAction(click(ACTIONS.checkin, `${tip.id}@${TODAY}`, C1))).text).toMatch(
      /counts as today's/,
    );
    expect((await bot.handleAction(click(ACTIONS.checkin, `${tip.id}@${TODAY}`, C1))).text).toMatch(
      /already checked in/,
    );
    expect((await bot.handleAction(click(ACTIONS.checkin, '', C1, 'carol'))).text).toMatch(
      /counts as today's/,
    );
    expect(await checkins(deps)).toEqual([TODAY]);
  });

  it.each([
    [ACTIONS.quiz, 'nonsense'],
    [ACTIONS.quiz, 'no-such-tip@2026-03-04#1'],
    [ACTIONS.quiz, `databases-1@${TODAY}#9`],
    [ACTIONS.quiz, `databases-1@2026-13-45#1`],
    [ACTIONS.checkin, '@@@'],
    [ACTIONS.checkin, 'x'.repeat(5000)],
  ])('a malformed %s value gets a friendly reply: %s', async (actionId, value) => {
    const { deps, bot } = setup();
    const reply = await bot.handleAction(click(actionId, value, C1));
    expect(reply.visibility).toBe('private');
    expect(reply.text).toMatch(/couldn't read/);
    expect(await checkins(deps)).toEqual([]);
  });
});
