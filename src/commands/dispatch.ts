/**
 * The registry at work: one table of declared commands, looked up by name (structured commands)
 * or by text (the parser), with arguments validated and the audience checked before a handler runs.
 */
import type { CoreDeps } from '../core.ts';
import type { Incoming, Reply } from '../types.ts';
import { type HelpLine, helpCommand, refusalReply, usageReply } from './help.ts';
import { createParser, type Parser } from './parse.ts';
import { type Command, type RawArgs, validateArgs } from './registry.ts';

export interface CommandRegistry {
  /** Every command, `help` last, in the order help and platform command lists show them. */
  readonly commands: readonly Command[];
  find(name: string): Command | undefined;
  parse: Parser;
}

/** The registry for `commands`, with `help` generated from them (and `extraHelp`'s platform lines). */
export function createRegistry(
  commands: readonly Command[],
  extraHelp: (platform: string) => readonly HelpLine[] = () => [],
): CommandRegistry {
  const all: Command[] = [];
  all.push(
    ...commands,
    helpCommand(() => all, extraHelp),
  );
  const byName = new Map(all.map((c) => [c.name, c]));
  if (byName.size !== all.length) throw new Error('two commands share a name');
  return { commands: all, find: (name) => byName.get(name), parse: createParser(all) };
}

function allowed(command: Command, raw: RawArgs, msg: Incoming): boolean {
  if (msg.isAdmin || command.audience === 'everyone') return true;
  if (command.audience === 'admins') return false;
  // admins-to-change: looking (no arguments) is for everyone.
  return Object.keys(command.args).every((name) => !raw[name]?.trim());
}

/** Validate, check who is asking, then run the handler. */
export async function invoke(command: Command, raw: RawArgs, msg: Incoming, deps: CoreDeps): Promise<Reply> {
  if (!allowed(command, raw, msg)) return refusalReply(command);
  const validated = validateArgs(command, raw);
  if (!validated.ok) return usageReply(command, validated.problem);
  return command.run(msg, validated.args, deps);
}
