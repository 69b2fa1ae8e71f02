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

  it('GIVEN a check-in whose write fails THEN the user hears it was not saved', async () => {
    const deps = testDeps();
    const failing = { ...deps.store, commit: async () => Promise.reject(new StoreWriteError('disk full')) };
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

  it('says before any work whether a reply is personal', () => {
    const { bot } = testBot();
    expect(bot.visibilityOf('streak')).toBe('private');
    expect(bot.visibilityOf('done')).toBe('private');
    expect(bot.visibilityOf('what is docker')).toBe('public');
    expect(bot.visibilityOf('top')).toBe('public');
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
