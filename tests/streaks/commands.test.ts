import { describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot.ts';
import type { CoreDeps } from '../../src/core.ts';
import { userKey } from '../../src/store/types.ts';
import { type Say, say, streakBot } from './support.ts';

function chat(bot: Bot, deps: CoreDeps) {
  return (text: string, opts: Say = {}) => bot.handleMessage(say(text, deps, opts));
}

const checkinsOf = async (deps: CoreDeps, user = 'alice') =>
  (await deps.store.exportData()).users[userKey('console', 'local', user)]?.checkins ?? [];

describe('done', () => {
  it('counts once a day; the second time says so and changes nothing', async () => {
    const { bot, deps } = streakBot();
    const send = chat(bot, deps);
    const first = await send('done');
    const second = await send('done');
    expect(first.visibility).toBe('private');
    expect(first.text).toMatch(/Counted Wed 4 Mar/);
    expect(first.text).toMatch(/Current streak: \*\*1 day\*\*/);
    expect(second.text).toMatch(/already checked in today/);
    expect(await checkinsOf(deps)).toEqual(['2026-03-04']);
  });

  it('celebrates the 3-day milestone', async () => {
    const { bot, deps } = streakBot();
    const send = chat(bot, deps);
    await send('done', { at: '2026-03-02T09:00:00Z' });
    const tuesday = await send('done', { at: '2026-03-03T09:00:00Z' });
    const wednesday = await send('done', { at: '2026-03-04T09:00:00Z' });
    expect(tuesday.text).not.toMatch(/🎉/);
    expect(wednesday.text).toMatch(/🎉 3 days in a row/);
  });
});

describe('streak', () => {
  it('shows the numbers and the last 14 days with a legend, privately', async () => {
    const { bot, deps } = streakBot();
    const send = chat(bot, deps);
    for (const day of ['02', '03']) await send('done', { at: `2026-03-${day}T09:00:00Z` });
    const reply = await send('streak');
    expect(reply.visibility).toBe('private');
    expect(reply.fields).toEqual([
      { label: 'Current streak', value: '2 days' },
      { label: 'Longest streak', value: '2 days' },
      { label: 'Total learning days', value: '2' },
      { label: 'Freezes banked', value: '0 of 2' },
      { label: 'Days end at midnight in', value: 'UTC (set your own timezone with `timezone Area/City`)' },
    ]);
    // 19 Feb (Thu) to 4 Mar (Wed): before start ×7 learning days around a weekend, then Mon, Tue done, today open.
    expect(reply.text).toContain('➖➖▫️▫️➖➖➖➖➖▫️▫️✅✅⏳');
    expect(reply.text).toContain(
      '✅ learned · ⏳ today, still open · ▫️ not a learning day · ➖ before your first check-in',
    );
    expect(reply.text).toMatch(/Type `done`/);
  });

  it('shows where a freeze was used', async () => {
    const { bot, deps } = streakBot();
    const send = chat(bot, deps);
    // Mon 23 Feb .. Tue 3 Mar: 7 weekday check-ins earn a freeze; Wed 4 is missed; Thu 5 checked in.
    for (const day of ['02-23', '02-24', '02-25', '02-26', '02-27', '03-02', '03-03', '03-05']) {
      await send('done', { at: `2026-${day}T09:00:00Z` });
    }
    const reply = await send('streak', { at: '2026-03-05T10:00:00Z' });
    expect(reply.text).toContain('▫️▫️✅✅❄️✅');
    expect(reply.text).toMatch(/A freeze kept your streak alive on Wed 4 Mar/);
    expect(reply.fields?.[0]).toEqual({ label: 'Current streak', value: '8 days' });
  });
});

describe('top', () => {
  async function team(bot: Bot, deps: CoreDeps, size: number) {
    const send = chat(bot, deps);
    // user i checks in on the last i weekdays up to Wed 4 Mar.
    const weekdays = ['02-23', '02-24', '02-25', '02-26', '02-27', '03-02', '03-03', '03-04'];
    for (let i = 1; i <= size; i++) {
      for (const day of weekdays.slice(-Math.min(i, weekdays.length))) {
        await send('done', { user: `u${String(i).padStart(2, '0')}`, at: `2026-${day}T09:00:00Z` });
      }
    }
  }

  it('ranks by current streak, publicly, and adds the asker when outside the top 10', async () => {
    const { bot, deps } = streakBot();
    await team(bot, deps, 4);
    await chat(bot, deps)('done', { user: 'zed', at: '2026-03-04T09:00:00Z' });
    const reply = await chat(bot, deps)('top', { user: 'zed' });
    expect(reply.visibility).toBe('public');
    expect(reply.bullets?.slice(0, 3)).toEqual([
      '1. u04: 4 days (longest 4, 4 in total)',
      '2. u03: 3 days (longest 3, 3 in total)',
      '3. u02: 2 days (longest 2, 2 in total)',
    ]);
    expect(reply.bullets?.slice(3)).toEqual([
      '4. u01: 1 day (longest 1, 1 in total)',
      '4. zed: 1 day (longest 1, 1 in total)',
    ]);

    const big = streakBot();
    await team(big.bot, big.deps, 12);
    const outside = await chat(big.bot, big.deps)('top', { user: 'u01' });
    expect(outside.bullets).toHaveLength(10);
    expect(outside.text).toMatch(/u01 is #\d+ of 12 with 1 day/);
  });

  it('never mixes workspaces or platforms', async () => {
    const { bot, deps } = streakBot();
    const send = chat(bot, deps);
    await send('done', { user: 'here' });
    await send('done', { user: 'other-team', workspaceId: 'T2' });
    await send('done', { user: 'discord-twin', platform: 'discord' });
    const reply = await send('top', { user: 'here' });
    expect(reply.bullets).toEqual(['1. here: 1 day (longest 1, 1 in total)']);
  });

  it('shows display names without mentions', async () => {
    const { bot, deps } = streakBot();
    const send = chat(bot, deps);
    await send('done', { user: 'u1', displayName: '@everyone look' });
    await send('done', { user: 'u2', displayName: '<!channel> <@U123>' });
    const text = (await send('top')).bullets?.join('\n') ?? '';
    expect(text).not.toMatch(/@everyone|<!channel>|<@U123>/);
    expect(text).toContain('everyone look');
  });

  it('invites people when nobody has checked in', async () => {
    const { bot, deps } = streakBot();
    expect((await chat(bot, deps)('top')).text).toMatch(/Nobody has checked in yet/);
  });
});

describe('timezone', () => {
  it('refuses an unknown zone with an example', async () => {
    const { bot, deps } = streakBot();
    const reply = await chat(bot, deps)('timezone Mars/Olympus');
    expect(reply.text).toMatch(/"Mars\/Olympus" is not a timezone I know/);
    expect(reply.text).toContain('`timezone Europe/Berlin`');
    expect((await deps.store.exportData()).users).toEqual({});
  });

  it('sets, shows and clears the own timezone; the day boundary follows it', async () => {
    const { bot, deps } = streakBot();
    const send = chat(bot, deps);
    expect((await send('timezone')).text).toMatch(/\*\*UTC\*\* time \(the bot's default\)/);
    const set = await send('timezone asia/tokyo', { at: '2026-03-04T20:00:00Z' });
    expect(set.text).toMatch(/\*\*Asia\/Tokyo\*\*.*05:00 on Thu 5 Mar/);
    expect((await send('done', { at: '2026-03-04T20:00:00Z' })).text).toMatch(/Counted Thu 5 Mar/);
    expect((await send('tz')).text).toMatch(/Asia\/Tokyo\*\* time \(your own setting\)/);
    const view = await send('streak', { at: '2026-03-05T20:00:00Z' });
    expect(view.fields).toContainEqual({ label: 'Days end at midnight in', value: 'Asia/Tokyo' });
    expect((await send('timezone default')).text).toMatch(/cleared.*UTC/);
  });
});

describe('settings', () => {
  it('lets admins switch to every day and set the workspace timezone; others are refused politely', async () => {
    const { bot, deps } = streakBot();
    const send = chat(bot, deps);
    const refused = await send('settings days daily', { isAdmin: false });
    expect(refused.text).toMatch(/only workspace admins/);
    expect((await deps.store.exportData()).workspaces).toEqual({});

    await send('done', { at: '2026-03-06T09:00:00Z' }); // Fri
    await send('done', { at: '2026-03-09T09:00:00Z' }); // Mon
    expect((await send('streak', { at: '2026-03-09T10:00:00Z' })).fields?.[0]?.value).toBe('2 days');
    expect((await send('settings days daily', { isAdmin: true })).text).toMatch(/every day/);
    expect((await send('streak', { at: '2026-03-09T10:00:00Z' })).fields?.[0]?.value).toBe('1 day');

    expect((await send('settings timezone Mars/Olympus', { isAdmin: true })).text).toMatch(/not a timezone/);
    await send('settings timezone europe/berlin', { isAdmin: true });
    const shown = await send('settings', { isAdmin: false });
    expect(shown.fields).toEqual([
      { label: 'Timezone', value: 'Europe/Berlin' },
      { label: 'Learning days', value: 'every day of the week' },
    ]);
    expect((await send('timezone')).text).toMatch(/Europe\/Berlin\*\* time \(the workspace's timezone\)/);
  });
});
