import { createAnswerer } from '../../src/answer/engine.ts';
import { createBot } from '../../src/bot.ts';
import { loadContent } from '../../src/content/load.ts';
import type { CoreDeps } from '../../src/core.ts';
import { silentLogger } from '../../src/log.ts';
import { createInMemoryStore } from '../../src/store/in-memory.ts';
import type { Incoming } from '../../src/types.ts';

const content = loadContent('content');
const answerer = createAnswerer(content);

/** Core dependencies for tests: the real content and answerer, a memory store, a fixed clock. */
export function testDeps(overrides: Partial<CoreDeps> = {}): CoreDeps {
  return {
    content,
    answerer,
    store: createInMemoryStore(),
    clock: () => new Date('2026-03-04T10:00:00Z'),
    settings: { defaultTimezone: 'UTC', tips: { days: 'weekdays', catchupHours: 3 } },
    log: silentLogger,
    ...overrides,
  };
}

export function testBot(overrides: Partial<CoreDeps> = {}) {
  const deps = testDeps(overrides);
  return { deps, bot: createBot(deps) };
}

/** A console-style message from `user` at the deps' clock. */
export function message(text: string, deps: CoreDeps, user = 'alice', isAdmin = true): Incoming {
  return {
    platform: 'console',
    workspaceId: 'local',
    channelId: 'console',
    userId: user,
    displayName: user,
    isAdmin,
    text,
    at: deps.clock(),
  };
}
