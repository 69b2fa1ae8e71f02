/**
 * The skill-of-the-day scheduler. node-cron is only a once-a-minute ticker: what is due comes
 * from the stored schedules and the post log (`dueWork`), and each post's key is claimed in the
 * store before anything is sent, so restarts, late ticks and DST days never post twice.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { CoreDeps } from '../core.ts';
import type { Delivery } from '../delivery.ts';
import type { Platform } from '../types.ts';
import type { RetryPolicy } from './deliver.ts';
import { dueWork } from './due.ts';
import { type JobContext, runAction } from './jobs.ts';
import { historiesByChannel } from './today.ts';

export { ensureEnvSchedule } from './schedules.ts';

export interface SchedulerOptions extends Partial<RetryPolicy> {
  /** Platform calls in flight at once, across all channels. Default 8. */
  concurrency?: number;
  /** The ticker's cron expression. Default: every minute. */
  cronExpression?: string;
}

export interface Scheduler {
  /** Register how posts reach one platform (one delivery per platform). */
  addDelivery(delivery: Delivery): void;
  /** Start the ticker; also checks at once, so a restart catches up without waiting a minute. */
  start(): void;
  /** Stop the ticker and wait for sends in flight; posts waiting to retry are left claimed for the next start. */
  stop(): Promise<void>;
  /** Check now and wait until every post started so far has its outcome. Never rejects; a no-op after stop(). */
  tick(): Promise<void>;
  /** Active (not paused or turned off) stored schedules, for the start-up line. */
  scheduleCount(): number;
}

const DEFAULT_POLICY: RetryPolicy = {
  maxAttempts: 3,
  backoffMs: 5_000,
  maxBackoffMs: 60_000,
  maxRateLimitWaits: 20,
};

/** At most `size` calls at once; a finished call hands its slot straight to the next waiter. */
export function createLimiter(size: number): <T>(call: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (call) => {
    if (active < size) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await call();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

export function createScheduler(deps: CoreDeps, options: SchedulerOptions = {}): Scheduler {
  const deliveries = new Map<Platform, Delivery>();
  const inFlight = new Map<string, Promise<void>>();
  const sleeps = new Set<{ timer: ReturnType<typeof setTimeout>; resolve: (done: boolean) => void }>();
  const policy: RetryPolicy = { ...DEFAULT_POLICY, ...definedOnly(options) };
  let task: ScheduledTask | undefined;
  let stopping = false;

  const jobs: JobContext = {
    deps,
    delivery: (platform) => deliveries.get(platform) as Delivery,
    policy,
    isStopping: () => stopping,
    limit: createLimiter(options.concurrency ?? 8),
    sleep(ms) {
      if (stopping) return Promise.resolve(false);
      return new Promise((resolve) => {
        const entry = {
          resolve,
          timer: setTimeout(() => {
            sleeps.delete(entry);
            resolve(true);
          }, ms),
        };
        sleeps.add(entry);
      });
    },
  };

  /** Work out what is due and start it; returns without waiting for the sends. */
  function launchDue(): void {
    if (stopping) return;
    try {
      const data = deps.store.data;
      const actions = dueWork(
        data.schedules,
        data.posts,
        deps.clock(),
        deps.settings.tips.catchupHours,
      ).filter((a) => deliveries.has(a.schedule.platform) && !inFlight.has(a.key));
      if (actions.length === 0) return;
      const histories = historiesByChannel(data.posts);
      for (const action of actions) {
        const running = runAction(jobs, action, histories)
          .catch((error: unknown) => deps.log.error({ err: error, postKey: action.key }, 'tip post failed'))
          .finally(() => inFlight.delete(action.key));
        inFlight.set(action.key, running);
      }
    } catch (error) {
      deps.log.error({ err: error }, 'scheduler tick failed');
    }
  }

  async function settle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
  }

  return {
    addDelivery(delivery) {
      deliveries.set(delivery.platform, delivery);
    },
    start() {
      if (task) return;
      stopping = false;
      task = cron.schedule(options.cronExpression ?? '* * * * *', launchDue, {
        name: 'skillbot-tips',
        noOverlap: true,
        logger: cronLogger(deps),
      });
      launchDue();
    },
    async stop() {
      stopping = true;
      const ticker = task;
      task = undefined;
      await ticker?.destroy();
      for (const entry of sleeps) {
        clearTimeout(entry.timer);
        entry.resolve(false);
      }
      sleeps.clear();
      await settle();
    },
    async tick() {
      launchDue();
      await settle();
    },
    scheduleCount: () => Object.values(deps.store.data.schedules).filter((s) => !s.paused).length,
  };
}

function definedOnly(options: SchedulerOptions): Partial<RetryPolicy> {
  const picked: Partial<RetryPolicy> = {};
  for (const name of ['maxAttempts', 'backoffMs', 'maxBackoffMs', 'maxRateLimitWaits'] as const) {
    const value = options[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

/** node-cron's own messages go through our logger (its "missed execution" warnings included). */
function cronLogger(deps: CoreDeps) {
  return {
    info: (message: string) => deps.log.debug({ source: 'node-cron' }, message),
    warn: (message: string) => deps.log.warn({ source: 'node-cron' }, message),
    error: (message: string | Error, err?: Error) =>
      deps.log.error({ source: 'node-cron', err: err ?? message }, 'node-cron error'),
    debug: (message: string | Error) => deps.log.debug({ source: 'node-cron' }, String(message)),
  };
}
