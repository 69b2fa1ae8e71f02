import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/catalog.ts';
import { createRegistry } from '../../src/commands/dispatch.ts';
import { MAX_TEXT_LENGTH } from '../../src/commands/parse.ts';
import { defineCommand } from '../../src/commands/registry.ts';

const { parse } = createRegistry(COMMANDS);

/** The parse as plain data: the command's name and raw arguments, or the kind of text. */
function read(text: string) {
  const parsed = parse(text);
  if (parsed.kind === 'command') return { name: parsed.command.name, args: parsed.raw };
  if (parsed.kind === 'usage') return { usage: parsed.command.name, problem: parsed.problem };
  return { kind: parsed.kind };
}

describe('the text parser generated from the registry', () => {
  it.each([
    ['help', 'help', {}],
    ['  HELP  ', 'help', {}],
    ['/help', 'help', {}],
    ['?', 'help', {}],
    ['list', 'list', {}],
    ['skills', 'list', {}],
    ['skill dbs', 'skill', { name: 'dbs' }],
    ['Skill   front end', 'skill', { name: 'front end' }],
    ['ask what is docker', 'ask', { question: 'what is docker' }],
    ['done', 'done', {}],
    ['done!', 'done', {}],
    ['learned', 'done', {}],
    ['streak', 'streak', {}],
    ['top', 'top', {}],
    ['leaderboard', 'top', {}],
    ['tip', 'tip', {}],
    ['timezone', 'timezone', {}],
    ['timezone Europe/Berlin', 'timezone', { zone: 'Europe/Berlin' }],
    ['tz UTC', 'timezone', { zone: 'UTC' }],
    ['schedule', 'schedule', {}],
    ['schedule show', 'schedule', {}],
    [
      'schedule 09:00 Europe/Berlin weekdays',
      'schedule',
      { time: '09:00', timezone: 'Europe/Berlin', days: 'weekdays' },
    ],
    ['schedule 9:00 daily utc', 'schedule', { time: '09:00', timezone: 'UTC', days: 'daily' }],
    ['schedule off', 'schedule', { time: 'off' }],
    ['settings', 'settings', {}],
    ['settings days daily', 'settings', { days: 'daily' }],
    ['settings timezone Europe/Berlin days daily', 'settings', { timezone: 'Europe/Berlin', days: 'daily' }],
  ])('GIVEN %j THEN command %s with args %j', (text, name, args) => {
    expect(read(text)).toEqual({ name, args });
  });

  it.each([
    'what is git for',
    'top 5 databases to learn',
    'help me pick a framework',
    'timezone handling in databases',
    'schedule a cron job in node',
    'done with my course, what next?',
    'settings for postgres',
  ])('GIVEN chat text %j THEN it is a question, not a command', (text) => {
    expect(read(text)).toEqual({ kind: 'question' });
  });

  it('GIVEN a command word that needs its argument alone THEN its usage, not a question', () => {
    expect(read('ask')).toEqual({ usage: 'ask', problem: undefined });
    expect(read('skill')).toEqual({ usage: 'skill', problem: undefined });
  });

  it('GIVEN a schedule it cannot read THEN the usage with what is wrong', () => {
    expect(read('schedule 25:00')).toMatchObject({
      usage: 'schedule',
      problem: expect.stringMatching(/HH:MM/),
    });
    expect(read('settings timezone UTC colour blue')).toMatchObject({ usage: 'settings' });
  });

  it('GIVEN empty or invisible-only input THEN empty', () => {
    expect(read('')).toEqual({ kind: 'empty' });
    expect(read(' \u200b\t\n ')).toEqual({ kind: 'empty' });
  });

  it('GIVEN text over the limit THEN too_long', () => {
    expect(read('a'.repeat(MAX_TEXT_LENGTH + 1))).toEqual({ kind: 'too_long' });
    expect(read('a'.repeat(MAX_TEXT_LENGTH))).toEqual({ kind: 'question' });
  });

  it('GIVEN zero-width characters inside a command THEN they are ignored', () => {
    expect(read('st\u200break')).toEqual({ name: 'streak', args: {} });
  });

  it('refuses two commands that claim the same word', () => {
    const clash = defineCommand({
      name: 'standings',
      aliases: ['top'],
      args: {},
      audience: 'everyone',
      visibility: 'public',
      help: 'the same as top',
      example: 'standings',
      run: () => ({ text: '', visibility: 'public' }),
    });
    expect(() => createRegistry([...COMMANDS, clash])).toThrow(/top/);
  });
});
