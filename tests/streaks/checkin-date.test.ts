/** Issue 13: one real day counts once, however the timezone changes. */
import { describe, expect, it } from 'vitest';
import type { UserRecord, WorkspaceSettings } from '../../src/store/types.ts';
import { checkinDate, timezoneChange } from '../../src/streaks/checkin-date.ts';
import { say, streakBot } from './support.ts';

const member = (fields: Partial<UserRecord> = {}): UserRecord => ({
  platform: 'console',
  workspaceId: 'local',
  userId: 'alice',
  displayName: 'alice',
  checkins: [],
  quizAnswers: {},
  ...fields,
});

const at = (iso: string) => new Date(iso);

describe('checkinDate', () => {
  const rows: Array<[string, Partial<UserRecord>, WorkspaceSettings, string, string]> = [
    [
      'the local date in the own timezone',
      { timezone: 'Asia/Tokyo' },
      {},
      '2026-03-05T20:00:00Z',
      '2026-03-06',
    ],
    [
      'the workspace timezone when the member has none',
      {},
      { timezone: 'America/New_York' },
      '2026-03-05T03:00:00Z',
      '2026-03-04',
    ],
    ['the default timezone otherwise', {}, {}, '2026-03-05T23:59:00Z', '2026-03-05'],
    [
      'never before the latest check-in (moved west)',
      { timezone: 'Etc/GMT+12', checkins: ['2026-03-05'] },
      {},
      '2026-03-05T08:43:00Z',
      '2026-03-05',
    ],
    [
      'never before the latest check-in (workspace moved west)',
      { checkins: ['2026-03-05'] },
      { timezone: 'Etc/GMT+12' },
      '2026-03-05T08:43:00Z',
      '2026-03-05',
    ],
    [
      "the previous zone until the new zone's next day",
      {
        timezone: 'Pacific/Kiritimati',
        previousTimezone: 'Etc/GMT+12',
        timezoneFrom: '2026-03-07',
        checkins: ['2026-03-04'],
      },
      {},
      '2026-03-05T08:43:00Z',
      '2026-03-04',
    ],
    [
      'the new zone once its next day began',
      {
        timezone: 'Pacific/Kiritimati',
        previousTimezone: 'Etc/GMT+12',
        timezoneFrom: '2026-03-06',
        checkins: ['2026-03-04'],
      },
      {},
      '2026-03-05T10:00:00Z',
      '2026-03-06',
    ],
    [
      'the next day after midnight, as always',
      { checkins: ['2026-03-05'] },
      {},
      '2026-03-06T00:01:00Z',
      '2026-03-06',
    ],
  ];
  it.each(rows)('%s', (_name, fields, workspace, now, expected) => {
    expect(checkinDate({ member: member(fields), workspace }, 'UTC', at(now))).toBe(expected);
  });
});

describe('timezoneChange', () => {
  const rows: Array<[string, Partial<UserRecord>, string | undefined, string, object]> = [
    [
      'applies at once for a member without check-ins',
      {},
      'Pacific/Kiritimati',
      '2026-03-05T08:43:00Z',
      { timezone: 'Pacific/Kiritimati' },
    ],
    [
      "waits for the new zone's next day after check-ins (east)",
      { checkins: ['2026-03-05'] },
      'Pacific/Kiritimati',
      '2026-03-05T08:43:00Z',
      { timezone: 'Pacific/Kiritimati', previousTimezone: 'UTC', timezoneFrom: '2026-03-06' },
    ],
    [
      "waits for the new zone's next day after check-ins (west)",
      { timezone: 'Pacific/Kiritimati', checkins: ['2026-03-05'] },
      'Etc/GMT+12',
      '2026-03-05T08:43:00Z',
      { timezone: 'Etc/GMT+12', previousTimezone: 'Pacific/Kiritimati', timezoneFrom: '2026-03-05' },
    ],
    [
      'keeps the zone in force when switching again before it changed',
      {
        timezone: 'Etc/GMT+12',
        previousTimezone: 'Pacific/Kiritimati',
        timezoneFrom: '2026-03-05',
        checkins: ['2026-03-05'],
      },
      'Asia/Tokyo',
      '2026-03-05T08:43:00Z',
      { timezone: 'Asia/Tokyo', previousTimezone: 'Pacific/Kiritimati', timezoneFrom: '2026-03-06' },
    ],
    [
      'needs no waiting when switching back to the zone in force',
      {
        timezone: 'Etc/GMT+12',
        previousTimezone: 'UTC',
        timezoneFrom: '2026-03-05',
        checkins: ['2026-03-05'],
      },
      'UTC',
      '2026-03-05T08:43:00Z',
      { timezone: 'UTC' },
    ],
    [
      'clearing follows the workspace from its next day',
      { timezone: 'Asia/Tokyo', checkins: ['2026-03-05'] },
      undefined,
      '2026-03-05T08:43:00Z',
      { previousTimezone: 'Asia/Tokyo', timezoneFrom: '2026-03-06' },
    ],
  ];
  it.each(rows)('%s', (_name, fields, wanted, now, expected) => {
    expect(timezoneChange({ member: member(fields), workspace: {} }, wanted, 'UTC', at(now))).toEqual(
      expected,
    );
  });
});

describe('one sitting across timezones', () => {
  const sequences: Array<[string, string[]]> = [
    [
      'Kiritimati, done, Etc/GMT+12, done (the reported backfill)',
      ['timezone Pacific/Kiritimati', 'done', 'timezone Etc/GMT+12', 'done'],
    ],
    [
      'Etc/GMT+12, done, Kiritimati, done (the same forwards)',
      ['timezone Etc/GMT+12', 'done', 'timezone Pacific/Kiritimati', 'done'],
    ],
    [
      'done, then back and forth across the date line',
      [
        'done',
        'timezone Pacific/Kiritimati',
        'done',
        'timezone Etc/GMT+12',
        'done',
        'timezone Pacific/Kiritimati',
        'done',
      ],
    ],
  ];
  it.each(sequences)('%s counts one day', async (_name, commands) => {
    const { bot, deps } = streakBot();
    for (const text of commands) await bot.handleMessage(say(text, deps, { at: '2026-03-05T08:43:00Z' }));
    const streak = await bot.handleMessage(say('streak', deps, { at: '2026-03-05T08:44:00Z' }));
    expect(streak.fields?.find((f) => f.label === 'Total learning days')?.value).toBe('1');
    expect((await deps.store.getMember(say('', deps)))?.checkins).toHaveLength(1);
  });

  it('the new zone counts the next real day', async () => {
    const { bot, deps } = streakBot();
    const send = (text: string, at: string) => bot.handleMessage(say(text, deps, { at }));
    await send('timezone Pacific/Kiritimati', '2026-03-05T08:43:00Z');
    expect((await send('done', '2026-03-05T08:43:00Z')).text).toMatch(/Counted Thu 5 Mar/);
    const moved = await send('timezone Etc/GMT+12', '2026-03-05T08:44:00Z');
    expect(moved.text).toMatch(/takes effect from Thu 5 Mar/);
    expect((await send('done', '2026-03-05T20:00:00Z')).text).toMatch(/already checked in/);
    expect((await send('done', '2026-03-06T12:30:00Z')).text).toMatch(/Counted Fri 6 Mar/);
  });
});
