/** Adding a command takes one declaration: help, the parser and Discord's definitions all pick it up. */
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../adapters/discord/commands.ts';
import { createBot } from '../../src/bot.ts';
import { COMMANDS } from '../../src/commands/catalog.ts';
import { arg, defineCommand } from '../../src/commands/registry.ts';
import { message, testDeps } from '../support/core.ts';

const heard: Array<{ to: string; times: string | undefined }> = [];

/** A throwaway command, declared the way every real one is. */
const wave = defineCommand({
  name: 'wave',
  aliases: ['hello-there'],
  args: {
    to: arg.text('Who to wave at', { maxLength: 40 }),
    times: arg.optionalChoice('How often', ['once', 'twice'], 'Wave `once` or `twice`.'),
  },
  audience: 'everyone',
  visibility: 'public',
  help: 'wave at a teammate',
  example: 'wave sam twice',
  fromText: (rest) => {
    const [to, times] = rest.split(' ');
    return { to, times };
  },
  run: (_msg, { to, times }) => {
    heard.push({ to, times });
    return { text: `👋 ${to}${times === 'twice' ? ' 👋' : ''}`, visibility: 'public' };
  },
});

describe('a throwaway command', () => {
  const deps = testDeps();
  const bot = createBot(deps, { commands: [...COMMANDS, wave] });

  it('is listed by help with its usage and help line, and the list fits a chat message', async () => {
    const help = await bot.handleMessage(message('help', deps));
    expect(help.bullets).toContainEqual('`wave <to> [times]`: wave at a teammate');
    expect([help.title, help.text, ...(help.bullets ?? [])].join('\n').length).toBeLessThan(1200);
  });

  it('is parsed from text, by its word and its alias, with typed arguments', async () => {
    heard.length = 0;
    expect((await bot.handleMessage(message('wave sam twice', deps))).text).toBe('👋 sam 👋');
    expect((await bot.handleMessage(message('hello-there kim', deps))).text).toBe('👋 kim');
    expect(heard).toEqual([
      { to: 'sam', times: 'twice' },
      { to: 'kim', times: undefined },
    ]);
  });

  it('answers a wrong or missing argument without running the handler', async () => {
    heard.length = 0;
    expect((await bot.handleMessage(message('wave sam thrice', deps))).text).toBe('Wave `once` or `twice`.');
    expect((await bot.handleMessage(message('wave', deps))).text).toMatch(/^Usage: `wave <to> \[times\]`/);
    const structured = await bot.handleCommand(message('', deps), { name: 'wave', args: {} });
    expect(structured.text).toMatch(/`wave` needs to\..*Usage/);
    expect(heard).toEqual([]);
  });

  it('becomes a Discord subcommand with typed options', () => {
    const [skills] = commandDefinitions(bot.commands);
    const sub = skills?.options?.find((o) => o.name === 'wave') as
      | { description: string; options: Array<Record<string, unknown>> }
      | undefined;
    expect(sub?.description).toBe('Wave at a teammate');
    expect(sub?.options).toEqual([
      expect.objectContaining({ name: 'to', required: true, max_length: 40 }),
      expect.objectContaining({
        name: 'times',
        required: false,
        choices: [
          { name: 'once', value: 'once' },
          { name: 'twice', value: 'twice' },
        ],
      }),
    ]);
  });

  it('is served through structured calls by name', async () => {
    const reply = await bot.handleCommand(message('', deps), {
      name: 'wave',
      args: { to: 'ana', times: 'once' },
    });
    expect(reply.text).toBe('👋 ana');
  });
});

describe('declarations are checked by the compiler', () => {
  it('rejects a handler reading an argument the declaration lacks, and a missing handler', () => {
    defineCommand({
      name: 'typo',
      args: { to: arg.text('Who') },
      audience: 'everyone',
      visibility: 'public',
      help: 'a typo',
      example: 'typo x',
      // @ts-expect-error `too` is not a declared argument.
      run: (_msg, { too }) => ({ text: String(too), visibility: 'public' }),
    });
    // @ts-expect-error `run` is missing.
    defineCommand({
      name: 'nothing',
      args: {},
      audience: 'everyone',
      visibility: 'public',
      help: 'no handler',
      example: 'nothing',
    });
    const typed = defineCommand({
      name: 'typed',
      args: { to: arg.text('Who') },
      audience: 'everyone',
      visibility: 'public',
      help: 'typed',
      example: 'typed x',
      // @ts-expect-error `to` is a string, not a number.
      run: (_msg, { to }: { to: number }) => ({ text: String(to), visibility: 'public' }),
    });
    expect(typed.name).toBe('typed');
  });
});
