/** Text pieces the streak replies and the Slack App Home share. Pure. */
import type { LocalDate } from '../store/types.ts';
import { quoteUserText } from '../text.ts';
import type { DayMark, MarkedDay } from './rules.ts';

export const MARKS: Record<DayMark, { symbol: string; meaning: string }> = {
  done: { symbol: '✅', meaning: 'learned' },
  freeze: { symbol: '❄️', meaning: 'freeze used' },
  missed: { symbol: '❌', meaning: 'missed' },
  open: { symbol: '⏳', meaning: 'today, still open' },
  rest: { symbol: '▫️', meaning: 'not a learning day' },
  before: { symbol: '➖', meaning: 'before your first check-in' },
};

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** `2026-03-04` → `Wed 4 Mar`. */
export function formatDay(date: LocalDate): string {
  return dayFormat.format(new Date(`${date}T12:00:00Z`));
}

export const days = (n: number): string => `${n} ${n === 1 ? 'day' : 'days'}`;

const MILESTONE_LINES: Record<number, string> = {
  3: '🎉 3 days in a row: the habit is forming!',
  7: '🎉 A 7-day streak: a whole week of learning!',
  14: '🎉 14 days in a row: two solid weeks!',
  30: '🏆 30 days! A month of steady learning.',
  50: '🏆 50 days in a row. Impressive consistency!',
  100: '🏅 100 days! That is a serious habit. Hats off.',
};

/** The celebration for reaching a milestone, whichever way the check-in came (command or button). */
export function milestoneLine(milestone: number): string {
  return MILESTONE_LINES[milestone] ?? `🎉 ${days(milestone)} in a row!`;
}

/** The row of marks, oldest first, and a one-line legend for the marks that appear in it. */
export function daysRow(marked: readonly MarkedDay[]): { row: string; legend: string } {
  const row = marked.map((d) => MARKS[d.mark].symbol).join('');
  const shown = (Object.keys(MARKS) as DayMark[]).filter((mark) => marked.some((d) => d.mark === mark));
  const legend = shown.map((mark) => `${MARKS[mark].symbol} ${MARKS[mark].meaning}`).join(' · ');
  return { row, legend };
}

/**
 * A display name fit for a public message: one line, short, mass mentions defused, and no
 * platform mention syntax (`<@U1>`, `<!here>`, `<#C1>`, `<@&role>`) that could ping anyone.
 */
export function safeName(name: string): string {
  const quoted = quoteUserText(name, 40);
  return quoted === '' ? 'someone' : quoted;
}
