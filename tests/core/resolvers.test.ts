/** Argument resolvers: times and timezones as people type them. Pure, so no bot is needed. */
import { describe, expect, it } from 'vitest';
import {
  looksLikeClockTime,
  resolveClockTime,
  resolveTimeZone,
  timeZoneAdvice,
} from '../../src/commands/resolvers.ts';
import { message, testBot } from '../support/core.ts';

describe('resolveClockTime', () => {
  it.each([
    ['09:30', '09:30'],
    ['9:30', '09:30'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
    [' 14:00 ', '14:00'],
  ])('GIVEN %j THEN it is the time %s', (typed, time) => {
    expect(resolveClockTime(typed)).toEqual({ ok: true, value: time });
  });

  it.each([
    ['-1'],
    ['٠٩:٣٠'], // Arabic-Indic digits
    ['０９:３０'], // full-width digits
    ['۰۹:۳۰'], // Persian digits
    ['24:00'],
    ['09:60'],
    ['9am'],
    ['0930'],
    ['9.30'],
    ['09:30:00'],
    ['+09:30'],
    [''],
  ])('GIVEN %j THEN it is refused with the HH:MM rule', (typed) => {
    const result = resolveClockTime(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(/24-hour time HH:MM/);
  });

  it('GIVEN digits of any script or a sign THEN the text is an attempt at a time, not chat', () => {
    for (const typed of ['-1', '٠٩:٣٠', '０９:３０', '9am', '+1'])
      expect(looksLikeClockTime(typed)).toBe(true);
    for (const typed of ['a cron job in node', 'off', '']) expect(looksLikeClockTime(typed)).toBe(false);
  });
});

describe('resolveTimeZone', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['UTC', 'UTC'],
    ['America/New_York', 'America/New_York'],
    ['Etc/GMT+12', 'Etc/GMT+12'],
  ])('GIVEN %j THEN it is the zone %s', (typed, zone) => {
    expect(resolveTimeZone(typed)).toEqual({ ok: true, value: zone });
  });

  it.each([
    ['EST', 'America/New_York'],
    ['est', 'America/New_York'],
    ['PST', 'America/Los_Angeles'],
    ['CET', 'Europe/Berlin'],
    ['IST', 'Asia/Kolkata'],
    ['AEST', 'Australia/Sydney'],
    ['GMT', 'Europe/London'],
  ])('GIVEN the abbreviation %j THEN it is refused, suggesting %s first', (typed, first) => {
    const result = resolveTimeZone(typed);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatch(/abbreviation/);
    expect(result.suggestions[0]).toBe(first);
  });

  it('GIVEN IST THEN India, Ireland and Israel are all suggested', () => {
    const result = resolveTimeZone('IST');
    expect(result.ok ? [] : result.suggestions).toEqual(['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem']);
  });

  it.each([
    ['berlin', ['Europe/Berlin']],
    ['new york', ['America/New_York']],
    ['São Paulo', ['America/Sao_Paulo']],
    ['india', ['Asia/Calcutta']],
    ['kolkata', ['Asia/Calcutta']],
    ['germany', ['Europe/Berlin', 'Europe/Busingen']],
    ['uk', ['Europe/London']],
  ])('GIVEN the place %j alone THEN its zones are suggested', (typed, zones) => {
    const result = resolveTimeZone(typed);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.suggestions).toEqual(zones);
  });

  it('GIVEN a country with many zones THEN the ones most people use come first, and the list is cut short', () => {
    const result = resolveTimeZone('usa');
    if (result.ok) throw new Error('usa is not a zone');
    expect(result.suggestions.slice(0, 4)).toEqual([
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Los_Angeles',
    ]);
    expect(timeZoneAdvice(result, 'timezone')).toMatch(/and \d+ more\?/);
  });

  it.each([['Mars/Olympus'], ['__proto__'], ['constructor'], ['x'.repeat(500)], ['@everyone'], ['']])(
    'GIVEN %j THEN it is refused with how to type a zone, and nothing in the message can ping',
    (typed) => {
      const result = resolveTimeZone(typed);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const advice = timeZoneAdvice(result, 'timezone');
      expect(advice).toMatch(/Area\/City/);
      expect(advice).not.toMatch(/(^|[^\u200b])@everyone/);
      expect(advice.length).toBeLessThan(300);
    },
  );
});

describe('the resolvers where schedule and timezone read their arguments', () => {
  it.each([
    ['schedule -1', /not a time I can use/],
    ['schedule ٠٩:٣٠', /not a time I can use/],
    ['schedule 09:30 EST', /abbreviation.*America\/New_York/],
    ['schedule 09:30 berlin', /Did you mean Europe\/Berlin\?.*schedule 09:30 Europe\/Berlin/],
    ['timezone berlin', /Did you mean Europe\/Berlin\?/],
    ['timezone india', /Asia\/Calcutta/],
    ['timezone EST', /abbreviation.*America\/New_York/],
    ['settings timezone berlin', /settings timezone Europe\/Berlin/],
  ])('GIVEN `%s` THEN the answer is %s and nothing is saved', async (typed, answer) => {
    const { deps, bot } = testBot();
    const reply = await bot.handleMessage(message(typed, deps));
    expect(reply.text).toMatch(answer);
    expect((await deps.store.exportData()).schedules).toEqual({});
    const users = Object.values((await deps.store.exportData()).users) as { timezone?: string }[];
    expect(users.every((user) => user.timezone === undefined)).toBe(true);
  });

  it('GIVEN `schedule 09:30 EST` THEN nothing is saved as America/Panama', async () => {
    const { deps, bot } = testBot();
    await bot.handleMessage(message('schedule 09:30 EST', deps));
    expect(JSON.stringify(await deps.store.exportData())).not.toContain('America/Panama');
  });
});
