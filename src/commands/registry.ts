/**
 * The command registry. Each command is declared once, next to its handler: its words, its typed
 * arguments, who may use it, whether its reply is private, and one line of help. The text parser,
 * `help`, platform command definitions (Discord's slash commands), autocomplete and the handler
 * lookup are all generated from these declarations.
 */
import { z } from 'zod';
import type { CoreDeps } from '../core.ts';
import type { Incoming, Reply, Visibility } from '../types.ts';

/** The longest message the parser reads. */
export const MAX_TEXT_LENGTH = 2000;

/** Where an argument's suggestions come from, for platforms that autocomplete as people type. */
export type CompletionSource = 'skill' | 'timezone';

/** One typed argument: the schema validates the string a person typed (or a platform sent). */
export interface ArgSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** Shown next to the option on platforms with structured commands (at most 100 characters). */
  description: string;
  /** Whether a value must be given: derived from the schema by the `arg` helpers. */
  required: boolean;
  /** The only values allowed, when there is a short fixed list. */
  choices?: readonly string[];
  complete?: CompletionSource;
  maxLength?: number;
  /**
   * Read from typed text only: structured command definitions (Discord's options) leave it out,
   * because another command offers the same thing there (`forget member X` is `forget-member`).
   */
  textOnly?: boolean;
}

export type ArgShape = Record<string, ArgSpec>;
/** The handler's view of its arguments: each name typed by its schema. */
export type ArgsOf<A extends ArgShape> = { [K in keyof A]: z.output<A[K]['schema']> };
/** Arguments before validation: strings as typed or as a platform delivered them. */
export type RawArgs = Record<string, string | undefined>;

/**
 * Who may use a command. `admins-to-change`: everyone may look (no arguments), only admins may
 * change anything with it; platforms with permission-gated commands list it with the admin ones.
 */
export type Audience = 'everyone' | 'admins' | 'admins-to-change';

export type CommandHandler<A extends ArgShape> = (
  msg: Incoming,
  args: ArgsOf<A>,
  deps: CoreDeps,
) => Reply | Promise<Reply>;

export interface CommandSpec<A extends ArgShape> {
  /** The command word, also its name on platforms with structured commands (lowercase, no spaces). */
  name: string;
  /** Other words that mean the same command. */
  aliases?: readonly string[];
  args: A;
  audience: Audience;
  /** Private replies are seen by the asker only; results about one person stay private. */
  visibility: Visibility;
  /** One line for `help` and platform command lists (at most 100 characters). */
  help: string;
  /** A complete example, as typed: `skill databases`. */
  example: string;
  /** The usage line when the arguments need more than `<name>`/`[name]` to explain. */
  usage?: string;
  /** What a person who may not use it hears; a generic refusal otherwise. */
  refusal?: string;
  /**
   * The words typed after the command word as raw arguments, or undefined when the text reads as
   * chat rather than as this command ("timezone handling in databases" is a question). Commands
   * with one argument default to "everything after the word"; with more, they must say. Throw
   * `UsageError` for text that is clearly this command but cannot be read.
   */
  fromText?: (rest: string) => RawArgs | undefined;
  run: CommandHandler<A>;
}

/** A declared command with its argument types erased, as the registry and adapters see it. */
export interface Command {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly args: Readonly<ArgShape>;
  readonly audience: Audience;
  readonly visibility: Visibility;
  readonly help: string;
  readonly example: string;
  readonly usage: string;
  readonly refusal?: string;
  readonly fromText: (rest: string) => RawArgs | undefined;
  readonly run: (msg: Incoming, args: Record<string, unknown>, deps: CoreDeps) => Reply | Promise<Reply>;
}

/** Text that is clearly meant as a command but cannot be read as one; its message goes to the user. */
export class UsageError extends Error {}

function usageOf(name: string, args: ArgShape): string {
  const parts = Object.entries(args).map(([arg, spec]) => (spec.required ? `<${arg}>` : `[${arg}]`));
  return [name, ...parts].join(' ');
}

