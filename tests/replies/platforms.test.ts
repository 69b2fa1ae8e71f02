import { describe, expect, it } from 'vitest';
import { renderForTerminal } from '../../adapters/console/render.ts';
import { ButtonIds } from '../../adapters/discord/custom-id.ts';
import { renderReply as renderDiscord } from '../../adapters/discord/render.ts';
import { renderReply as renderSlack } from '../../adapters/slack/render.ts';
import type { Answerer } from '../../src/answer/types.ts';
import { loadContent } from '../../src/content/load.ts';
import type { Reply } from '../../src/types.ts';
import { message, testBot } from '../support/core.ts';

const content = loadContent('tests/fixtures/replies-content');

async function shortAnswer(question: string): Promise<Reply> {
  const entry = content.entry('apis');
  if (!entry) throw new Error('no apis entry');
  const confident = { tier: 'confident' as const, best: { entry, score: 1 }, suggestions: [] };
  const answerer: Answerer = { answer: () => confident, lookup: () => confident };
  const { bot, deps } = testBot({ content, answerer });
  return bot.handleMessage(message(question, deps));
}

/** A sentence from a section the question did not ask about: only the full guide has it. */
const ELSEWHERE = 'deep pages get slow';

describe('every platform renders the short answer', () => {
  it('GIVEN the console THEN the passage, then Full guide and related entries as numbered choices', async () => {
    const text = renderForTerminal(await shortAnswer('401 vs 403'));
    expect(text).toContain('403 Forbidden');
    expect(text).not.toContain(ELSEWHERE);
    expect(text).toMatch(/\[1\] Full guide: APIs\n {2}\[2\] Security/);
  });

  it('GIVEN Slack THEN Block Kit with the passage in a section and the buttons in one actions block', async () => {
    const { blocks, text } = renderSlack(await shortAnswer('401 vs 403'));
    const json = JSON.stringify(blocks);
    expect(json).toContain('403 Forbidden');
    expect(json).not.toContain(ELSEWHERE);
    expect(text).toContain('401 Unauthorized');
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(1);
    expect(json).toContain('"text":"Full guide: APIs"');
  });

  it('GIVEN Discord THEN one embed with the passage and one row of buttons', async () => {
    const { embeds, components } = renderDiscord(await shortAnswer('401 vs 403'), new ButtonIds());
    expect(embeds[0]?.title).toBe('APIs');
    expect(embeds[0]?.description).toContain('403 Forbidden');
    expect(embeds[0]?.description).not.toContain(ELSEWHERE);
    expect(components).toHaveLength(1);
    expect(components[0]?.components.map((c) => c.label)).toEqual(['Full guide: APIs', 'Security']);
  });
});
