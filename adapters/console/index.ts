import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Adapter } from '../../src/adapter.ts';
import type { Bot } from '../../src/bot.ts';
import type { Delivery, TipTarget } from '../../src/delivery.ts';
import type { Logger } from '../../src/log.ts';
import type { Clock, Origin, Reply, ReplyButton } from '../../src/types.ts';
import { CONSOLE, SWITCH_USER_HELP } from './platform.ts';
import { PromptLine } from './prompt.ts';
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
  /** The prompt line, shared with the log sink so log lines never break it. Default: a new one. */
  prompt?: PromptLine;
  /** Render Markdown with terminal colours and bold (stdout is a terminal), else plain text. */
  color?: boolean;
  /** Called once when the input ends, after every line has been answered. */
  onEnd: () => void;
}

export const CONSOLE_TARGET: TipTarget = { platform: CONSOLE, workspaceId: 'local', channelId: 'console' };

const BANNER =
  'skillbot local console: type `help`, a question, or a command. ' +
  'To connect Slack or Discord, set SLACK_BOT_TOKEN or DISCORD_TOKEN (see README.md).';

const SWITCH_USER = /^:user\s+(\S{1,40})$/;
/** `:user` alone, or with more than one name: say how it is used rather than treat it as a question. */
const SWITCH_USER_WORD = /^:user\b/i;
const SWITCH_USER_USAGE = `Usage: \`${SWITCH_USER_HELP.usage}\` (one word, up to 40 characters): ${SWITCH_USER_HELP.help}.`;

/**
 * The local console: every line is a message from the console user, who is an admin.
 * Lines are handled one after another, so `done` then `streak` always reads in order.
 */
class ConsoleAdapter implements Adapter {
  readonly platform = CONSOLE;
  readonly delivery: Delivery;
  private user: string;
  private choices: ReplyButton[] = [];
  private ready = false;
  private posted = 0;
  private reader: ReturnType<typeof createInterface> | undefined;
  private readonly prompt: PromptLine;

  constructor(private readonly options: ConsoleOptions) {
    this.user = options.user;
    this.prompt = options.prompt ?? new PromptLine(options.output, options.interactive);
    this.delivery = { platform: CONSOLE, postTip: async (_target, post) => this.printPost(post) };
  }

  async start(): Promise<void> {
    this.options.output.write(`${BANNER}\n`);
    this.ready = true;
    void this.readLoop();
  }

  async stop(): Promise<void> {
    this.ready = false;
    this.reader?.close();
  }

  isReady(): boolean {
    return this.ready;
  }

  defaultTipTarget(): TipTarget {
    return CONSOLE_TARGET;
  }

  private origin(): Origin {
    return {
      ...CONSOLE_TARGET,
      userId: this.user,
      displayName: this.user,
      isAdmin: true,
      at: this.options.clock(),
    };
  }

  private show(reply: Reply): void {
    this.options.output.write(renderForTerminal(reply, { color: this.options.color === true }));
    if (reply.buttons?.length) this.choices = reply.buttons;
  }

  private printPost(post: Reply): { messageId: string } {
    this.prompt.around(() => {
      this.options.output.write('\n');
      this.show(post);
    });
    this.posted += 1;
    return { messageId: `console-${this.posted}` };
  }

  private async handleLine(raw: string): Promise<void> {
    const line = raw.trim();
    const switchTo = SWITCH_USER.exec(line)?.[1];
    if (switchTo) {
      this.user = switchTo;
      this.options.output.write(`(now acting as ${switchTo})\n`);
      return;
    }
    if (SWITCH_USER_WORD.test(line)) {
      this.show({ text: SWITCH_USER_USAGE, visibility: 'private' });
      return;
    }
    const { bot } = this.options;
    const choice = /^\d{1,2}$/.test(line) ? this.choices[Number(line) - 1] : undefined;
    const reply = choice
      ? await bot.handleAction({ ...this.origin(), actionId: choice.actionId, value: choice.value })
      : await bot.handleMessage({ ...this.origin(), text: raw });
    this.show(reply);
  }

  private async readLoop(): Promise<void> {
    const { input, output, log } = this.options;
    this.reader = createInterface({ input, terminal: false });
    this.prompt.show();
    for await (const line of this.reader) {
      this.prompt.taken();
      try {
        await this.handleLine(line);
      } catch (error) {
        log.error({ err: error }, 'console line failed');
        output.write('Sorry, something went wrong with that line.\n');
      }
      this.prompt.show();
    }
    this.options.onEnd();
  }
}

export function createConsoleAdapter(options: ConsoleOptions): Adapter {
  return new ConsoleAdapter(options);
}
