import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.ts';
import { StoreWriteError } from '../../src/errors.ts';
import { ACTIONS } from '../../src/types.ts';
import { message, testBot, testDeps } from '../support/core.ts';

describe('the bot router', () => {
  it('GIVEN help THEN it lists the commands privately', async () => {
    const { bot, deps } = testBot();
    const reply = await bot.handleMessage(message('help', deps));
    expect(reply.visibility).toBe('private');
    expect(reply.bullets?.join('\n')).toContain('`done`');
  });

  it('GIVEN ask or skill without an argument THEN its usage line, not an answer', async () => {
    const { bot, deps } = testBot();
    const ask = await bot.handleMessage(message('ask', deps));
    expect(ask.text).toMatch(/^Usage: `ask <question>`.*for example `ask /);
    expect(ask.visibility).toBe('private');
    expect((await bot.handleMessage(message('skill', deps))).text).toMatch(/^Usage: `skill <name>`/);
  });

  it('GIVEN a member who is not an admin THEN they may look at the schedule but not change it', async () => {
    const { bot, deps } = testBot();
    const look = await bot.handleMessage(message('schedule', deps, 'bob', false));
    expect(look.text).toMatch(/no skill of the day yet/);
    const change = await bot.handleMessage(message('schedule 09:00', deps, 'bob', false));
    expect(change.text).toMatch(/only a workspace admin can change the schedule/);
    const structured = await bot.handleCommand(message('', deps, 'bob', false), {
      name: 'schedule',
      args: { time: 'off' },
    });
    expect(structured.text).toMatch(/only a workspace admin/);
    expect((await deps.store.exportData()).schedules).toEqual({});
  });

  it('GIVEN both workspace settings at once THEN both are saved and confirmed', async () => {
    const { bot, deps } = testBot();
    const reply = await bot.handleMessage(message('settings timezone asia/tokyo days daily', deps));
    expect(reply.text).toMatch(/Asia\/Tokyo[\s\S]*every day of the week/);
    expect((await deps.store.exportData()).workspaces['console:local']).toEqual({
      timezone: 'Asia/Tokyo',
      learningDays: 'daily',
    });
    const bad = await bot.handleMessage(message('settings timezone Mars/Base days weekdays', deps));
    expect(bad.text).toMatch(/not a timezone I know/);
    expect((await deps.store.exportData()).workspaces['console:local']?.learningDays).toBe('daily');
  });

  it('GIVEN a check-in whose write fails THEN the user hears it was not saved', async () => {
    const deps = testDeps();
    const failing = { ...deps.store, checkIn: async () => Promise.reject(new StoreWriteError('disk full')) };
    const bot = createBot({ ...deps, store: failing });
    const reply = await bot.handleMessage(message('done', deps));
    expect(reply.text).toMatch(/couldn't save/i);
  });

  it('GIVEN a handler that throws THEN a short apology, not an exception', async () => {
    const deps = testDeps();
    const broken = {
      ...deps.answerer,
      answer: () => {
        throw new Error('index exploded');
      },
    };
    const bot = createBot({ ...deps, answerer: broken });
    const reply = await bot.handleMessage(message('what is docker', deps));
    expect(reply.text).toMatch(/sorry/i);
    expect(reply.visibility).toBe('private');
  });

  it('GIVEN an unknown button THEN a polite message', async () => {
    const { bot, deps } = testBot();
    const reply = await bot.handleAction({ ...message('', deps), actionId: 'nope', value: 'x' });
    expect(reply.text).toMatch(/no longer supported/i);
  });

  it('declares before any work whether a reply is personal', () => {
    const { bot } = testBot();
    const visibility = (name: string) => bot.commands.find((c) => c.name === name)?.visibility;
    expect(visibility('streak')).toBe('private');
    expect(visibility('done')).toBe('private');
    expect(visibility('ask')).toBe('public');
    expect(visibility('top')).toBe('public');
  });

  it('GIVEN a check-in THEN the home shows the streak, the rank and a tip with its buttons', async () => {
    const { bot, deps } = testBot();
    await bot.handleMessage(message('done', deps));
    const home = await bot.home(message('', deps));
    const fields = Object.fromEntries((home.fields ?? []).map((f) => [f.label, f.value]));
    expect(fields['Current streak']).toBe('1 day');
    expect(fields['Team rank']).toBe('#1 of 1');
    expect(home.text).toContain('Skill of the day');
    expect(home.buttons?.some((b) => b.actionId === ACTIONS.checkin)).toBe(true);
  });

  it("GIVEN a subscribed channel THEN the home's 'I learned it' counts from the App Home", async () => {
    const { bot, deps } = testBot();
    await bot.handleMessage({ ...message('schedule 09:00 UTC daily', deps), channelId: 'general' });
    const inHome = { ...message('', deps), channelId: 'D-home' };
    const home = await bot.home(inHome);
    const learned = home.buttons?.find((b) => b.actionId === ACTIONS.checkin);
    expect(learned).toBeDefined();
    const reply = await bot.handleAction({
      ...inHome,
      actionId: ACTIONS.checkin,
      value: learned?.value ?? '',
    });
    expect(reply.text).toMatch(/counts as today's check-in/);
    const after = await bot.home(inHome);
    expect(after.fields?.find((f) => f.label === 'Current streak')?.value).toBe('1 day');
  });
});
