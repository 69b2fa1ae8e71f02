import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/engine.ts';
import { answeredId, answerer, content } from './support.ts';

describe('answering: three tiers', () => {
  it('GIVEN a clear question THEN a confident answer with the entry', () => {
    const result = answerer.answer('what is git for');
    expect(result.tier).toBe('confident');
    expect(result.best?.entry.id).toBe('version-control');
  });

  it.each([
    'what is the wifi password',
    'where is lunch today',
    'how do I bake bread',
    'how do I tune my guitar',
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
    const strict = createAnswerer(content, { calibration: { confident: 5 } });
    const result = strict.answer('what is git for');
    expect(result.tier).toBe('unsure');
    expect(result.best).toBeUndefined();
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(result.suggestions[0]?.entry.id).toBe('version-control');
  });

  it('GIVEN a confident answer THEN scores are between 0 and 1, best highest', () => {
    const result = answerer.answer('postgres or mongo for a new project');
    expect(result.best?.score).toBeGreaterThan(0);
    expect(result.best?.score).toBeLessThanOrEqual(1);
    for (const s of result.suggestions) expect(s.score).toBeLessThanOrEqual(result.best?.score ?? 0);
  });
});

describe('answering: how people really write', () => {
  it.each([
    ['postgress vs mysql', 'databases'],
    ['kubernets for dummies', 'servers-deployment'],
    ['whats a good pyhton framework', 'frameworks'],
    ['avg backend dev salery', 'faq-salary'],
    ['securty basics for an api', 'security'],
  ])('GIVEN the typo %j THEN %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });

  it.each([
    ['k8s vs docker compose', 'servers-deployment'],
    ['what VCS should a small team use', 'version-control'],
    ['which DB for a chat app', 'databases'],
    ['do i need dsa for backend', 'data-structures-algorithms'],
    ['fe vs be whats the diff', 'faq-frontend-vs-backend'],
    ['whats typical comp for a backend dev', 'faq-salary'],
    ['is c# worth learning', 'programming-languages'],
  ])('GIVEN the slang %j THEN %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });

  it.each([
    ['how do I undo a bad commit', 'version-control'],
    ['my app must remember users between visits', 'databases'],
    ['how do i tell my pm the feature is going to be late', 'communication'],
    ['how do i put my app on the internet', 'servers-deployment'],
    ['someone hacked our login page', 'security'],
  ])('GIVEN %j, which shares no keyword with the entry, THEN %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });

  it('GIVEN a long rambling message THEN the topic it is about', () => {
    const rambling =
      'ok so this is kind of embarrassing but yesterday i committed to the wrong branch and pushed it, ' +
      'and now my teammate pulled it and everything is a mess, how do i fix this without making it worse';
    expect(answeredId(answerer.answer(rambling))).toBe('version-control');
  });
});

describe('lookup of loosely written names', () => {
  it.each([
    ['dbs', 'databases'],
    ['git', 'version-control'],
    ['k8s', 'servers-deployment'],
    ['front end', 'frontend-basics'],
    ['DSA', 'data-structures-algorithms'],
    ['securty', 'security'],
    ['comms', 'communication'],
  ])('GIVEN skill name %j THEN %s', (name, id) => {
    const result = answerer.lookup(name, 'skill');
    expect(result.tier).toBe('confident');
    expect(result.best?.entry.id).toBe(id);
  });

  it('GIVEN a kind THEN only entries of that kind', () => {
    expect(answerer.lookup('salary', 'skill').best).toBeUndefined();
    expect(answerer.lookup('salary').best?.entry.id).toBe('faq-salary');
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
