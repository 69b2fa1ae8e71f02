/**
 * Core dependencies for streak tests with a tiny inline content set: streaks never read content,
 * and the real content folder is being written by others in parallel.
 */
import { createBot } from '../../src/bot.ts';
import type { Content } from '../../src/content/load.ts';
import type { CoreDeps } from '../../src/core.ts';
import { silentLogger } from '../../src/log.ts';
import { createInMemoryStore } from '../../src/store/in-memory.ts';
import type { Incoming } from '../../src/types.ts';

const content: Content = {
  entries: [],
  tips: [],
  bot: [],
  offTopic: [],
  language: { slang: [], misspellings: [] },
  entry: () => undefined,
  tip: () => undefined,
};

export function streakDeps(overrides: Partial<CoreDeps> = {}): CoreDeps {
  return {
    content,
    answerer: {
      answer: () => ({ tier: 'none', suggestions: [] }),
      lookup: () => ({ tier: 'none', suggestions: [] }),
    },
    store: createInMemoryStore(),
    clock: () => new Date('2026-03-04T10:00:00Z'),
    settings: { defaultTimezone: 'UTC', tips: { days: 'weekdays', catchupHours: 3 } },
    log: silentLogger,
    ...overrides,
  };
}

export function streakBot(overrides: Partial<CoreDeps> = {}) {
  const deps = streakDeps(overrides);
  return { deps, bot: createBot(deps) };
}

export interface Say {
  user?: string;
  at?: string | Date;
  isAdmin?: boolean;
  workspaceId?: string;
  platform?: Incoming['platform'];
  displayName?: string;
}

/** A message as one user at one instant (default: alice, the deps' clock). */
export function say(text: string, deps: CoreDeps, opts: Say = {}): Incoming {
  const user = opts.user ?? 'alice';
  return {
    platform: opts.platform ?? 'console',
    workspaceId: opts.workspaceId ?? 'local',
    channelId: 'general',
    userId: user,
    displayName: opts.displayName ?? user,
    isAdmin: opts.isAdmin ?? false,
    text,
    at: opts.at === undefined ? deps.clock() : new Date(opts.at),
  };
}
