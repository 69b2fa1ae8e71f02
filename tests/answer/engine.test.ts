import { describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION, decideTier, type Ranked } from '../../src/answer/decide.ts';
import { createAnswerer } from '../../src/answer/engine.ts';
import type { Label } from '../../src/answer/model.ts';
import { answeredId, answerer, content } from './support.ts';

describe('answering: three tiers', () => {
  it('GIVEN a clear question THEN a confident answer with the entry', () => {
    const result = answerer.answer('postgres or mongo for a new project');
    expect(result.tier).toBe('confident');
    expect(result.best?.entry.id).toBe('databases');
  });

  it.each([
    'what is the wifi password',
    'where is lunch today',
    'how do I bake bread',
    'whats the weather like tomorrow',
    'happy birthday sarah!!',
  ])('GIVEN the off-topic %j THEN an honest "none" with no suggestions', (question) => {
    const result = answerer.answer(question);
    expect(result.tier).toBe('none');
    expect(result.best).toBeUndefined();
    expect(result.suggestions).toEqual([]);
  });

  it('GIVEN a near miss THEN "unsure" with at most 3 suggestions, best first', () => {
    // A stricter calibration turns a clear answer into a near miss, which pins the tier's shape.
    const strict = createAnswerer(content, { calibration: { confident: 1.01 } });
    const result = strict.answer('postgres or mongo for a new project');
    expect(result.tier).toBe('unsure');
    expect(result.best).toBeUndefined();
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(result.suggestions[0]?.entry.id).toBe('databases');
    const scores = result.suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('GIVEN a confident answer THEN scores are probabilities, best highest', () => {
    const result = answerer.answer('postgres or mongo for a new project');
    expect(result.best?.score).toBeGreaterThan(0);
    expect(result.best?.score).toBeLessThanOrEqual(1);
    for (const s of result.suggestions) expect(s.score).toBeLessThanOrEqual(result.best?.score ?? 0);
  });

  it('GIVEN the ranking THEN every entry, bot reply and "none" once, probabilities summing to 1', () => {
    const ranked = answerer.rank('how do I undo a bad commit');
    expect(ranked).toHaveLength(content.entries.length + content.bot.length + 1);
    expect(ranked.reduce((sum, r) => sum + r.score, 0)).toBeCloseTo(1, 6);
    const top = ranked[0]?.label;
    expect(top?.kind === 'entry' && top.entry.id).toBe('version-control');
  });
});

describe('deciding the tier', () => {
  const entry = (id: string): Label => {
    const found = content.entries.find((e) => e.id === id);
    if (!found) throw new Error(id);
    return { kind: 'entry', entry: found };
  };
  const ranked = (pairs: Array<[Label, number]>): Ranked[] =>
    pairs.map(([label, score]) => ({ label, score }));

  it('GIVEN two entries almost equally likely THEN "Did you mean" offers both, not a confident guess', () => {
    const result = decideTier(
      ranked([
        [entry('databases'), 0.46],
        [entry('apis'), 0.44],
        [{ kind: 'none' }, 0.1],
      ]),
      DEFAULT_CALIBRATION,
    );
    expect(result.tier).toBe('unsure');
    expect(result.suggestions.map((s) => s.entry.id)).toEqual(['databases', 'apis']);
  });

  it('GIVEN "none" clearly most likely THEN a refusal without suggestions', () => {
    const result = decideTier(
      ranked([
        [{ kind: 'none' }, 0.9],
        [entry('apis'), 0.1],
      ]),
      DEFAULT_CALIBRATION,
    );
    expect(result).toEqual({ tier: 'none', suggestions: [] });
  });
});

describe('answering: how people really write', () => {
  it.each([
    ['postgress vs mysql', 'databases'],
    ['k8s vs docker compose', 'servers-deployment'],
    ['how do I undo a bad commit', 'version-control'],
    ['avg backend dev salery', 'faq-salary'],
  ])('GIVEN %j THEN %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });

  it('GIVEN a long rambling message THEN the topic it is about', () => {
    const rambling =
      'ok so this is kind of embarrassing but yesterday i committed to the wrong branch and pushed it, ' +
      'and now my teammate pulled it and everything is a mess, how do i fix this without making it worse';
    expect(answeredId(answerer.answer(rambling))).toBe('version-control');
  });
});

describe('chat basics are bot replies, never refused', () => {
  it.each([
    ['hi', 'bot-greeting'],
    ['thanks!', 'bot-thanks'],
    ['who are you', 'bot-about'],
    ['what can you do', 'bot-capabilities'],
    ['how do i check in', 'bot-checkin-howto'],
    ['what is a freeze', 'bot-freezes'],
    ['how do streaks work', 'bot-streaks'],
    ['when is the daily tip posted', 'bot-daily-tip'],
  ])('GIVEN %j THEN the bot reply %s', (question, id) => {
    const result = answerer.answer(question);
    expect(result.tier).toBe('confident');
    expect(result.best?.entry).toMatchObject({ id, kind: 'bot' });
  });
});

describe('lookup of loosely written names', () => {
  it.each([
    ['dbs', 'databases'],
    ['git', 'version-control'],
    ['k8s', 'servers-deployment'],
    ['front end', 'frontend-basics'],
    ['DSA', 'data-structures-algorithms'],
  ])('GIVEN skill name %j THEN %s', (name, id) => {
    const result = answerer.lookup(name, 'skill');
    expect(result.tier).toBe('confident');
    expect(result.best?.entry.id).toBe(id);
  });

  it('GIVEN a kind THEN only entries of that kind', () => {
    expect(answerer.lookup('salary', 'skill').best).toBeUndefined();
    expect(answerer.lookup('salary').best?.entry.id).toBe('faq-salary');
  });

  it('GIVEN a greeting THEN no entry: bot replies are not skills', () => {
    for (const s of answerer.lookup('hello', 'skill').suggestions) expect(s.entry.kind).toBe('skill');
  });

  it('GIVEN nonsense THEN none', () => {
    expect(answerer.lookup('xyzzy plugh', 'skill').tier).toBe('none');
  });
});

describe('hostile input', () => {
  const junk = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join('');
  it.each([
    ['empty', ''],
    ['whitespace', '   \n\t  '],
    ['2,000 characters of junk', junk],
    ['far more than 2,000 characters', 'database '.repeat(5000)],
    ['emoji', '🔥🔥🔥 🚀 k8s?? 💀'],
    ['control characters', 'what\u0000 is\u0007 git\u001b[31m for\u200b'],
    ['mentions', '<!channel> @everyone <@U123> what is git'],
    ['regex metacharacters', '.*+?^$ {}()|[]\\ (((( git'],
    ['lone surrogates', '\ud800\udc00\ud800 sql'],
  ])('GIVEN %s THEN answer and lookup return a result without throwing', (_name, input) => {
    for (const result of [answerer.answer(input), answerer.lookup(input), answerer.lookup(input, 'skill')]) {
      expect(['confident', 'unsure', 'none']).toContain(result.tier);
      expect(result.suggestions.length).toBeLessThanOrEqual(3);
    }
  });

  it('GIVEN something that is not a string THEN none, not an exception', () => {
    expect(answerer.answer(undefined as unknown as string).tier).toBe('none');
    expect(answerer.lookup(42 as unknown as string).tier).toBe('none');
  });
});
