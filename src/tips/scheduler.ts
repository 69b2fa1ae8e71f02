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
import { duePostKeys, dueWork } from './due.ts';
import { CLAIM_LEASE_MS, type JobContext, runAction } from './jobs.ts';
import { pruneOldPosts } from './retention.ts';

export { ensureEnvSchedule } from './schedules.ts';

export interface SchedulerOptions extends Partial<RetryPolicy> {
  /**
   * Platform calls in flight at once, across all channels. Default 64: a bound on open requests,
   * not the pacing. The platform's own limits pace the sends: a refused send waits out its
   * Retry-After without holding a slot (Slack), and discord.js queues on Discord's global limit.
   */
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
  scheduleCount(): Promise<number>;
}

/**
 * At 8, 500 channels of 5 ms sends took 0.46 s before the last first send, so a channel refused
 * then finished 1.45x after the Retry-After floor; at 64 it is 0.11 s and 1.11x (scripts/bench/fanout.ts).
 */
export const DEFAULT_CONCURRENCY = 64;

/**
 * Due posts are started this many at a time, with a turn of the event loop between: the first
 * wave's claims are written (and its sends go out) while later waves still choose their tips, so
 * 500 channels due together do not all wait for 500 tip choices. Claims made while a write runs
 * still share the next one, so a slow data file gets few large writes.
 */
const LAUNCH_WAVE = 25;

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

/** Sleeps the scheduler can cut short when it stops (retry backoff, rate-limit waits). */
class Sleeps {
  private readonly pending = new Set<{
    timer: ReturnType<typeof setTimeout>;
    resolve: (done: boolean) => void;
  }>();

  /** Resolves true after `ms`, or false at once when cancelled. */
  sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const entry = {
        resolve,
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve(true);
        }, ms),
      };
      this.pending.add(entry);
    });
  }

  cancelAll(): void {
    for (const entry of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve(false);
    }
    this.pending.clear();
  }
}

class TipScheduler implements Scheduler {
  private readonly deliveries = new Map<Platform, Delivery>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly sleeps = new Sleeps();
  private readonly jobs: JobContext;
  private task: ScheduledTask | undefined;
  private stopping = false;
  /** The tick being planned: a tick that comes while one is still planning waits for it. */
  private planning: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: CoreDeps,
    private readonly options: SchedulerOptions,
  ) {
    this.jobs = {
      deps,
      delivery: (platform) => this.deliveries.get(platform) as Delivery,
      leases: new Map(),
      policy: { ...DEFAULT_POLICY, ...definedOnly(options) },
      isStopping: () => this.stopping,
      limit: createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY),
      sleep: (ms) => (this.stopping ? Promise.resolve(false) : this.sleeps.sleep(ms)),
    };
  }

  addDelivery(delivery: Delivery): void {
    this.deliveries.set(delivery.platform, delivery);
  }

  start(): void {
    if (this.task) return;
    this.stopping = false;
    this.task = cron.schedule(this.options.cronExpression ?? '* * * * *', () => void this.plan(), {
      name: 'skillbot-tips',
      noOverlap: true,
      logger: cronLogger(this.deps),
    });
    void this.plan();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const ticker = this.task;
    this.task = undefined;
    await ticker?.destroy();
    this.sleeps.cancelAll();
    await this.planning;
    await this.settle();
  }

  async tick(): Promise<void> {
    await this.plan();
    await this.settle();
  }

  async scheduleCount(): Promise<number> {
    return (await this.deps.store.listSchedules({ activeOnly: true })).length;
  }

  /** Plan one tick after the previous one finished planning; never rejects. */
  private plan(): Promise<void> {
    this.planning = this.planning.then(() => this.launchDue());
    return this.planning;
  }

  /** Work out what is due and start it; returns without waiting for the sends. */
  private async launchDue(): Promise<void> {
    if (this.stopping) return;
    const { deps } = this;
    try {
      const now = deps.clock();
      await this.renewLeases(now);
      await pruneOldPosts(deps, now).catch((error: unknown) =>
        deps.log.warn({ err: error }, 'pruning old post records failed; will try again tomorrow'),
      );
      const schedules = await deps.store.listSchedules({ activeOnly: true });
      const posts = await deps.store.getPosts(duePostKeys(schedules, now));
      const { catchupHours } = deps.settings.tips;
      const actions = dueWork(schedules, posts, now, catchupHours, deps.store.shared).filter(
        (a) => this.deliveries.has(a.schedule.platform) && !this.inFlight.has(a.key),
      );
      for (const [index, action] of actions.entries()) {
        if (index % LAUNCH_WAVE === 0 && index > 0) await new Promise((resolve) => setImmediate(resolve));
        if (this.stopping) return;
        const running = runAction(this.jobs, action)
          .catch((error: unknown) => deps.log.error({ err: error, postKey: action.key }, 'tip post failed'))
          .finally(() => {
            this.inFlight.delete(action.key);
            this.jobs.leases.delete(action.key);
          });
        this.inFlight.set(action.key, running);
      }
    } catch (error) {
      deps.log.error({ err: error }, 'scheduler tick failed');
    }
  }

  /**
   * Keep the claims this process is still sending: without a renewal another instance would take
   * over a slow send (rate-limit waits) once its lease ran out, and post it a second time.
   */
  private async renewLeases(now: Date): Promise<void> {
    const until = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
    for (const [key, held] of [...this.jobs.leases]) {
      if (held === until) continue;
      // On a store error keep the old lease and try again next tick.
      const renewed = await this.deps.store.leaseClaim(key, held, until).catch(() => undefined);
      if (renewed === undefined) continue;
      // Not renewed: settled in the meantime, or taken over after a long stall; nothing left to hold.
      if (renewed && this.jobs.leases.has(key)) this.jobs.leases.set(key, until);
      else this.jobs.leases.delete(key);
    }
  }

  private async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }
}

export function createScheduler(deps: CoreDeps, options: SchedulerOptions = {}): Scheduler {
  return new TipScheduler(deps, options);
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
