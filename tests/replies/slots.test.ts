/**
 * A reply about the bot uses what the message names: a place becomes the exact `timezone`
 * command, a time of day the exact `schedule` time.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/engine.ts';
import { loadContent } from '../../src/content/load.ts';
import { BotFrontMatter } from '../../src/content/schema.ts';
import { fillHint } from '../../src/replies/slots.ts';
import { message, testBot } from '../support/core.ts';

const zone = (text: string) => fillHint('{zone}', text);
const time = (text: string) => fillHint('{time}', text);

describe('a place named in a message', () => {
  it.each([
    ['how do i set my timezone to new york', 'America/New_York'],
    ['im in tokyo and my days end early', 'Asia/Tokyo'],
    ["I'm in São Paulo", 'America/Sao_Paulo'],
    ['please use Europe/Berlin for me', 'Europe/Berlin'],
  ])('GIVEN "%s" THEN %s', (text, expected) => {
    expect(zone(text)).toBe(expected);
  });

  it.each(['in the morning my streak resets', 'how do i change my timezone', 'set it to whatever'])(
    'GIVEN "%s" (no place) THEN nothing is filled',
    (text) => {
      expect(zone(text)).toBeUndefined();
    },
  );
});

describe('a time of day named in a message', () => {
  it.each([
    ['can the tip come at 8:45 instead', '08:45'],
    ['post it at 9am', '09:00'],
    ['at 12pm please', '12:00'],
    ['12am is fine', '00:00'],
    ['move it to 4.30pm', '16:30'],
    ['16:30 works better', '16:30'],
    ['could it be at 10 instead', '10:00'],
  ])('GIVEN "%s" THEN %s', (text, expected) => {
    expect(time(text)).toBe(expected);
  });

  it.each(['after 2 days it stopped', 'version 3.12 of python', 'at 25 it breaks', '13pm'])(
    'GIVEN "%s" (no time of day) THEN nothing is filled',
    (text) => {
      expect(time(text)).toBeUndefined();
    },
  );
});

describe('hints in content', () => {
  it('GIVEN a hint with a slot the bot cannot fill THEN the content is refused', () => {
    const entry = { id: 'bot-x', kind: 'bot', title: 'X', questions: ['x?'], hint: 'Use {colour}.' };
    expect(BotFrontMatter.safeParse(entry).success).toBe(false);
    expect(BotFrontMatter.safeParse({ ...entry, hint: 'Use `timezone {zone}`.' }).success).toBe(true);
  });

  it('GIVEN a question naming a place THEN the timezone reply leads with the exact command', async () => {
    const content = loadContent('content');
    const { bot, deps } = testBot({ content, answerer: createAnswerer(content) });
    const reply = await bot.handleMessage(message('how do i set my timezone to new york', deps));
    expect(reply.text.split('\n')[0]).toContain('`timezone America/New_York`');
    const plain = await bot.handleMessage(message('how do timezones work', deps));
    expect(plain.text).not.toContain('{zone}');
    expect(plain.text).not.toContain('America/New_York`.');
  });

  it('GIVEN an acting reply (the streak) and a place in the message THEN the hint leads the streak view', async () => {
    const content = loadContent('content');
    const streakEntry = content.bot.find((b) => b.id === 'bot-my-streak');
    if (!streakEntry) throw new Error('no bot-my-streak');
    const confident = {
      tier: 'confident' as const,
      best: { entry: streakEntry, score: 0.9 },
      suggestions: [],
    };
    const { bot, deps } = testBot({
      content,
      answerer: { answer: () => confident, lookup: () => confident },
    });
    const reply = await bot.handleMessage(message("my streak looks wrong, I'm in Tokyo", deps));
    expect(reply.text.split('\n')[0]).toContain('`timezone Asia/Tokyo`');
    expect(reply.title).toBe('Your learning streak');
  });
});
