/**
 * A new skill is one Markdown file with its examples: added to a copy of the content, it answers
 * its own kind of questions with no code change (the same path a custom CONTENT_DIR takes).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/engine.ts';
import { loadContent } from '../../src/content/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'skillbot-new-skill-'));
cpSync('content', dir, { recursive: true });
cpSync(join(import.meta.dirname, 'fixtures', 'observability.md'), join(dir, 'skills', 'observability.md'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const answerer = createAnswerer(loadContent(dir));

// None of these is one of the file's examples; several name no keyword of the entry.
const QUESTIONS = [
  'how do I add tracing to my services',
  'which log level should a failed payment use',
  'our alerts fire all night and nobody reads them anymore',
  'which graphs belong on a dashboard for an api',
  'how do i measure latency percentiles',
  'how can I see where time is spent when one request calls four services',
];

describe('a new skill in a copy of the content', () => {
  it('GIVEN questions of its kind THEN it leads the reply for some and is offered for half of them', () => {
    const readings = QUESTIONS.map((q) => {
      const result = answerer.answer(q);
      return [result.best, ...result.suggestions].filter(Boolean).map((s) => s?.entry.id);
    });
    const led = readings.filter((ids) => ids[0] === 'observability');
    const offered = readings.filter((ids) => ids.includes('observability'));
    // Measured 1 led and 3 offered of 6 (3 led before the shipped bullets had asks). Servers and
    // deployment covers monitoring too, and the asks of its bullets (three per bullet are training
    // text) now claim that ground; the fixture's four bullets have three asks each. Out-of-fold on
    // its own 60 examples it leads 25: see results/answer-quality.md.
    expect(led.length).toBeGreaterThanOrEqual(1);
    expect(offered.length).toBeGreaterThanOrEqual(QUESTIONS.length / 2);
  });

  it('GIVEN a plain question of its kind THEN it is answered outright, not only suggested', () => {
    const confident = QUESTIONS.filter((q) => answerer.answer(q).best?.entry.id === 'observability');
    expect(confident.length).toBeGreaterThanOrEqual(1);
  });

  it('GIVEN its name THEN `skill` finds it', () => {
    expect(answerer.lookup('monitoring', 'skill').best?.entry.id).toBe('observability');
  });

  it('GIVEN the older skills and off-topic chatter THEN they still go where they did', () => {
    expect(answerer.answer('postgres or mongo for a new project').best?.entry.id).toBe('databases');
    expect(answerer.answer('what is the wifi password').tier).toBe('none');
  });
});
