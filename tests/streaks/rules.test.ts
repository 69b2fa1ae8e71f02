import { describe, expect, it } from 'vitest';
import type { DayPolicy, LocalDate } from '../../src/store/types.ts';
import { milestoneReached, recentDays, streakStats } from '../../src/streaks/rules.ts';
import { addDays, isLearningDay } from '../../src/time.ts';

/** `count` consecutive calendar days starting at `from`. */
const run = (from: LocalDate, count: number): LocalDate[] =>
  Array.from({ length: count }, (_, i) => addDays(from, i));

// March 2026: Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, Sat 7, Sun 8, Mon 9, Tue 10, Wed 11, Thu 12.
interface Case {
  name: string;
  checkins: LocalDate[];
  today: LocalDate;
  policy?: DayPolicy;
  current: number;
  longest?: number;
  freezes?: number;
  frozen?: LocalDate[];
}

const cases: Case[] = [
  { name: 'no check-ins', checkins: [], today: '2026-03-04', current: 0, longest: 0, freezes: 0 },
  { name: 'run ending today', checkins: run('2026-03-02', 3), today: '2026-03-04', current: 3 },
  {
    name: 'not yet checked in today: run ending yesterday still counts',
    checkins: run('2026-03-02', 2),
    today: '2026-03-04',
    current: 2,
  },
  {
    name: 'a whole learning day without a check-in breaks it',
    checkins: ['2026-03-02'],
    today: '2026-03-04',
    current: 0,
    longest: 1,
  },
  {
    name: 'weekend neither extends nor breaks (weekdays)',
    checkins: run('2026-03-02', 5),
    today: '2026-03-09',
    current: 5,
  },
  {
    name: 'Monday missed after the weekend breaks on Tuesday',
    checkins: run('2026-03-02', 5),
    today: '2026-03-10',
    current: 0,
    longest: 5,
  },
  {
    name: 'a weekend check-in counts (weekdays)',
    checkins: ['2026-03-06', '2026-03-07', '2026-03-09'],
    today: '2026-03-09',
    current: 3,
  },
  {
    name: 'every day: a skipped weekend breaks',
    checkins: ['2026-03-06', '2026-03-09'],
    today: '2026-03-09',
    policy: 'daily',
    current: 1,
  },
  {
    name: 'every day: weekend check-ins extend',
    checkins: run('2026-03-06', 4),
    today: '2026-03-09',
    policy: 'daily',
    current: 4,
  },
  {
    name: 'year boundary (weekdays, New Year on a Thursday)',
    checkins: run('2025-12-29', 5),
    today: '2026-01-05',
    current: 5,
  },
  {
    name: 'year boundary (every day)',
    checkins: run('2025-12-30', 4),
    today: '2026-01-02',
    policy: 'daily',
    current: 4,
  },
  {
    name: '7 days earn a freeze, which covers the next missed day',
    checkins: [...run('2026-03-01', 7), '2026-03-09'],
    today: '2026-03-09',
    policy: 'daily',
    current: 8,
    freezes: 0,
    frozen: ['2026-03-08'],
  },
  {
    name: 'a freeze covers a missed day before today automatically',
    checkins: run('2026-03-01', 7),
    today: '2026-03-09',
    policy: 'daily',
    current: 7,
    freezes: 0,
    frozen: ['2026-03-08'],
  },
  {
    name: 'one freeze does not cover two missed days',
    checkins: [...run('2026-03-01', 7), '2026-03-10'],
    today: '2026-03-10',
    policy: 'daily',
    current: 1,
    longest: 7,
    freezes: 0,
    frozen: [],
  },
  {
    name: 'at most 2 freezes banked',
    checkins: run('2026-03-01', 21),
    today: '2026-03-21',
    policy: 'daily',
    current: 21,
    freezes: 2,
  },
  {
    name: 'two freezes cover two missed days',
    checkins: [...run('2026-03-01', 14), '2026-03-17'],
    today: '2026-03-17',
    policy: 'daily',
    current: 15,
    freezes: 0,
    frozen: ['2026-03-15', '2026-03-16'],
  },
  {
    name: 'weekdays: 7 check-ins across a weekend earn a freeze for a missed Wednesday',
    checkins: [...run('2026-03-02', 5), '2026-03-09', '2026-03-10', '2026-03-12'],
    today: '2026-03-12',
    current: 8,
    freezes: 0,
    frozen: ['2026-03-11'],
  },
  {
    name: 'a check-in dated after today (moved west) does not break the run',
    checkins: ['2026-03-03', '2026-03-04'],
    today: '2026-03-03',
    current: 2,
  },
];

describe('streakStats', () => {
  it.each(cases)('$name', (c) => {
    const stats = streakStats(c.checkins, c.today, c.policy ?? 'weekdays');
    expect(stats.current).toBe(c.current);
    expect(stats.total).toBe(new Set(c.checkins).size);
    if (c.longest !== undefined) expect(stats.longest).toBe(c.longest);
    if (c.freezes !== undefined) expect(stats.freezes).toBe(c.freezes);
    if (c.frozen !== undefined) expect(stats.frozen).toEqual(c.frozen);
  });

  it('reads unsorted or duplicated dates the same as clean ones', () => {
    const clean = streakStats(run('2026-03-02', 3), '2026-03-04', 'weekdays');
    const messy = streakStats(
      ['2026-03-04', '2026-03-02', '2026-03-03', '2026-03-02'],
      '2026-03-04',
      'weekdays',
    );
    expect(messy).toEqual(clean);
  });

  it('stays fast over years of history', () => {
    const history = run('2020-01-01', 6 * 365);
    const started = performance.now();
    for (let i = 0; i < 200; i++) streakStats(history, '2025-12-31', 'daily');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(streakStats(history, '2025-12-31', 'daily').current).toBe(6 * 365);
  });
});

describe('isLearningDay', () => {
  it.each([
    ['2026-03-06', 'weekdays', true],
    ['2026-03-07', 'weekdays', false],
    ['2026-03-08', 'weekdays', false],
    ['2026-03-07', 'daily', true],
    ['1969-12-28', 'weekdays', false],
  ] as const)('%s with %s is %s', (date, policy, expected) => {
    expect(isLearningDay(date, policy)).toBe(expected);
  });
});

describe('milestoneReached', () => {
  it.each([
    [2, 3, 3],
    [3, 3, undefined],
    [6, 7, 7],
    [0, 1, undefined],
    [13, 14, 14],
    [29, 30, 30],
    [49, 50, 50],
    [99, 100, 100],
    [100, 101, undefined],
  ])('from %i to %i gives %s', (before, after, expected) => {
    expect(milestoneReached(before, after)).toBe(expected);
  });
});

describe('recentDays', () => {
  it('marks done, missed, freeze, rest, open and before-start days', () => {
    // Weekdays; started Mon 2 Mar; Wed 11 covered by a freeze; Fri 13 missed; today Mon 16 still open.
    const checkins = [...run('2026-03-02', 5), '2026-03-09', '2026-03-10', '2026-03-12'];
    const marks = recentDays(checkins, '2026-03-16', 'weekdays').map((d) => `${d.date.slice(8)}:${d.mark}`);
    expect(marks).toEqual([
      '03:done',
      '04:done',
      '05:done',
      '06:done',
      '07:rest',
      '08:rest',
      '09:done',
      '10:done',
      '11:freeze',
      '12:done',
      '13:missed',
      '14:rest',
      '15:rest',
      '16:open',
    ]);
    expect(recentDays(['2026-03-16'], '2026-03-16', 'weekdays')[0]).toEqual({
      date: '2026-03-03',
      mark: 'before',
    });
  });
});
