import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleCommand } from '../../src/tips/schedule-command.ts';
import { advanceTo, C1, cleanUp, key, restartAt, setup, start, tickNow, times } from './harness.ts';
import { addSchedule, say } from './support.ts';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(cleanUp);

describe('scheduler: posting on time', () => {
  it('posts once at the scheduled minute on learning days only, driven by node-cron', async () => {
    vi.setSystemTime('2026-03-04T07:58:30Z');
    const { deps, platform } = setup();
    await addSchedule(deps.store, C1, {
      time: '09:00',
      timezone: 'Europe/Berlin',
      days: 'weekdays',
      createdAt: '2026-03-04T00:00:00Z',
    });
    start(deps, platform.delivery);
    await advanceTo('2026-03-04T07:59:59Z');
    expect(platform.messages).toHaveLength(0);
    await advanceTo('2026-03-04T08:00:01Z');
    expect(times(platform.messages)).toEqual(['2026-03-04T08:00:00Z']);
    // The clock jumps over the night while the ticker runs (as after a suspended laptop).
    vi.setSystemTime('2026-03-05T07:58:00Z');
    await advanceTo('2026-03-05T08:02:00Z');
    // Later mornings: restart before each one (jumping a running ticker costs test time).
    for (const day of ['06', '07', '08', '09']) {
      await restartAt(`2026-03-${day}T07:58:00Z`, deps, platform.delivery);
      await advanceTo(`2026-03-${day}T08:02:00Z`);
    }
    expect(platform.messages.map((m) => m.key.slice(-10))).toEqual([
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-09',
    ]);
    expect((await deps.store.exportData()).posts[key()]).toMatchObject({
      status: 'sent',
      messageId: 'm1',
      attempts: 1,
    });
    expect(platform.messages[0]?.post.title).toMatch(/^Skill of the day: /);
  });

  it.each([
    [
      'America/New_York spring forward: 02:30 does not exist',
      'America/New_York',
      '2026-03-08',
      '02:30',
      '2026-03-08T07:00:00Z',
    ],
    [
      'America/New_York fall back: 01:30 happens twice',
      'America/New_York',
      '2026-11-01',
      '01:30',
      '2026-11-01T05:30:00Z',
    ],
    [
      'Europe/Berlin spring forward: 02:30 does not exist',
      'Europe/Berlin',
      '2026-03-29',
      '02:30',
      '2026-03-29T01:00:00Z',
    ],
    [
      'Europe/Berlin fall back: 02:30 happens twice',
      'Europe/Berlin',
      '2026-10-25',
      '02:30',
      '2026-10-25T00:30:00Z',
    ],
  ])('%s: posts exactly once, at the first valid minute', async (_name, timezone, date, time, expected) => {
    const before = new Date(Date.parse(expected) - 90 * 60_000);
    vi.setSystemTime(before);
    const { deps, platform } = setup();
    await addSchedule(deps.store, C1, { time, timezone, createdAt: before.toISOString() });
    start(deps, platform.delivery);
    await vi.advanceTimersByTimeAsync(4 * 3_600_000);
    expect(times(platform.messages.filter((m) => m.key.endsWith(date)))).toEqual([expected]);
  });
});

describe('scheduler: catch-up window', () => {
  it('posts once, late, when started inside the window', async () => {
    vi.setSystemTime('2026-03-04T10:15:00Z'); // 11:15 in Berlin, 2 h 15 after 09:00
    const { deps, platform } = setup();
    await addSchedule(deps.store, C1, {
      time: '09:00',
      timezone: 'Europe/Berlin',
      createdAt: '2026-03-04T00:00:00Z',
    });
    start(deps, platform.delivery);
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(times(platform.messages)).toEqual(['2026-03-04T10:15:00Z']);
  });

  it('skips the day and says why when started after the window', async () => {
    vi.setSystemTime('2026-03-04T11:30:00Z'); // 12:30 in Berlin
    const { deps, platform } = setup();
    await addSchedule(deps.store, C1, {
      time: '09:00',
      timezone: 'Europe/Berlin',
      createdAt: '2026-03-04T00:00:00Z',
    });
    const scheduler = start(deps, platform.delivery);
    await tickNow(scheduler);
    expect(platform.calls).toHaveLength(0);
    expect((await deps.store.exportData()).posts[key()]).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/Missed/),
    });
    const shown = await scheduleCommand(say('schedule', C1), {}, deps);
    expect(JSON.stringify(shown.fields)).toMatch(
      /2026-03-04, skipped: Missed: the bot was not running from 09:00 to 12:00/,
    );
  });

  it("posts yesterday's tip after midnight while its window is open, and nothing older", async () => {
    vi.setSystemTime('2026-03-05T00:40:00Z');
    const { deps, platform } = setup();
    await addSchedule(deps.store, C1, { time: '23:50', timezone: 'UTC', createdAt: '2026-02-01T00:00:00Z' });
    const scheduler = start(deps, platform.delivery);
    await tickNow(scheduler);
    expect(platform.messages.map((m) => m.key)).toEqual([key(C1, '2026-03-04')]);
    expect(Object.keys((await deps.store.exportData()).posts)).toEqual([key(C1, '2026-03-04')]);
  });
});
