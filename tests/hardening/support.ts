/** Shared apps for the bad-input table: one per platform, each with a cheap "still alive?" probe. */
import type { CoreDeps } from '../../src/core.ts';
import { consoleSession } from '../support/console.ts';
import { testBot } from '../support/core.ts';

/** The console adapter in-process, fed line by line; each line's output is what it printed in answer. */
export async function startConsole(overrides: Partial<CoreDeps> = {}) {
  const { deps, bot } = testBot(overrides);
  const { adapter, input, printed } = consoleSession(bot, deps, 'grace');
  await adapter.start();
  /**
   * `:user` alone always prints its usage line, and nothing else does: typed after each line, it
   * marks where the answer to that line ends.
   */
  const END_MARK = '(one word, up to 40 characters)';
  /** Type `line`; resolves with everything printed in answer to it. */
  async function say(line: string): Promise<string> {
    const from = printed().length;
    input.write(`${line}\n:user\n`);
    const deadline = Date.now() + 10_000;
    while (!printed().includes(END_MARK, from) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const end = printed().indexOf(END_MARK, from);
    if (end < 0) throw new Error(`the console stopped answering after ${JSON.stringify(line.slice(0, 40))}`);
    const answer = printed().slice(from, end);
    return answer.slice(0, answer.lastIndexOf('\n') + 1);
  }
  return {
    deps,
    say,
    /** Alive and responsive: an ordinary question still gets its answer. */
    async alive(): Promise<boolean> {
      return /version control/i.test(await say('what is git'));
    },
    async close() {
      input.end();
      await adapter.stop();
    },
  };
}