function defaultFromText(name: string, args: ArgShape): (rest: string) => RawArgs | undefined {
  const names = Object.keys(args);
  if (names.length > 1) throw new Error(`command ${name}: several arguments need a fromText`);
  const [only] = names;
  return (rest) => (only ? { [only]: rest } : undefined);
}

/** Declare a command. A handler that reads an argument the declaration lacks does not compile. */
export function defineCommand<A extends ArgShape>(spec: CommandSpec<A>): Command {
  return {
    name: spec.name,
    aliases: spec.aliases ?? [],
    args: spec.args,
    audience: spec.audience,
    visibility: spec.visibility,
    help: spec.help,
    example: spec.example,
    usage: spec.usage ?? usageOf(spec.name, spec.args),
    refusal: spec.refusal,
    fromText: spec.fromText ?? defaultFromText(spec.name, spec.args),
    // Sound: `validate` hands `run` only what each argument's schema produced.
    run: spec.run as Command['run'],
  };
}

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Argument builders: each returns the schema and what platforms need to offer the argument. */
export const arg = {
  /** Free text that must be given. */
  text(description: string, options: { maxLength?: number; complete?: CompletionSource } = {}) {
    const maxLength = options.maxLength ?? MAX_TEXT_LENGTH;
    const schema = z.string().trim().min(1).max(maxLength);
    return { schema, description, required: true, maxLength, complete: options.complete };
  },
  /** Free text that may be left out. */
  optionalText(description: string, options: { maxLength?: number; complete?: CompletionSource } = {}) {
    const maxLength = options.maxLength ?? MAX_TEXT_LENGTH;
    const schema = z.preprocess(blankToUndefined, z.string().trim().max(maxLength).optional());
    return { schema, description, required: false, maxLength, complete: options.complete };
  },
  /** One of a few fixed words (case-insensitive), optional; `invalid` is what a wrong word hears. */
  optionalChoice<const T extends readonly [string, ...string[]]>(
    description: string,
    choices: T,
    invalid: string,
  ) {
    const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
    const schema = z.preprocess(
      (v) => lower(blankToUndefined(v)),
      z.enum(choices, { error: invalid }).optional(),
    );
    return { schema, description, required: false, choices };
  },
} satisfies Record<string, (...a: never[]) => ArgSpec>;

export type Validated = { ok: true; args: Record<string, unknown> } | { ok: false; problem: string };

/** How to use a command, in one sentence: `skill <name>` (one skill in depth), for example `skill databases`. */
export function usageText(command: Command): string {
  return `Usage: \`${command.usage}\` (${command.help}), for example \`${command.example}\`.`;
}

/** Why an argument was refused, in words a member reads (never the validator's own message). */
function misfit(name: string, issues: readonly z.core.$ZodIssue[]): string {
  const tooLong = issues.find((issue) => issue.code === 'too_big');
  if (tooLong && 'maximum' in tooLong) {
    return `That ${name} is longer than ${String(tooLong.maximum)} characters, which is more than I can read: could you put it in a sentence or two?`;
  }
  return `That ${name} does not fit.`;
}

/** Check raw arguments against a command's schemas. Unknown names are ignored. */
export function validateArgs(command: Command, raw: RawArgs): Validated {
  const args: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(command.args)) {
    const result = spec.schema.safeParse(raw[name]);
    if (result.success) {
      args[name] = result.data;
      continue;
    }
    // A choice's own message already says what fits; anything else gets the usage line.
    const custom = result.error.issues.find((issue) => issue.code === 'invalid_value')?.message;
    const missing = raw[name] === undefined || raw[name]?.trim() === '';
    const problem = missing ? `\`${command.name}\` needs ${name}.` : misfit(name, result.error.issues);
    return { ok: false, problem: custom ?? `${problem} ${usageText(command)}` };
  }
  return { ok: true, args };
}
