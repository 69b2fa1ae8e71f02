import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, parseCommand } from '../../src/commands/parse.ts';

describe('parseCommand', () => {
  it.each([
    ['help', 'help', ''],
    ['  HELP  ', 'help', ''],
    ['/help', 'help', ''],
    ['list', 'list', ''],
    ['skill dbs', 'skill', 'dbs'],
    ['Skill   front end', 'skill', 'front end'],
    ['ask what is docker', 'ask', 'what is docker'],
    ['done', 'done', ''],
    ['done!', 'done', ''],
    ['streak', 'streak', ''],
    ['top', 'top', ''],
    ['tip', 'tip', ''],
    ['timezone', 'timezone', ''],
    ['timezone Europe/Berlin', 'timezone', 'Europe/Berlin'],
    ['schedule', 'schedule', ''],
    ['schedule 09:00 Europe/Berlin weekdays', 'schedule', '09:00 Europe/Berlin weekdays'],
    ['schedule off', 'schedule', 'off'],
    ['settings days daily', 'settings', 'days daily'],
  ])('GIVEN %j THEN command %s with args %j', (text, name, args) => {
    expect(parseCommand(text)).toEqual({ name, args });
  });

  it.each([
    'what is git for',
    'top 5 databases to learn',
    'help me pick a framework',
    'timezone handling in databases',
    'schedule a cron job in node',
    'done with my course, what next?',
  ])('GIVEN chat text %j THEN it is a question, not a command', (text) => {
    expect(parseCommand(text).name).toBe('question');
  });

  it('GIVEN empty or invisible-only input THEN empty', () => {
    expect(parseCommand('').name).toBe('empty');
    expect(parseCommand(' \u200b\t\n ').name).toBe('empty');
  });

  it('GIVEN text over the limit THEN too_long', () => {
    expect(parseCommand('a'.repeat(MAX_TEXT_LENGTH + 1)).name).toBe('too_long');
    expect(parseCommand('a'.repeat(MAX_TEXT_LENGTH)).name).toBe('question');
  });

  it('GIVEN zero-width characters inside a command THEN they are ignored', () => {
    expect(parseCommand('st\u200break')).toEqual({ name: 'streak', args: '' });
  });
});
