import type { Server } from 'node:http';
import type { Adapter } from '../adapter.ts';
import { createAnswerer } from '../answer/engine.ts';
import { type Bot, createBot } from '../bot.ts';
import type { Config } from '../config.ts';
import { loadContent } from '../content/load.ts';
import type { CoreDeps } from '../core.ts';
import type { Logger } from '../log.ts';
import type { PlatformSpec } from '../platform.ts';
import { type Leadership, soleInstance } from '../store/leadership.ts';
import { openConfiguredStore } from '../store/open.ts';
import { ensureEnvSchedule } from '../tips/schedule-rules.ts';
import { createScheduler } from '../tips/scheduler.ts';
import type { Clock } from '../types.ts';
import { type Readiness, startHealthServer } from './health.ts';
import { closeGracefully } from './http-server.ts';
import { trackBot } from './inflight.ts';

/**
 * How long shutdown waits for handlers already running. With the HTTP grace period and the
 * store's flush it keeps the whole shutdown well inside the 10 s a supervisor allows.
 */
export const DRAIN_TIMEOUT_MS = 5_000;

export interface AppOptions {
  config: Config;
  log: Logger;
  clock: Clock;
  /** Build the adapters to run; the composition root decides which (it alone imports adapters). */
  makeAdapters: (context: AdapterContext) => Adapter[];
  /** Called when an adapter reports a fatal error after start-up. */
  onFatal: (error: Error) => void;
  /** Every platform the composition root knows: what each can do, and its help lines. */
  platforms?: readonly PlatformSpec[];
}

/** What the composition root hands each adapter it builds. */
export interface AdapterContext {
  bot: Bot;
  readiness: () => Readiness;
  /** An adapter lost its connection for good (revoked token, disallowed intents): stop the process. */
  fatal: (error: Error) => void;
  /** For a connection only one instance may hold: several instances share a database. */
  leadership: Leadership;
}

export interface RunningApp {
  readiness(): Readiness;
  /** Graceful: refuse new work, finish what is running, flush the store, release the lock, disconnect. */
  shutdown(reason: string): Promise<void>;
}

async function openCore(config: Config, log: Logger, clock: Clock): Promise<CoreDeps> {
  const content = loadContent(config.contentDir);
  const answerer = createAnswerer(content);
  const store = await openConfiguredStore(config, log);
  const settings = { defaultTimezone: config.defaultTimezone, tips: config.tips };
  return { content, answerer, store, clock, settings, log };
}

/** Shared leadership when instances share a database; the `pg` client loads only then. */
async function leadershipFor(config: Config, log: Logger): Promise<Leadership> {
  if (!config.databaseUrl) return soleInstance;
  const { postgresLeadership } = await import('../store/postgres/leader.ts');
  return postgresLeadership(config.databaseUrl, log);
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

type Phase = 'starting' | 'running' | 'stopping';

interface Lifecycle {
  phase: Phase;
  adapters: Adapter[];
}

/** Ready only while running with every adapter connected; starting and stopping say so. */
function readinessOf(life: Lifecycle): Readiness {
  if (life.phase !== 'running') return { ready: false, reasons: [`skillbot is ${life.phase}`] };
  const reasons = life.adapters.filter((a) => !a.isReady()).map((a) => `${a.platform} is not connected`);
  return { ready: reasons.length === 0, reasons };
}

/** Health checks answer at once: at the very end, whatever is still open is cut quickly. */
const closeServer = (server: Server | undefined): Promise<void> => closeGracefully(server, 500);

function logStarted(log: Logger, config: Config, adapters: Adapter[], schedules: number): void {
  const names = adapters.map((a) => a.platform);
  log.info(
    { adapters: names, dataFile: config.dataFile, schedules },
    `skillbot started: adapters ${names.join(', ')}; data file ${config.dataFile}; ${schedules} schedule(s) loaded`,
  );
}

/**
 * Start everything. The health server comes first, so `/healthz` answers while adapters connect
 * and `/readyz` says why it is not ready yet.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, log, clock } = options;
  const life: Lifecycle = { phase: 'starting', adapters: [] };
  const readiness = () => readinessOf(life);
  const health = config.healthPort ? await startHealthServer(config.healthPort, readiness) : undefined;
  let deps: CoreDeps | undefined;
  try {
    deps = await openCore(config, log, clock);
    return await run(options, deps, life, health);
  } catch (error) {
    await deps?.store.close();
    await closeServer(health);
    throw error;
  }
}

async function run(options: AppOptions, deps: CoreDeps, life: Lifecycle, health: Server | undefined) {
  const { config, log } = options;
  const tracked = trackBot(createBot(deps, { platforms: options.platforms }));
  const scheduler = createScheduler(deps);
  const readiness = () => readinessOf(life);
  const leadership = await leadershipFor(config, log);
  life.adapters = options.makeAdapters({
    bot: tracked.bot,
    readiness,
    fatal: options.onFatal,
    leadership,
  });
  for (const adapter of life.adapters) scheduler.addDelivery(adapter.delivery);
  await startAdapters(life.adapters, deps);
  scheduler.start();
  life.phase = 'running';
  logStarted(log, config, life.adapters, await scheduler.scheduleCount());

  async function shutdown(reason: string): Promise<void> {
    life.phase = 'stopping';
    log.info({ reason, inFlight: tracked.inFlight }, 'shutting down');
    // Stop accepting first, so keep-alive clients cannot keep the process busy; in parallel with the drain.
    const accepting = Promise.allSettled(life.adapters.map((adapter) => adapter.stopAccepting?.()));
    tracked.close();
    await scheduler.stop();
    const drained = await tracked.drain(DRAIN_TIMEOUT_MS);
    if (!drained) log.warn({ inFlight: tracked.inFlight }, 'gave up waiting for handlers still running');
    await deps.store.close();
    await accepting;
    await Promise.allSettled(life.adapters.map((adapter) => adapter.stop()));
    await closeServer(health);
    log.info('stopped cleanly');
  }

  let stopping: Promise<void> | undefined;
  return {
    readiness,
    shutdown(reason: string) {
      stopping ??= shutdown(reason);
      return stopping;
    },
  } satisfies RunningApp;
}
