/** `done`, `streak`, `top`, `timezone`, `settings`: the streak commands. Thin: rules and store do the work. */
import { type Command, defineCommand } from '../commands/registry.ts';
import type { CoreDeps } from '../core.ts';
import type { Incoming, Reply } from '../types.ts';
import { type CheckinOutcome, recordCheckin, streakOverview } from './checkin.ts';
import type { TimezoneSource } from './context.ts';
import { boardQuery, leaderboard } from './leaderboard.ts';
import { days, daysRow, formatDay, milestoneLine, safeName } from './render.ts';
import { settingsCommand } from './settings.ts';
import { timezoneCommand } from './timezone.ts';

function doneText(outcome: CheckinOutcome): string {
  const streak = `Current streak: **${days(outcome.current)}** (longest ${days(outcome.longest)}).`;
  if (outcome.status === 'already') {
    return `You already checked in today (${formatDay(outcome.date)}); it counts once a day. ${streak}`;
  }
  const lines = [`✅ Counted ${formatDay(outcome.date)} as a learning day. ${streak}`];
  if (outcome.milestone) lines.push(milestoneLine(outcome.milestone));
  return lines.join('\n');
}

export const done = async (msg: Incoming, _args: unknown, deps: CoreDeps): Promise<Reply> => ({
  text: doneText(await recordCheckin(deps, msg)),
  visibility: 'private',
});

export const streak = async (msg: Incoming, _args: unknown, deps: CoreDeps): Promise<Reply> => {
  const o = await streakOverview(deps, msg);
  const { row, legend } = daysRow(o.days);
  const first = o.days[0];
  const lines = [`Last 14 days (${first ? formatDay(first.date) : ''} → today):`, row, legend];
  if (o.frozenRecently.length > 0) {
    lines.push(`❄️ A freeze kept your streak alive on ${o.frozenRecently.map(formatDay).join(' and ')}.`);
  }
  if (o.total === 0)
    lines.push('No check-ins yet: type `done` after you learn something today to start a streak.');
  else if (!o.checkedInToday) lines.push('Type `done` once you have learned something today.');
  return {
    title: 'Your learning streak',
    text: lines.join('\n'),
    fields: [
      { label: 'Current streak', value: days(o.current) },
      { label: 'Longest streak', value: days(o.longest) },
      { label: 'Total learning days', value: String(o.total) },
      { label: 'Freezes banked', value: `${o.freezes} of 2` },
      { label: 'Days end at midnight in', value: zoneField(o.timezone, o.timezoneSource) },
    ],
    visibility: 'private',
  };
};

/**
 * A streak that "reset although I checked in at 11 pm" is usually a day counted in another zone:
 * the view says which zone counts, and how to set one's own when it is not.
 */
function zoneField(timezone: string, source: TimezoneSource): string {
  return source === 'yours' ? timezone : `${timezone} (set your own timezone with \`timezone Area/City\`)`;
}

const top = async (msg: Incoming, _args: unknown, deps: CoreDeps): Promise<Reply> => {
  const page = await deps.store.leaderboard(boardQuery(msg, msg.at, deps.settings.defaultTimezone));
  const board = leaderboard(page, msg);
  if (board.size === 0) {
    return {
      title: 'Leaderboard',
      text: 'Nobody has checked in yet. Type `done` after you learn something today to start the board.',
      visibility: 'public',
    };
  }
  const line = (e: (typeof board.top)[number]) =>
    `${e.rank}. ${safeName(e.displayName)}: ${days(e.current)} (longest ${e.longest}, ${e.total} in total)`;
  const footer = board.asker
    ? `\n\n${safeName(board.asker.displayName)} is #${board.asker.rank} of ${board.size} with ${days(board.asker.current)}.`
    : board.askerRank === null
      ? '\n\nType `done` after you learn something today to join the board.'
      : '';
  return {
    title: 'Leaderboard',
    text: `Ranked by current streak, then longest, then total learning days.${footer}`,
    bullets: board.top.map(line),
    visibility: 'public',
  };
};

export const streakCommands: readonly Command[] = [
  defineCommand({
    name: 'done',
    aliases: ['learned', 'checkin', 'check-in'],
    args: {},
    audience: 'everyone',
    visibility: 'private',
    help: 'count today as a learning day for your streak',
    example: 'done',
    run: done,
  }),
  defineCommand({
    name: 'streak',
    args: {},
    audience: 'everyone',
    visibility: 'private',
    help: 'your streak, freezes and the last 14 days',
    example: 'streak',
    run: streak,
  }),
  defineCommand({
    name: 'top',
    aliases: ['leaderboard'],
    args: {},
    audience: 'everyone',
    visibility: 'public',
    help: "the team's leaderboard",
    example: 'top',
    run: top,
  }),
  timezoneCommand,
  settingsCommand,
];
