import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Adapter } from '../../src/adapter.ts';
import type { Bot } from '../../src/bot.ts';
import type { Delivery, TipTarget } from '../../src/delivery.ts';
import type { Logger } from '../../src/log.ts';
import type { Clock, Origin, Reply, ReplyButton } from '../../src/types.ts';
import { renderForTerminal } from './render.ts';

export interface ConsoleOptions {
  bot: Bot;
  log: Logger;
  clock: Clock;
  input: Readable;
  output: Writable;
  /** The acting user's name (`--user NAME`). */
  user: string;
  /** Show a prompt (only on a terminal; piped input gets replies only). */
  interactive: boolean;
  /** Called once when the input ends, after every line has been answered. */
  onEnd: () => void;
}

export const CONSOLE_TARGET: TipTarget = { platform: 'console', workspaceId: 'local', channelId: 'console' };

const BANNER =
  'skillbot local console: type `help`, a question, or a command. ' +
  'To connect Slack or Discord, set SLACK_BOT_TOKEN or DISCORD_TOKEN (see README.md).';

/** `:user NAME` switches the acting user, so one console can play a whole team. */
const SWITCH_USER = /^:user\s+(\S{1,40})$/;

/**
 * The local console: every line is a message from the console user, who is an admin.
 * Lines are handled one after another, so `done` then `streak` always reads in order.
 */
export function createConsoleAdapter(options: ConsoleOptions): Adapter {
  const { bot, output } = options;
  let user = options.user;
  let choices: ReplyButton[] = [];
  let ready = false;
  let posted = 0;
  let reader: ReturnType<typeof createInterface> | undefined;

  const origin = (): Origin => ({
    ...CONSOLE_TARGET,
    userId: user,
    displayName: user,
    isAdmin: true,
    at: options.clock(),
  });

  function show(reply: Reply): void {
    output.write(renderForTerminal(reply));
    if (reply.buttons?.length) choices = reply.buttons;
  }

  async function handleLine(raw: string): Promise<void> {
    const line = raw.trim();
    const switchTo = SWITCH_USER.exec(line);
    if (switchTo?.[1]) {
      user = switchTo[1];
      output.write(`(now acting as ${user})\n`);
      return;
    }
    const choice = /^\d{1,2}$/.test(line) ? choices[Number(line) - 1] : undefined;
    if (choice) {
      show(await bot.handleAction({ ...origin(), actionId: choice.actionId, value: choice.value }));
      return;
    }
    show(await bot.handleMessage({ ...origin(), text: raw }));
  }

  const delivery: Delivery = {
    platform: 'console',
    async postTip(_target, post) {
      output.write('\n');
      show(post);
      posted += 1;
      return { messageId: `console-${posted}` };
    },
  };

  async function readLoop(): Promise<void> {
    reader = createInterface({ input: options.input, terminal: false });
    const prompt = () => options.interactive && output.write('> ');
    prompt();
    for await (const line of reader) {
      try {
        await handleLine(line);
      } catch (error) {
        options.log.error({ err: error }, 'console line failed');
        output.write('Sorry, something went wrong with that line.\n');
      }
      prompt();
    }
    options.onEnd();
  }

  return {
    platform: 'console',
    delivery,
    async start() {
      output.write(`${BANNER}\n`);
      ready = true;
      void readLoop();
    },
    async stop() {
      ready = false;
      reader?.close();
    },
    isReady: () => ready,
    defaultTipTarget: () => CONSOLE_TARGET,
  };
}
