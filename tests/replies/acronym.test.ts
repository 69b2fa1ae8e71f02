import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/replies/passages.ts';
import { definingPassage } from '../../src/replies/plain.ts';
import { message, testBot } from '../support/core.ts';

const passage = (label: string, text: string): Passage =>
  ({ key: label, entryId: 'x', label, heading: '', text }) as Passage;

describe('definingPassage', () => {
  const passages = [
    passage('Tools', 'CI runs in many shops.'),
    passage('CI/CD', 'CI, continuous integration, runs the tests on every push.'),
    passage('Names', 'DNS, the Domain Name System, turns names into addresses.'),
  ];

  it('GIVEN an acronym a passage spells out THEN that passage, preferring one labelled with it', () => {
    expect(definingPassage('ci', passages)?.label).toBe('CI/CD');
    expect(definingPassage('dns', passages)?.label).toBe('Names');
  });

  it('GIVEN a word no passage spells out THEN none', () => {
    expect(definingPassage('nba', passages)).toBeUndefined();
    expect(definingPassage('tools', passages)).toBeUndefined();
  });
});

describe('a short "what does X stand for" question', () => {
  const { deps, bot } = testBot();

  it('GIVEN an acronym the content defines THEN the reply leads with the definition', async () => {
    const reply = await bot.handleMessage(message('what does API stand for', deps));
    expect(reply.text.slice(0, 700)).toMatch(/application programming interface/i);
    expect(reply.answersFrom).toBe('apis');
  });
});
