/** The one command grammar every platform shares. Pure: text in, command out. */

export const MAX_TEXT_LENGTH = 2000;

export type CommandName =
  | 'help'
  | 'list'
  | 'skill'
  | 'ask'
  | 'done'
  | 'streak'
  | 'top'
  | 'timezone'
  | 'tip'
  | 'schedule'
  | 'settings'
  | 'question'
  | 'empty'
  | 'too_long';

export interface ParsedCommand {
  name: CommandName;
  /** Everything after the command word, trimmed. For `question`, the whole text. */
  args: string;
}

/** Words that are a command only when they stand alone ("top" yes, "top 5 databases" is a question). */
const BARE_WORDS: Record<string, CommandName> = {
  help: 'help',
  '?': 'help',
  commands: 'help',
  list: 'list',
  skills: 'list',
  done: 'done',
  learned: 'done',
  checkin: 'done',
  'check-in': 'done',
  streak: 'streak',
  top: 'top',
  leaderboard: 'top',
  tip: 'tip',
  today: 'tip',
  timezone: 'timezone',
  tz: 'timezone',
  schedule: 'schedule',
  settings: 'settings',
};

/** Words that take arguments, with a test for the arguments so chat sentences stay questions. */
const ARG_WORDS: Record<string, { name: CommandName; accepts: (args: string) => boolean }> = {
  skill: { name: 'skill', accepts: (a) => a.length > 0 },
  ask: { name: 'ask', accepts: () => true },
  timezone: { name: 'timezone', accepts: (a) => !/\s/.test(a) },
  tz: { name: 'timezone', accepts: (a) => !/\s/.test(a) },
  schedule: { name: 'schedule', accepts: (a) => /^(\d|off\b|show\b)/i.test(a) },
  settings: { name: 'settings', accepts: (a) => /^(timezone|days|show)\b/i.test(a) },
};

// Zero-width and control characters are invisible in chat but break word matching.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u2060\ufeff]/g;

export function normalizeInput(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

export function parseCommand(raw: string): ParsedCommand {
  if (raw.length > MAX_TEXT_LENGTH) return { name: 'too_long', args: '' };
  const text = normalizeInput(raw).replace(/^[/!]/, '');
  if (text === '') return { name: 'empty', args: '' };
  const [first = '', ...rest] = text.split(' ');
  const word = first.toLowerCase().replace(/[.!,:;]+$/, '');
  const args = rest.join(' ').trim();
  if (args === '' && BARE_WORDS[word]) return { name: BARE_WORDS[word], args: '' };
  const withArgs = ARG_WORDS[word];
  if (withArgs && args !== '' && withArgs.accepts(args)) return { name: withArgs.name, args };
  return { name: 'question', args: text };
}
