/**
 * When the classifier is unsure, a passage whose label names the question's subject and which
 * matches (nearly) all its terms answers it; anything less clear still gets "did you mean".
 */
import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/engine.ts';
import type { Answerer, AnswerResult } from '../../src/answer/types.ts';
import { answerReply } from '../../src/commands/knowledge.ts';
import { loadContent } from '../../src/content/load.ts';
import { buildPassageIndex } from '../../src/replies/search.ts';
import { processTerm } from '../../src/replies/terms.ts';
import { message, testBot } from '../support/core.ts';

const fixture = loadContent('tests/fixtures/replies-content');

/** A classifier that is unsure, with `ids` as its suggestions. */
function unsure(content: typeof fixture, ...ids: string[]): Answerer {
  return unsureScored(content, ...ids.map((id, i): [string, number] => [id, 0.3 - i * 0.1]));
}

function unsureScored(content: typeof fixture, ...scored: [string, number][]): Answerer {
  const suggestions = scored.map(([id, score]) => {
    const entry = content.entry(id) ?? content.bot.find((b) => b.id === id);
    if (!entry) throw new Error(`no entry ${id}`);
    return { entry, score };
  });
  const result: AnswerResult = { tier: 'unsure', suggestions };
  return { answer: () => result, lookup: () => result };
}

async function ask(question: string, answerer: Answerer, content = fixture) {
  const { bot, deps } = testBot({ content, answerer });
  return bot.handleMessage(message(question, deps));
}

/** Still asking: plain "did you mean", or a hedged guess that ends with it. Never an answer. */
const DID_YOU_MEAN = /did you mean one of these\?$/i;

describe('an unsure classifier and a passage that plainly answers', () => {
  it('GIVEN "what is a 404" THEN the 404 bullet answers, under its guide, not "did you mean"', async () => {
    const reply = await ask('what is a 404', unsure(fixture, 'security', 'apis'));
    expect(reply.text).toMatch(/^\*\*404 Not Found:\*\*/);
    expect(reply.text).not.toMatch(DID_YOU_MEAN);
    expect(reply.title).toBe('APIs');
    expect(reply.buttons?.[0]?.label).toBe('Full guide: APIs');
  });

  it('GIVEN words no label names THEN "did you mean" as before', async () => {
    const reply = await ask('the thing from the meeting yesterday', unsure(fixture, 'apis', 'security'));
    expect(reply.text).toMatch(DID_YOU_MEAN);
    expect(reply.buttons?.map((b) => b.label)).toEqual(['APIs', 'Security']);
  });

  it('GIVEN a question that names a label but asks about more THEN "did you mean"', async () => {
    const reply = await ask('404 page design ideas for our marketing site', unsure(fixture, 'apis'));
    expect(reply.text).toMatch(DID_YOU_MEAN);
    expect(reply.answersFrom).toBeUndefined();
  });

  it('GIVEN no plain answer but a passage of the likeliest entry with a specific word THEN it is offered as a guess, hedged', async () => {
    const reply = await ask('our pages 404 after the redesign, ideas?', unsure(fixture, 'apis', 'security'));
    expect(reply.text).toMatch(/^I'm not sure I understood\. If you're asking about \*\*APIs\*\*:/);
    expect(reply.text).toContain('**404 Not Found:**');
    expect(reply.text).toMatch(DID_YOU_MEAN);
    expect(reply.answersFrom).toBeUndefined();
    expect(reply.buttons?.map((b) => b.label)).toEqual(['Full guide: APIs', 'Security']);
  });

  it('GIVEN the likeliest entry matches only everyday words THEN plain "did you mean", no guess', async () => {
    const reply = await ask('the thing from the meeting yesterday', unsure(fixture, 'apis', 'security'));
    expect(reply.text).toBe("I'm not sure I understood. Did you mean one of these?");
  });

  it('GIVEN a word only a few passages use, with no label naming it THEN the passage that has it answers', async () => {
    const content = loadContent('content');
    const reply = await ask('what is hydration', unsure(content, 'databases', 'apis'), content);
    expect(reply.text).toMatch(/hydration/);
    expect(reply.title).toBe('Front-end basics');
  });

  it('GIVEN three terms and a passage holding only two THEN "did you mean"', async () => {
    const content = loadContent('content');
    // The MFA bullet says "factor" and "app", not "12": it is no answer to the twelve-factor app.
    const reply = await ask(
      'what is a 12 factor app',
      unsure(content, 'servers-deployment', 'security'),
      content,
    );
    expect(reply.text).toMatch(DID_YOU_MEAN);
  });

  it('GIVEN a comparison THEN only a passage about both sides answers', async () => {
    const content = loadContent('content');
    const both = await ask('sql or nosql for our app', unsure(content, 'databases'), content);
    expect(both.text).toMatch(/^(- )?\*\*SQL vs NoSQL/);
    // Several passages mention PostgreSQL and MongoDB in passing; none weighs one against the other.
    const passing = await ask('postgres or mongo', unsure(content, 'databases'), content);
    expect(passing.text).toMatch(DID_YOU_MEAN);
  });

  it('GIVEN the likeliest reading is about the bot itself THEN no guide passage answers', async () => {
    const content = loadContent('content');
    const reply = await ask(
      'how do I change my time zone',
      unsure(content, 'bot-timezones', 'problem-solving'),
      content,
    );
    expect(reply.text).toMatch(DID_YOU_MEAN);
  });
});

