/**
 * An adapter that may run in one instance at a time (a connection the platform must not see
 * twice), started only while this instance holds its leadership role. Other instances wait as
 * standbys and one of them takes over when the holder dies. Deliveries (REST posts) need no
 * connection, so every instance can still post: the post's claim already makes that exactly once.
 */
import type { Adapter } from '../adapter.ts';
import type { Delivery } from '../delivery.ts';
import type { Logger } from '../log.ts';
import type { Campaign, Leadership } from '../store/leadership.ts';

export interface LeaderOnlyOptions {
  role: string;
  leadership: Leadership;
  log: Logger;
  /** A fresh, unstarted adapter (one per term: a stopped adapter cannot start again). */
  make: () => Adapter;
  /** Taking over failed after start-up (for example a revoked token): stop the process. */
  onFatal: (error: Error) => void;
}

class LeaderOnlyAdapter implements Adapter {
  readonly platform: Adapter['platform'];
  readonly delivery: Delivery;
  /** The adapter for the next term, also used for deliveries while standing by. */
  private spare: Adapter;
  private active: Adapter | undefined;
  private campaign: Campaign | undefined;
  private stopped = false;
  private firstStart: { resolve: () => void; reject: (error: unknown) => void } | undefined;

  constructor(private readonly options: LeaderOnlyOptions) {
    this.spare = options.make();
    this.platform = this.spare.platform;
    const current = () => this.active ?? this.spare;
    this.delivery = {
      platform: this.platform,
      postTip: (target, post, key) => current().delivery.postTip(target, post, key),
      findPosted: (target, key, since) =>
        current().delivery.findPosted?.(target, key, since) ?? Promise.resolve(null),
    };
  }

  /** Resolves once this instance is connected as leader, or is known to be a standby. */
  start(): Promise<void> {
    if (this.campaign) return Promise.reject(new Error(`${this.platform}: already started`));
    return new Promise((resolve, reject) => {
      this.firstStart = { resolve, reject };
      this.campaign = this.options.leadership.campaign(this.options.role, {
        elected: () => void this.takeOver(),
        standby: () => this.standBy(),
        deposed: (reason) => void this.stepDown(reason),
      });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const active = this.active;
    this.active = undefined;
    await Promise.allSettled([active?.stop(), this.spare.stop()]);
    await this.campaign?.resign();
  }

  /** A standby is healthy: it is ready to take over. */
  isReady(): boolean {
    if (this.stopped) return false;
    return this.active ? this.active.isReady() : true;
  }

  defaultTipTarget() {
    return this.active?.defaultTipTarget();
  }

  private standBy(): void {
    this.options.log.info(
      { role: this.options.role },
      `${this.options.role}: another instance holds it; standing by`,
    );
    this.settleFirstStart();
  }

  private async takeOver(): Promise<void> {
    if (this.stopped) return;
    const adapter = this.spare;
    this.spare = this.options.make();
    this.active = adapter;
    try {
      await adapter.start();
      this.settleFirstStart();
    } catch (error) {
      // Stepped down or stopped while connecting: that stop is what failed the start.
      if (this.active !== adapter || this.stopped) return;
      this.active = undefined;
      await this.campaign?.resign();
      if (this.firstStart) this.settleFirstStart(error);
      else this.options.onFatal(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private async stepDown(reason: string): Promise<void> {
    const adapter = this.active;
    this.active = undefined;
    this.options.log.warn(
      { role: this.options.role, reason },
      `${this.options.role}: lost leadership; disconnecting`,
    );
    await adapter?.stop();
  }

  private settleFirstStart(error?: unknown): void {
    const pending = this.firstStart;
    this.firstStart = undefined;
    if (!pending) return;
    if (error === undefined) pending.resolve();
    else pending.reject(error);
  }
}

export function leaderOnly(options: LeaderOnlyOptions): Adapter {
  return new LeaderOnlyAdapter(options);
}
