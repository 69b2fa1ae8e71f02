import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/engine.ts';
import type { Reply } from '../../src/types.ts';
import { ACTIONS } from '../../src/types.ts';
import { message, testBot, testDeps } from '../support/core.ts';

async function ask(text: string): Promise<Reply> {
  const { bot, deps } = testBot();
  return bot.handleMessage(message(text, deps));
}

function allText(reply: Reply): string {
  return [
    reply.title,
    reply.text,
    ...(reply.bullets ?? []),
    ...(reply.buttons ?? []).map((b) => b.label),
  ].join('\n');
}

describe('list', () => {
  it('GIVEN list THEN every skill with a summary, every career question, and how to see one', async () => {
    const reply = await ask('list');
    const { entries } = testDeps().content;
    const skills = entries.filter((e) => e.kind === 'skill');
    const career = entries.filter((e) => e.kind === 'faq');
    expect(career.length).toBeGreaterThan(0);
    expect(reply.bullets).toHaveLength(skills.length + career.length);
    for (const entry of [...skills, ...career]) expect(reply.bullets?.join('\n')).toContain(entry.title);
    expect(reply.text).toContain('skill <name>');
    expect(reply.visibility).toBe('public');
  });
});

describe('skill <name>', () => {
  it('GIVEN a loose name THEN the entry in depth with related entries as buttons', async () => {
    const reply = await ask('skill dbs');
    const databases = testDeps().content.entry('databases');
    expect(reply.title).toBe('Databases');
    expect(reply.text).toBe(databases?.body);
    expect(reply.buttons?.map((b) => b.value)).toEqual(databases?.related);
    for (const button of reply.buttons ?? []) expect(button.actionId).toBe(ACTIONS.entry);
  });

  it.each([
    ['skill git', 'Version control'],
    ['skill k8s', 'Servers and deployment'],
    ['skill front end', 'Front-end basics'],
  ])('GIVEN %j THEN %s', async (text, title) => {
    expect((await ask(text)).title).toBe(title);
  });

  it('GIVEN a name that is nothing I know THEN the list, saying so', async () => {
    const reply = await ask('skill underwater basket weaving');
    expect(reply.text).toMatch(/don't know a skill called “underwater basket weaving”/);
    expect(reply.bullets?.length).toBeGreaterThan(0);
  });
});

describe('questions', () => {
  it('GIVEN a clear question THEN title, body, shareable, public, related buttons', async () => {
    for (const text of ['ask how do I undo a bad commit', 'how do I undo a bad commit']) {
      const reply = await ask(text);
      expect(reply.title).toBe('Version control');
      expect(reply.shareable).toBe(true);
      expect(reply.visibility).toBe('public');
      expect(reply.buttons?.length).toBeGreaterThan(0);
    }
  });

  it('GIVEN an off-topic question THEN an honest refusal that quotes it and points to list and help', async () => {
    const reply = await ask('what is the wifi password');
    expect(reply.text).toContain('“what is the wifi password” is outside what I know');
    expect(reply.text).toContain('`list`');
    expect(reply.text).toContain('`help`');
    expect(reply.buttons).toBeUndefined();
  });

  it('GIVEN a near miss THEN "Did you mean" with up to 3 entry buttons', async () => {
    const deps = testDeps();
    const strict = createAnswerer(deps.content, { calibration: { confident: 1.01 } });
    const { bot } = testBot({ answerer: strict });
    const reply = await bot.handleMessage(message('postgres or mongo', deps));
    expect(reply.text).toMatch(/did you mean/i);
    expect(reply.buttons?.length).toBeGreaterThan(0);
    expect(reply.buttons?.length).toBeLessThanOrEqual(3);
    expect(reply.buttons?.[0]).toMatchObject({ actionId: ACTIONS.entry, value: 'databases' });
  });

  it.each([
    '<!channel> what is the wifi password',
    '@everyone where is lunch',
    '@here <!everyone> <@U0123> <@&987> tune my guitar',
  ])('GIVEN the hostile %j THEN no live mention comes back', async (text) => {
    const reply = await ask(text);
    const out = allText(reply);
    expect(out).not.toMatch(/<[!@#&]/);
    expect(out).not.toMatch(/@(everyone|here|channel)\b/);
  });

  it('GIVEN 2,000 characters of junk THEN a short reply, not an exception', async () => {
    const junk = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(33 + ((i * 31) % 90))).join('');
    const reply = await ask(junk);
    expect(reply.text.length).toBeLessThan(600);
  });
});

describe('chat basics', () => {
  it.each([
    ['hi', /skillbot/],
    ['thanks!', /welcome/i],
    ['what is a freeze', /every 7 check-in days/],
  ])('GIVEN %j THEN the friendly reply written in content/bot, not a refusal', async (text, expected) => {
    const reply = await ask(text);
    expect(reply.text).toMatch(expected);
    expect(reply.text).not.toMatch(/outside what I know/);
  });

  it('GIVEN "I learned it" THEN today is counted with the usual confirmation, once', async () => {
    const { bot, deps } = testBot();
    const first = await bot.handleMessage(message('I learned it', deps));
    expect(first.text).toMatch(/Counted .* as a learning day/);
    const again = await bot.handleMessage(message('done for today', deps));
    expect(again.text).toMatch(/already checked in today/);
    const streak = await bot.handleMessage(message('streak', deps));
    expect(streak.fields?.find((f) => f.label === 'Current streak')?.value).toMatch(/^1 day/);
  });

  it('GIVEN "my streak" THEN the streak itself', async () => {
    const reply = await ask('my streak');
    expect(reply.title).toBe('Your learning streak');
  });

  it('GIVEN `ask` alone THEN its usage line, not an answer', async () => {
    const reply = await ask('ask');
    expect(reply.text).toMatch(/^Usage: `ask <question>`/);
    expect(reply.title).toBeUndefined();
  });
});

describe('the entry button', () => {
  it('GIVEN an entry id THEN that entry', async () => {
    const { bot, deps } = testBot();
    const reply = await bot.handleAction({
      ...message('', deps),
      actionId: ACTIONS.entry,
      value: 'faq-salary',
    });
    expect(reply.title).toBe(deps.content.entry('faq-salary')?.title);
    expect(reply.visibility).toBe('public');
  });

  it('GIVEN an id that no longer exists THEN a polite private message', async () => {
    const { bot, deps } = testBot();
    const reply = await bot.handleAction({ ...message('', deps), actionId: ACTIONS.entry, value: 'gone' });
    expect(reply.text).toMatch(/can't find that topic/);
    expect(reply.visibility).toBe('private');
  });
});