describe('an unsure classifier and questions about the bot itself', () => {
  const content = loadContent('content');
  const bodyOf = (id: string) => content.bot.find((b) => b.id === id)?.body;

  it('GIVEN two readings about the bot THEN the likelier one answers', async () => {
    const answerer = unsureScored(content, ['bot-about', 0.48], ['bot-capabilities', 0.35]);
    const reply = await ask('what exactly are you', answerer, content);
    expect(reply.text).toBe(bodyOf('bot-about'));
  });

  it('GIVEN a bot reading far ahead but none of its words THEN "did you mean"', async () => {
    const answerer = unsureScored(content, ['bot-about', 0.51], ['faq-required-skills', 0.1]);
    const reply = await ask('what is a closure', answerer, content);
    expect(reply.text).toMatch(DID_YOU_MEAN);
  });

  it('GIVEN a bot reading far ahead of a guide, in its words THEN that reply', async () => {
    const answerer = unsureScored(content, ['bot-streaks', 0.47], ['faq-future', 0.09]);
    const reply = await ask('will i lose my streak over the weekend', answerer, content);
    expect(reply.text).toBe(bodyOf('bot-streaks'));
  });

  it('GIVEN a bot reading only a little ahead of a guide THEN "did you mean"', async () => {
    const answerer = unsureScored(content, ['bot-freezes', 0.52], ['version-control', 0.19]);
    const reply = await ask('what is a code freeze before a release', answerer, content);
    expect(reply.text).toMatch(DID_YOU_MEAN);
  });

  it('GIVEN the likelier reading would check the member in THEN nothing is counted on a guess', async () => {
    const answerer = unsureScored(content, ['bot-checkin', 0.6], ['bot-checkin-howto', 0.3]);
    const { bot, deps } = testBot({ content, answerer });
    const reply = await bot.handleMessage(message('is there a way to log a day', deps));
    expect(reply.text).toMatch(DID_YOU_MEAN);
    // The guess says which command would do it, and does nothing.
    expect(reply.text).toMatch(/^I'm not sure I understood\. If you mean \*\*Check in\*\*: Type `done`/);
    expect(reply.buttons?.map((b) => b.value)).toEqual(['bot-checkin-howto']);
    // Today is still uncounted: the first real check-in counts it.
    const done = await bot.handleMessage(message('done', deps));
    expect(done.text).toMatch(/^✅ Counted/);
  });
});

describe('a weak reading about the bot', () => {
  it('GIVEN a bot reading below the guess line THEN plain "did you mean"', async () => {
    const content = loadContent('content');
    const answerer = unsureScored(content, ['bot-leaderboard', 0.2], ['communication', 0.15]);
    const reply = await ask('the ranking thing', answerer, content);
    expect(reply.text).toBe("I'm not sure I understood. Did you mean one of these?");
  });
});

describe('questions the bot should decline', () => {
  it('GIVEN every off-topic example the real classifier is not confident about THEN none gets a guide passage', () => {
    const content = loadContent('content');
    const answerer = createAnswerer(content);
    const file = readFileSync('content/offtopic/offtopic.md', 'utf8');
    const questions = matter(file).data.questions as string[];
    expect(questions.length).toBeGreaterThan(100);
    const answered = questions.filter((q) => {
      const result = answerer.answer(q);
      return result.tier !== 'confident' && /_From the /.test(answerReply(q, result, content).text);
    });
    expect(answered).toEqual([]);
  });
});

describe('question words meet the words of the passages', () => {
  it('GIVEN a question quoting code ("1=1") THEN passages showing that code match it, backticks or not', () => {
    const content = loadContent('content');
    const hits = buildPassageIndex(content).search("someone typed ' OR 1=1 -- in our login box", 'security');
    const injection = hits.findIndex((hit) => hit.passage.label === 'SQL injection');
    expect(injection).toBeGreaterThanOrEqual(0);
    expect(injection).toBeLessThan(3);
    expect(hits[injection]?.terms).toContain('1=1');
    expect(processTerm('`git`')).toBe('git');
  });

  it.each([
    ['cookies', 'cookie'],
    ['tries', 'trie'],
    ['queues', 'queue'],
    ['indexes', 'index'],
    ['queries', 'query'],
  ])('GIVEN "%s" and "%s" THEN both are one search term', (plural, singular) => {
    expect(processTerm(plural)).toBe(processTerm(singular));
  });
});
