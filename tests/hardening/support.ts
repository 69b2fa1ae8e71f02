/** Shared apps for the bad-input table: one per platform, each with a cheap "still alive?" probe. */
import { PassThrough } from 'node:stream';
import { createConsoleAdapter } from '../../adapters/console/index.ts';
import type { Adapter } from '../../src/adapter.ts';
import { silentLogger } from '../../src/log.ts';
import { testBot } from '../support/core.ts';

/** The console adapter in-process, fed line by line; each line's output is what it printed before the next sentinel. */
export async function startConsole() {
  const { deps, bot } = testBot();
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const adapter: Adapter = createConsoleAdapter({
    bot,
    log: silentLogger,
    clock: deps.clock,
    input,
    output,
    user: 'grace',
    interactive: false,
    onEnd: () => {},
  });
  await adapter.start();
  let sentinels = 0;
  /** Type `line`; resolves with everything printed in answer to it (a sentinel question marks the end). */
  async function say(line: string): Promise<string> {
    sentinels += 1;
    const marker = `zqxsentinel${sentinels}`;
    const from = printed.length;
    input.write(`${line}\n${marker}\n`);
    const deadline = Date.now() + 10_000;
    while (!printed.includes(marker, from) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (!printed.includes(marker, from))
      throw new Error(`the console stopped answering after ${JSON.stringify(line.slice(0, 40))}`);
    const answer = printed.slice(from, printed.indexOf(marker, from));
    return answer.slice(0, answer.lastIndexOf('\n', answer.length) + 1);
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
