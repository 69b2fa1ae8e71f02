import { describe, expect, it } from 'vitest';
import { skillChoices, timezoneChoices } from '../../src/commands/complete.ts';
import { testBot } from '../support/core.ts';

describe('autocomplete', () => {
  const skills = [
    { id: 'databases', title: 'Databases', aliases: ['db', 'sql'] },
    { id: 'version-control', title: 'Version control', aliases: ['git'] },
  ];

  it('matches skill ids, titles and aliases', () => {
    expect(skillChoices(skills, 'git', 25)).toEqual([{ name: 'Version control', value: 'version-control' }]);
    expect(skillChoices(skills, 'SQL', 25)[0]?.value).toBe('databases');
    expect(skillChoices(skills, '', 25)).toHaveLength(2);
  });

  it('offers timezones up to the limit asked for', () => {
    expect(timezoneChoices('berl', 25)).toContainEqual({ name: 'Europe/Berlin', value: 'Europe/Berlin' });
    expect(timezoneChoices('', 25).length).toBe(25);
  });

  it('completes the arguments the declarations mark, and nothing else', () => {
    const { bot } = testBot();
    expect(bot.complete('skill', 'name', 'data', 25).map((c) => c.value)).toContain('databases');
    expect(bot.complete('settings', 'timezone', 'berl', 25)).toContainEqual({
      name: 'Europe/Berlin',
      value: 'Europe/Berlin',
    });
    expect(bot.complete('schedule', 'timezone', 'new_y', 5).map((c) => c.value)).toContain(
      'America/New_York',
    );
    expect(bot.complete('ask', 'question', 'data', 25)).toEqual([]);
    expect(bot.complete('nope', 'name', 'data', 25)).toEqual([]);
  });
});
