/** The short answer's buttons follow what the asker's platform declares, not a number in the core. */
import { describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/types.ts';
import { createBot } from '../../src/bot.ts';
import { loadContent } from '../../src/content/load.ts';
import { BASIC_CAPABILITIES, type PlatformSpec } from '../../src/platform.ts';
import { message, testDeps } from '../support/core.ts';

const content = loadContent('content');

/** Databases has three related entries: a Full guide button plus three. */
function answeringDatabases(): Answerer {
  const entry = content.entry('databases');
  if (!entry) throw new Error('no databases entry');
  const confident = { tier: 'confident' as const, best: { entry, score: 1 }, suggestions: [] };
  return { answer: () => confident, lookup: () => confident };
}

const platform = (id: string, perRow: number, total: number): PlatformSpec => ({
  id,
  capabilities: { ...BASIC_CAPABILITIES, buttons: { perRow, total } },
});

async function buttonsOn(perRow: number, total: number): Promise<string[]> {
  const deps = testDeps({ content, answerer: answeringDatabases() });
  const bot = createBot(deps, { platforms: [platform('narrow-row', perRow, total)] });
  const reply = await bot.handleMessage({ ...message('what is an index', deps), platform: 'narrow-row' });
  return (reply.buttons ?? []).map((b) => b.label);
}

describe('the short answer keeps one row of buttons, as the platform declares it', () => {
  it('GIVEN two buttons per row of ten in all THEN Full guide and the first related entry', async () => {
    const labels = await buttonsOn(2, 10);
    expect(labels).toHaveLength(2);
    expect(labels[0]).toBe('Full guide: Databases');
  });

  it('GIVEN a wide row THEN Full guide and every related entry', async () => {
    const related = content.entry('databases')?.related.length ?? 0;
    expect(related).toBeGreaterThan(1);
    const labels = await buttonsOn(25, 25);
    expect(labels).toHaveLength(1 + related);
  });

  it('GIVEN a row wider than the message allows THEN the message total wins', async () => {
    expect(await buttonsOn(25, 3)).toHaveLength(3);
  });
});
