/** The console adapter in-process, over in-memory streams: what tests type and what it printed. */
import { PassThrough } from 'node:stream';
import { createConsoleAdapter } from '../../adapters/console/index.ts';
import type { Bot } from '../../src/bot.ts';
import type { CoreDeps } from '../../src/core.ts';

export function consoleSession(bot: Bot, deps: CoreDeps, user = 'ada') {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  let ended!: () => void;
  const finished = new Promise<void>((resolve) => {
    ended = resolve;
  });
  const adapter = createConsoleAdapter({
    bot,
    log: deps.log,
    clock: deps.clock,
    input,
    output,
    user,
    interactive: false,
    onEnd: ended,
  });
  /** Everything printed so far. */
  const printed = () => text;
  return { adapter, input, finished, printed };
}
