/** The one text grammar every platform shares, generated from the command declarations. Pure. */
import { type Command, MAX_TEXT_LENGTH, type RawArgs, UsageError } from './registry.ts';

export { MAX_TEXT_LENGTH } from './registry.ts';

export type Parsed =
  | { kind: 'too_long' }
  | { kind: 'empty' }
  | { kind: 'command'; command: Command; raw: RawArgs }
  /** Clearly this command, but its arguments are missing or unreadable: answer with its usage. */
  | { kind: 'usage'; command: Command; problem?: string }
  /** Chat: everything else is a question. */
  | { kind: 'question'; text: string };

// Zero-width and control characters are invisible in chat but break word matching.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u2060\ufeff]/g;

export function normalizeInput(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

function wordTable(commands: readonly Command[]): Map<string, Command> {
  const table = new Map<string, Command>();
  for (const command of commands) {
    for (const word of [command.name, ...command.aliases]) {
      const key = word.toLowerCase();
      const taken = table.get(key);
      if (taken) throw new Error(`commands ${taken.name} and ${command.name} both claim the word "${key}"`);
      table.set(key, command);
    }
  }
  return table;
}

const needsArgument = (command: Command) => Object.values(command.args).some((a) => a.required);

/**
 * A word is a command on its own ("top"), or followed by arguments its declaration accepts
 * ("skill git"). Anything else is a question: "top 5 databases", "help me pick a framework".
 */
function parseWith(table: Map<string, Command>, raw: string): Parsed {
  if (raw.length > MAX_TEXT_LENGTH) return { kind: 'too_long' };
  const text = normalizeInput(raw).replace(/^[/!]/, '');
  if (text === '') return { kind: 'empty' };
  const [first = '', ...rest] = text.split(' ');
  const command = table.get(first.toLowerCase().replace(/[.!,:;]+$/, ''));
  const args = rest.join(' ').trim();
  if (!command) return { kind: 'question', text };
  if (args === '')
    return needsArgument(command) ? { kind: 'usage', command } : { kind: 'command', command, raw: {} };
  if (Object.keys(command.args).length === 0) return { kind: 'question', text };
  try {
    const parsed = command.fromText(args);
    return parsed ? { kind: 'command', command, raw: parsed } : { kind: 'question', text };
  } catch (error) {
    if (error instanceof UsageError) return { kind: 'usage', command, problem: error.message };
    throw error;
  }
}

export type Parser = (raw: string) => Parsed;

/** A parser for these commands. Throws at once when two commands claim the same word. */
export function createParser(commands: readonly Command[]): Parser {
  const table = wordTable(commands);
  return (raw) => parseWith(table, raw);
}
