import { describe, expect, it } from 'vitest';
import { CONSOLE_TARGET } from '../../adapters/console/index.ts';
import { consolePlatform } from '../../adapters/console/platform.ts';
import { createBot } from '../../src/bot.ts';
import { buildPost } from '../../src/tips/post.ts';
import { consoleSession } from '../support/console.ts';
import { testDeps } from '../support/core.ts';

function consoleWithBot() {
  const deps = testDeps();
  // The console as the composition root builds it: help knows the console's own command.
  const bot = createBot(deps, { platforms: [consolePlatform] });
  const { adapter, input, finished, printed } = consoleSession(bot, deps);
  return { adapter, deps, input, finished, output: printed };
}

describe('the console adapter', () => {
  it('lists `:user NAME` in help, and answers `:user` without a name with its usage', async () => {
    const { adapter, input, finished, output } = consoleWithBot();
    await adapter.start();
    input.end('help\n:user\n:user two words\n:user sam\n');
    await finished;
    expect(output()).toContain(':user NAME: act as another team member');
    expect(output().match(/Usage: :user NAME/g)).toHaveLength(2);
    expect(output()).toContain('(now acting as sam)');
  });

  it('prints the daily post and takes a typed option number as the quiz answer', async () => {
    const { adapter, deps, input, finished, output } = consoleWithBot();
    await adapter.start();
    const tip = deps.content.tips[0];
    if (!tip) throw new Error('no tips in content');
    const date = '2026-03-04';
    await adapter.delivery.postTip(
      CONSOLE_TARGET,
      buildPost(deps.content, tip, date),
      `console:local:console:${date}`,
    );
    const right = tip.quiz.answer + 2; // [1] is "I learned it"; options follow.
    input.end(`${right}\nstreak\n`);
    await finished;

    const text = output();
    expect(text).toContain(`Skill of the day`);
    expect(text).toContain(`[${right}] ${tip.quiz.options[tip.quiz.answer]}`);
    expect(text).toMatch(/✅ Right/);
    expect(text).toContain('Current streak: 1 day');
  });

  it('switches the acting user with :user and keeps people apart', async () => {
    const { adapter, input, finished, output } = consoleWithBot();
    await adapter.start();
    input.end('done\n:user grace\ndone\ntop\n');
    await finished;
    const text = output();
    expect(text).toContain('(now acting as grace)');
    expect(text.match(/Counted/g)).toHaveLength(2);
    expect(text).toMatch(/1\. ada/);
    expect(text).toMatch(/grace/);
  });

  it('treats a number with no buttons on screen as an ordinary message', async () => {
    const { adapter, input, finished, output } = consoleWithBot();
    await adapter.start();
    input.end('7\n');
    await finished;
    expect(output()).toMatch(/outside what I know|help/);
  });
});
