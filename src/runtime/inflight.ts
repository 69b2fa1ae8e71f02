import type { Bot } from '../bot.ts';
import type { Reply } from '../types.ts';

export interface TrackedBot {
  bot: Bot;
  /** Refuse new work from now on (graceful shutdown has begun). */
  close(): void;
  /** Resolve true when every handler in flight has finished, false when `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
  readonly inFlight: number;
}

const SHUTTING_DOWN: Reply = {
  text: "I'm restarting right now, so I couldn't handle that. Please try again in a minute.",
  visibility: 'private',
};

/** Wrap a bot so shutdown can stop new work and wait for the work already started. */
export function trackBot(inner: Bot): TrackedBot {
  const pending = new Set<Promise<unknown>>();
  let closed = false;

  function track(run: () => Promise<Reply>): Promise<Reply> {
    if (closed) return Promise.resolve(SHUTTING_DOWN);
    const work = run();
    pending.add(work);
    void work.finally(() => pending.delete(work));
    return work;
  }

  const bot: Bot = {
    handleMessage: (msg) => track(() => inner.handleMessage(msg)),
    handleCommand: (origin, call) => track(() => inner.handleCommand(origin, call)),
    handleAction: (action) => track(() => inner.handleAction(action)),
    complete: (command, argument, typed, limit) => inner.complete(command, argument, typed, limit),
    home: (origin) => track(() => inner.home(origin)),
    commands: inner.commands,
  };

  return {
    bot,
    close() {
      closed = true;
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const settled = Promise.allSettled([...pending]).then(() => true);
      const result = await Promise.race([settled, timeout]);
      clearTimeout(timer);
      return result;
    },
    get inFlight() {
      return pending.size;
    },
  };
}
