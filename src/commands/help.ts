import type { CommandModule } from '../core.ts';
import type { Reply } from '../types.ts';
import { MAX_TEXT_LENGTH } from './parse.ts';

const COMMANDS: Array<[string, string]> = [
  ['help', 'this list'],
  ['list', 'every skill I can explain'],
  ['skill <name>', 'one skill in depth, e.g. `skill databases` or `skill git`'],
  ['ask <question>', 'or just type the question, e.g. `how do I undo a bad commit?`'],
  ['tip', "today's skill of the day for this channel"],
  ['done', 'count today as a learning day for your streak'],
  ['streak', 'your streak, freezes and the last 14 days'],
  ['top', "the team's leaderboard"],
  ['timezone <Area/City>', 'set the day boundary for your streak'],
  [
    'schedule <HH:MM> [timezone] [weekdays|daily]',
    'post the daily tip here (admins); `schedule off` stops it',
  ],
  ['settings timezone|days <value>', "the workspace's timezone and learning days (admins)"],
];

export function helpReply(): Reply {
  return {
    title: 'skillbot: grow your backend skills a little every day',
    text: 'Ask me about backend skills and careers, or use a command:',
    bullets: COMMANDS.map(([usage, meaning]) => `\`${usage}\`: ${meaning}`),
    visibility: 'private',
  };
}

export const helpCommands: CommandModule = {
  commands: {
    help: () => helpReply(),
    empty: () => ({
      text: 'Ask me a question about backend skills, or type `help` to see what I can do.',
      visibility: 'private',
    }),
    too_long: () => ({
      text: `That message is longer than ${MAX_TEXT_LENGTH} characters, which is more than I can read. Could you ask it in a sentence or two?`,
      visibility: 'private',
    }),
  },
  actions: {},
};
