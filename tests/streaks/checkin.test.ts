import { describe, expect, it } from 'vitest';
import type { CoreDeps } from '../../src/core.ts';
import { createInMemoryStore } from '../../src/store/in-memory.ts';
import { userKey } from '../../src/store/types.ts';
import { recordCheckin, streakOverview } from '../../src/streaks/checkin.ts';
import { timezoneChange } from '../../src/streaks/checkin-date.ts';
import { say, streakDeps } from './support.ts';

const LOCAL = { platform: 'console', workspaceId: 'local' } as const;

async function depsIn(timezone: string, policy: 'weekdays' | 'daily' = 'daily'): Promise<CoreDeps> {
  const deps = streakDeps();
  await deps.store.updateWorkspace(LOCAL, { timezone, learningDays: policy });
  return deps;
}

const checkin = (deps: CoreDeps, at: string, user = 'alice') =>
  recordCheckin(deps, say('done', deps, { user, at }));

describe('recordCheckin', () => {
  it('counts once per local day and creates the user on first use', async () => {
    const deps = streakDeps();
    const first = await checkin(deps, '2026-03-04T08:00:00Z');
    const second = await checkin(deps, '2026-03-04T17:00:00Z');
    expect(first).toMatchObject({ status: 'counted', date: '2026-03-04', current: 1, longest: 1 });
    expect(second).toMatchObject({ status: 'already', date: '2026-03-04', current: 1 });
    expect((await deps.store.exportData()).users[userKey('console', 'local', 'alice')]?.checkins).toEqual([
      '2026-03-04',
    ]);
  });

  it('keeps the display name fresh', async () => {
    const deps = streakDeps();
    await recordCheckin(deps, say('done', deps, { displayName: 'Alice' }));
    await recordCheckin(deps, say('done', deps, { displayName: 'Alice Liddell' }));
    expect((await deps.store.exportData()).users[userKey('console', 'local', 'alice')]?.displayName).toBe(
      'Alice Liddell',
    );
  });

  it('reports milestones when the streak reaches them, once', async () => {
    const deps = await depsIn('UTC');
    const outcomes = [];
    for (let day = 1; day <= 8; day++) {
      outcomes.push(await checkin(deps, `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`));
    }
    expect(outcomes.map((o) => o.milestone)).toEqual([
      undefined,
      undefined,
      3,
      undefined,
      undefined,
      undefined,
      7,
      undefined,
    ]);
  });

  // Each row: the last second of a day and the first second of the next, in the user's timezone.
  it.each([
    [
      'Europe/Berlin, ordinary night',
      'Europe/Berlin',
      '2026-03-04T22:59:59Z',
      '2026-03-04T23:00:00Z',
      '2026-03-04',
    ],
    [
      'Europe/Berlin, spring forward (29 Mar)',
      'Europe/Berlin',
      '2026-03-29T21:59:59Z',
      '2026-03-29T22:00:00Z',
      '2026-03-29',
    ],
    [
      'Europe/Berlin, fall back (25 Oct)',
      'Europe/Berlin',
      '2026-10-25T22:59:59Z',
      '2026-10-25T23:00:00Z',
      '2026-10-25',
    ],
    [
      'America/New_York, spring forward (8 Mar)',
      'America/New_York',
      '2026-03-09T03:59:59Z',
      '2026-03-09T04:00:00Z',
      '2026-03-08',
    ],
    [
      'America/New_York, fall back (1 Nov)',
      'America/New_York',
      '2026-11-02T04:59:59Z',
      '2026-11-02T05:00:00Z',
      '2026-11-01',
    ],
    ['UTC, year boundary', 'UTC', '2025-12-31T23:59:59Z', '2026-01-01T00:00:00Z', '2025-12-31'],
  ])('%s: 23:59:59 and 00:00:00 are two days', async (_name, timezone, lastSecond, midnight, day) => {
    const deps = await depsIn(timezone);
    const before = await checkin(deps, lastSecond);
    const after = await checkin(deps, midnight);
    expect(before).toMatchObject({ status: 'counted', date: day, current: 1 });
    expect(after.status).toBe('counted');
    expect(after.date > day).toBe(true);
    expect(after.current).toBe(2);
  });

  it('counts the DST days themselves as single days in a daily streak', async () => {
    const deps = await depsIn('America/New_York');
    // Sat 7, Sun 8 (23 hours long), Mon 9 March, each at 00:30 local.
    for (const at of ['2026-03-07T05:30:00Z', '2026-03-08T05:30:00Z', '2026-03-09T04:30:00Z'])
      await checkin(deps, at);
    const late = await checkin(deps, '2026-03-09T23:30:00Z');
    expect(late).toMatchObject({ status: 'already', date: '2026-03-09', current: 3 });
  });

  it('uses the user timezone over the workspace one, and the default when neither is set', async () => {
    const deps = streakDeps({
      settings: { defaultTimezone: 'Asia/Tokyo', tips: { days: 'weekdays', catchupHours: 3 } },
    });
    expect((await checkin(deps, '2026-03-04T20:00:00Z')).date).toBe('2026-03-05');
    await deps.store.updateWorkspace(LOCAL, { timezone: 'America/New_York' });
    expect((await checkin(deps, '2026-03-04T20:00:00Z', 'bob')).date).toBe('2026-03-04');
    const carol = say('done', deps, { user: 'carol', at: '2026-03-04T23:30:00Z' });
    await deps.store.setTimezone({ ...LOCAL, userId: 'carol', displayName: 'carol' }, () => ({
      timezone: 'Europe/Berlin',
    }));
    expect((await recordCheckin(deps, carol)).date).toBe('2026-03-05');
  });

  it('keeps a streak when the user moves west mid-streak, without a second count that day', async () => {
    const deps = await depsIn('Europe/Berlin', 'weekdays');
    await checkin(deps, '2026-03-02T08:00:00Z');
    await checkin(deps, '2026-03-03T08:00:00Z');
    await checkin(deps, '2026-03-04T00:30:00Z'); // 01:30 Wed in Berlin, still Tue evening in New York
    const user = (await deps.store.exportData()).users[userKey('console', 'local', 'alice')];
    if (user) user.timezone = 'America/New_York';
    const wednesdayInNewYork = await checkin(deps, '2026-03-04T15:00:00Z');
    expect(wednesdayInNewYork).toMatchObject({ status: 'already', date: '2026-03-04', current: 3 });
    expect(await checkin(deps, '2026-03-05T15:00:00Z')).toMatchObject({ status: 'counted', current: 4 });
  });

  it('keeps a streak when the user moves east mid-streak; the new zone counts from its next day', async () => {
    const deps = await depsIn('America/New_York', 'weekdays');
    await checkin(deps, '2026-03-02T14:00:00Z');
    await checkin(deps, '2026-03-04T01:00:00Z'); // Tue 20:00 in New York, already Wed in Berlin
    const move = say('timezone Europe/Berlin', deps, { at: '2026-03-04T01:30:00Z' });
    await deps.store.setTimezone(move, (c) => timezoneChange(c, 'Europe/Berlin', 'UTC', move.at));
    expect(await checkin(deps, '2026-03-04T02:00:00Z')).toMatchObject({
      status: 'already',
      date: '2026-03-03',
    });
    expect(await checkin(deps, '2026-03-04T12:00:00Z')).toMatchObject({ date: '2026-03-04', current: 3 });
    expect(await checkin(deps, '2026-03-04T23:30:00Z')).toMatchObject({ date: '2026-03-05', current: 4 });
  });
});

describe('streakOverview', () => {
  it('gives the numbers, the 14 marks and the rank for the home view', async () => {
    const deps = streakDeps({ store: createInMemoryStore() });
    await checkin(deps, '2026-03-02T09:00:00Z', 'bob');
    await checkin(deps, '2026-03-03T09:00:00Z', 'bob');
    await checkin(deps, '2026-03-03T09:00:00Z');
    const overview = await streakOverview(deps, say('streak', deps, { at: '2026-03-04T09:00:00Z' }));
    expect(overview).toMatchObject({
      current: 1,
      longest: 1,
      total: 1,
      freezes: 0,
      checkedInToday: false,
      today: '2026-03-04',
      timezone: 'UTC',
      timezoneSource: 'default',
      rank: 2,
      boardSize: 2,
    });
    expect(overview.days).toHaveLength(14);
    expect(overview.days.at(-1)).toEqual({ date: '2026-03-04', mark: 'open' });
    expect(overview.days.at(-2)).toEqual({ date: '2026-03-03', mark: 'done' });
  });
});
