import { expect, it } from 'vitest';
import { dateIn } from '../../src/streaks/day.ts';
import { localDate } from '../../src/time.ts';

it('gives the same date as localDate, also when the instants jump around midnight and DST', () => {
  const instants = [
    '2026-03-29T21:59:59.999Z', // Berlin 23:59:59 on the spring-forward day
    '2026-03-29T22:00:00Z',
    '2026-03-29T21:59:00Z',
    '2026-04-05T02:59:59Z', // Santiago: the last second before clocks fall back across midnight
    '2026-04-05T03:00:00Z',
    '2026-04-05T03:59:59Z',
    '2026-04-05T04:00:00Z',
    '2026-04-05T02:59:30Z',
  ];
  for (const zone of ['Europe/Berlin', 'America/Santiago', 'America/New_York', 'UTC']) {
    for (const iso of instants) {
      expect(dateIn(new Date(iso), zone), `${zone} ${iso}`).toBe(localDate(new Date(iso), zone));
    }
  }
});
