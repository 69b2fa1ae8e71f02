import type { Adapter } from '../adapter.ts';
import { createAnswerer } from '../answer/engine.ts';
import { type Bot, createBot } from '../bot.ts';
import type { Config } from '../config.ts';
import { loadContent } from '../content/load.ts';
import type { Entry } from '../content/schema.ts';
import type { CoreDeps } from '../core.ts';
import type { Logger } from '../log.ts';
import { openStore } from '../store/lowdb.ts';
import { ensureEnvSchedule } from '../tips/schedule-rules.ts';
import { createScheduler } from '../tips/scheduler.ts';
import type { Clock } from '../types.ts';
import { type Readiness, startHealthServer } from './health.ts';
import { trackBot } from './inflight.ts';

/** How long shutdown waits for handlers already running. */
export const DRAIN_TIMEOUT_MS = 10_000;

export interface AppOptions {
  config: Config;
  log: Logger;
  clock: Clock;
  /** Build the adapters to run; the composition root decides which (it alone imports adapters). */
  makeAdapters: (context: AdapterContext) => Adapter[];
  /** Called when an adapter reports a fatal error after start-up. */
  onFatal: (error: Error) => void;
}

/** What the composition root hands each adapter it builds. */
export interface AdapterContext {
  bot: Bot;
  readiness: () => Readiness;
  /** Skill titles and ids, for platforms that autocomplete them. */
  skills: readonly Entry[];
  /** An adapter lost its connection for good (revoked token, disallowed intents): stop the process. */
  fatal: (error: Error) => void;
}

export interface RunningApp {
  readiness(): Readiness;
  /** Graceful: refuse new work, finish what is running, flush the store, release the lock, disconnect. */
  shutdown(reason: string): Promise<void>;
}

async function openCore(config: Config, log: Logger, clock: Clock): Promise<CoreDeps> {
  const content = loadContent(config.contentDir);
  const answerer = createAnswerer(content);
  const store = await openStore({ file: config.dataFile, log });
  const settings = { defaultTimezone: config.defaultTimezone, tips: config.tips };
  return { content, answerer, store, clock, settings, log };
}

async function startAdapters(adapters: Adapter[], deps: CoreDeps): Promise<void> {
  const started = await Promise.allSettled(adapters.map((adapter) => adapter.start()));
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    throw failure.reason;
  }
  for (const adapter of adapters) {
    const target = adapter.defaultTipTarget();
    if (target) await ensureEnvSchedule(deps, target);
  }
}

export async function startApp({
  config,
  log,
  clock,
  makeAdapters,
  onFatal,
}: AppOptions): Promise<RunningApp> {
  const deps = await openCore(config, log, clock);
  const tracked = trackBot(createBot(deps));
  const scheduler = createScheduler(deps);
  let adapters: Adapter[] = [];
  const readiness = (): Readiness => {
    const reasons = adapters.filter((a) => !a.isReady()).map((a) => `${a.platform} is not connected`);
    return { ready: adapters.length > 0 && reasons.length === 0, reasons };
  };
  const skills = deps.content.entries.filter((entry) => entry.kind === 'skill');
  adapters = makeAdapters({ bot: tracked.bot, readiness, skills, fatal: onFatal });
  for (const adapter of adapters) scheduler.addDelivery(adapter.delivery);
  try {
    await startAdapters(adapters, deps);
  } catch (error) {
    await deps.store.close();
    throw error;
  }
  scheduler.start();
  const health = config.healthPort ? await startHealthServer(config.healthPort, readiness) : undefined;
  log.info(
    {
      adapters: adapters.map((a) => a.platform),
      dataFile: config.dataFile,
      schedules: scheduler.scheduleCount(),
    },
    `skillbot started: adapters ${adapters.map((a) => a.platform).join(', ')}; data file ${config.dataFile}; ${scheduler.scheduleCount()} schedule(s) loaded`,
  );

  let stopping: Promise<void> | undefined;
  async function shutdown(reason: string): Promise<void> {
    log.info({ reason, inFlight: tracked.inFlight }, 'shutting down');
    tracked.close();
    await scheduler.stop();
    const drained = await tracked.drain(DRAIN_TIMEOUT_MS);
    if (!drained) log.warn({ inFlight: tracked.inFlight }, 'gave up waiting for handlers still running');
    await deps.store.close();
    await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    await new Promise<void>((resolve) => (health ? health.close(() => resolve()) : resolve()));
    log.info('stopped cleanly');
  }

  return {
    readiness,
    shutdown(reason) {
      stopping ??= shutdown(reason);
      return stopping;
    },
  };
}
