import { describe, expect, it } from 'vitest';
import { createSystems, measureQuality, readQuestions } from '../../scripts/bench/answers.ts';
import { CONCEPTS } from '../../src/answer/concepts.ts';
import { createAnswerer } from '../../src/answer/engine.ts';
import { IDIOMS } from '../../src/answer/idioms.ts';
import { isStopWord, stem } from '../../src/answer/normalize.ts';
import { buildVocabulary } from '../../src/answer/vocabulary.ts';
import { loadContent } from '../../src/content/load.ts';

const content = loadContent('content');
const questions = readQuestions();

describe('the dev set', () => {
  it('has at least 170 questions, 40 of them off-topic, and covers every entry', () => {
    expect(questions.length).toBeGreaterThanOrEqual(170);
    expect(questions.filter((q) => q.expected === 'none').length).toBeGreaterThanOrEqual(40);
    const ids = new Set(content.entries.map((e) => e.id));
    for (const q of questions) if (q.expected !== 'none') expect(ids).toContain(q.expected);
    for (const id of ids) expect(questions.some((q) => q.expected === id)).toBe(true);
  });

  it('GIVEN the dev set THEN at least 95% right on-topic and 95% refused off-topic, ahead of both baselines', () => {
    const [skillbot, ...baselines] = createSystems(content).map((s) => measureQuality(s, questions));
    expect(skillbot?.top1).toBeGreaterThanOrEqual(0.95);
    expect(skillbot?.refused).toBeGreaterThanOrEqual(0.95);
    for (const baseline of baselines) {
      expect(skillbot?.top1).toBeGreaterThan(baseline.top1);
      expect(skillbot?.refused).toBeGreaterThan(baseline.refused);
    }
  });

  it("GIVEN every entry's own example questions THEN each answers its entry", () => {
    const answerer = createAnswerer(content);
    const misses = content.entries.flatMap((entry) =>
      entry.questions
        .filter((q) => answerer.answer(q).best?.entry.id !== entry.id)
        .map((q) => `${entry.id}: ${q}`),
    );
    // A few example questions deliberately overlap neighbouring entries; most must land.
    expect(misses.length).toBeLessThanOrEqual(Math.ceil(content.entries.length / 4));
  });
});

describe('blind set A, written by someone else and used for tuning after the dev set', () => {
  const blind = readQuestions('tests/fixtures/blind-a.jsonl');

  it('GIVEN blind set A THEN at least 95% right on-topic and 94% refused off-topic, ahead of both baselines', () => {
    const [skillbot, ...baselines] = createSystems(content).map((s) => measureQuality(s, blind));
    expect(skillbot?.top1).toBeGreaterThanOrEqual(0.95);
    expect(skillbot?.refused).toBeGreaterThanOrEqual(0.94);
    for (const baseline of baselines) {
      expect(skillbot?.top1).toBeGreaterThan(baseline.top1);
      expect(skillbot?.refused).toBeGreaterThan(baseline.refused);
    }
  });
});

describe('the curated vocabulary', () => {
  it('only ever points at words the content uses', () => {
    const vocabulary = buildVocabulary(content.entries);
    const targets = [...Object.values(CONCEPTS), ...IDIOMS.map(([, t]) => t)].flatMap((t) => t.split(' '));
    const missing = [...new Set(targets)].filter(
      (t) => !isStopWord(t) && !vocabulary.documentFrequency.has(stem(t)),
    );
    expect(missing).toEqual([]);
  });
});
