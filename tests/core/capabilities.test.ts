/** The core builds replies against what a platform declares it can do, for any platform id. */
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.ts';
import { defineCommand } from '../../src/commands/registry.ts';
import { SHORTENED } from '../../src/fit.ts';
import { BASIC_CAPABILITIES, type Capabilities, type PlatformSpec } from '../../src/platform.ts';
import { message, testDeps } from '../support/core.ts';

const roomy: Capabilities = {
  privateReplies: true,
  buttons: { perRow: 10, total: 10 },
  homeView: true,
  sharePrivateAnswers: true,
  visibilityUpFront: false,
  maxTextLength: 100_000,
};

/** A third platform, registered by id: the core needs no edit to serve it. */
const pager: PlatformSpec = {
  id: 'pager',
  capabilities: {
    privateReplies: true,
    buttons: { perRow: 2, total: 2 },
    homeView: false,
    sharePrivateAnswers: false,
    visibilityUpFront: true,
    maxTextLength: 500,
  },
  help: [{ usage: ':page NAME', help: 'page a teammate' }],
};

const wide: PlatformSpec = { id: 'wide', capabilities: roomy };

function botFor() {
  const deps = testDeps();
  const bot = createBot(deps, { platforms: [pager, wide] });
  const on = (platform: string, text: string) => ({ ...message(text, deps), platform });
  return { bot, deps, on };
}

describe('replies fit the asker platform', () => {
  it('cuts long text at a sentence, keeps the first buttons, and offers sharing only where it exists', async () => {
    const { bot, on } = botFor();
    const narrow = await bot.handleMessage(on('pager', 'skill databases'));
    expect(narrow.text.length).toBeLessThanOrEqual(500);
    expect(narrow.text.endsWith(SHORTENED)).toBe(true);
    expect(narrow.buttons).toHaveLength(2);
    expect(narrow.shareable).toBeUndefined();

    const full = await bot.handleMessage(on('wide', 'skill databases'));
    expect(full.text.length).toBeGreaterThan(500);
    expect(full.buttons?.slice(0, 2)).toEqual(narrow.buttons);
    expect(full.buttons?.length).toBeGreaterThan(2);
    expect(full.shareable).toBe(true);
  });

  it('adds the platform help lines to help, and only there', async () => {
    const { bot, on } = botFor();
    const onPager = await bot.handleMessage(on('pager', 'help'));
    const onWide = await bot.handleMessage(on('wide', 'help'));
    expect(onPager.bullets).toContain('`:page NAME`: page a teammate');
    expect(onWide.bullets?.join('\n')).not.toContain(':page');
  });

  it('keeps a command declared private private where visibility is fixed up front', async () => {
    const deps = testDeps();
    const leaky = createBot(deps, {
      platforms: [pager, wide],
      commands: [
        defineCommand({
          name: 'secret',
          args: {},
          audience: 'everyone',
          visibility: 'private',
          help: 'a private command whose handler forgets',
          example: 'secret',
          run: () => ({ text: 'only for you', visibility: 'public' }),
        }),
      ],
    });
    const origin = (platform: string) => ({ ...message('', deps), platform });
    expect((await leaky.handleCommand(origin('pager'), { name: 'secret', args: {} })).visibility).toBe(
      'private',
    );
    expect((await leaky.handleCommand(origin('wide'), { name: 'secret', args: {} })).visibility).toBe(
      'public',
    );
  });

  it('gives a platform it does not know only the basic capabilities', async () => {
    const { bot, on } = botFor();
    const reply = await bot.handleMessage(on('unknown', 'skill databases'));
    expect(reply.text.length).toBeLessThanOrEqual(BASIC_CAPABILITIES.maxTextLength);
    expect(reply.buttons?.length ?? 0).toBeLessThanOrEqual(BASIC_CAPABILITIES.buttons.total);
  });

  it('refuses two platforms that register the same id', () => {
    expect(() => createBot(testDeps(), { platforms: [pager, { ...wide, id: 'pager' }] })).toThrow(/pager/);
  });
});
