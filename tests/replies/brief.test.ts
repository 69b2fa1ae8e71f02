import { describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/types.ts';
import { loadContent } from '../../src/content/load.ts';
import type { Entry } from '../../src/content/schema.ts';
import { PASSAGE_BUDGET } from '../../src/replies/compose.ts';
import { entryPassages } from '../../src/replies/passages.ts';
import { ACTIONS, type Reply } from '../../src/types.ts';
import { message, testBot } from '../support/core.ts';

const content = loadContent('tests/fixtures/replies-content');

/** A classifier that always picks `id`: these tests are about the reply, not the routing. */
function answering(id: string, from = content): Answerer {
  const entry = from.entry(id);
  if (!entry) throw new Error(`no entry ${id}`);
  const confident = { tier: 'confident' as const, best: { entry, score: 1 }, suggestions: [] };
  return { answer: () => confident, lookup: () => confident };
}

async function ask(question: string, id = 'apis', from = content) {
  const { bot, deps } = testBot({ content: from, answerer: answering(id, from) });
  const reply = await bot.handleMessage(message(question, deps));
  return { bot, deps, reply };
}

const fullGuide = (reply: Reply) => reply.buttons?.find((b) => b.label.startsWith('Full guide'));

describe('a question gets the passage that answers it, not the whole entry', () => {
  it('GIVEN "401 vs 403" THEN the first lines name both codes and the reply is short', async () => {
    const { reply } = await ask('401 vs 403');
    const firstLines = reply.text.split('\n').slice(0, 2).join('\n');
    expect(firstLines).toContain('401 Unauthorized');
    expect(firstLines).toContain('403 Forbidden');
    expect(reply.text).not.toContain('Offset pagination');
    expect(reply.text.length).toBeLessThan(PASSAGE_BUDGET + 100);
    expect(reply.title).toBe('APIs');
    expect(reply.text).toMatch(/From the APIs guide \(Status codes\)/);
  });

  it('GIVEN a question two bullets answer together THEN both lead, as a list', async () => {
    const { reply } = await ask('offset vs cursor pagination, which one?');
    expect(reply.text).toMatch(/^- \*\*Offset pagination:\*\*/m);
    expect(reply.text).toMatch(/^- \*\*Cursor pagination:\*\*/m);
    expect(reply.text).not.toContain('401');
    // The best passage leads in full; a later one shows its opening only.
    const items = reply.text.split('\n').filter((line) => line.startsWith('- '));
    expect(items.slice(1).every((item) => item.length <= 2 + 180)).toBe(true);
  });

  it('GIVEN a question a tip answers THEN the tip leads, under its skill', async () => {
    const { reply } = await ask('how do idempotency keys stop double charges');
    expect(reply.text).toMatch(/^\*\*Tip: Make retried payments safe with idempotency keys\.\*\*/);
    expect(reply.title).toBe('APIs');
  });

  it('GIVEN a situation in words the bullet never uses THEN the bullet whose asks describe it leads', async () => {
    const { reply } = await ask('why does scrolling to page 9000 take forever');
    expect(reply.text.split('\n')[0]).toContain('Cursor pagination');
    const { reply: turnedAway } = await ask('logged in fine but the admin page turns me away', 'apis');
    expect(turnedAway.text.split('\n')[0]).toContain('403 Forbidden');
  });

  it('GIVEN a question no passage matches THEN the entry summary leads', async () => {
    const { reply } = await ask('zzz qqq');
    expect(reply.text).toMatch(/^An API is the contract/);
  });

  it('GIVEN the Full guide button THEN it shows the whole entry, as `skill <name>` does', async () => {
    const { bot, deps, reply } = await ask('401 vs 403');
    const button = fullGuide(reply);
    expect(button?.label).toBe('Full guide: APIs');
    expect(reply.buttons?.map((b) => b.label)).toContain('Security');
    const action = { ...message('', deps), actionId: button?.actionId ?? '', value: button?.value ?? '' };
    const full = await bot.handleAction(action);
    expect(full.text).toBe(content.entry('apis')?.body);
    expect(full.text).toContain('Offset pagination');
    const skill = await bot.handleMessage(message('skill apis', deps));
    expect(skill.text).toBe(full.text);
    expect(button?.actionId).toBe(ACTIONS.entry);
  });
});

describe('career answers and lists', () => {
  const shipped = loadContent('content');

  it('GIVEN a career question THEN its answer in brief leads, not one bullet of it', async () => {
    const { reply } = await ask('is backend a good career to get into going forward?', 'faq-future', shipped);
    const summary = shipped.entry('faq-future')?.summary ?? '';
    expect(reply.text.startsWith(summary)).toBe(true);
    expect(reply.text.length).toBeLessThan(PASSAGE_BUDGET + 100);
  });

  it('GIVEN a career question about something its summary leaves out THEN the passage on it follows the summary', async () => {
    const { reply } = await ask(
      'do I need a degree to get hired as a backend developer?',
      'faq-become-backend-developer',
      shipped,
    );
    expect(reply.text).toContain(shipped.entry('faq-become-backend-developer')?.summary ?? '?');
    expect(reply.text).toMatch(/No degree is needed/);
  });

  it('GIVEN a paragraph that introduces a list THEN the list comes with it', () => {
    const body =
      'Before you ship, check these:\n\n- **Tests:** they pass.\n- **Logs:** no secrets.\n\nThen deploy.';
    const entry = { ...(shipped.entry('servers-deployment') as Entry), body };
    const [intro, first, second, after] = entryPassages(entry);
    expect(intro?.text).toBe(
      'Before you ship, check these:\n- **Tests:** they pass.\n- **Logs:** no secrets.',
    );
    expect([first?.label, second?.label]).toEqual(['Tests', 'Logs']);
    expect(after?.text).toBe('Then deploy.');
  });
});
