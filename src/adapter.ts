import type { Delivery, TipTarget } from './delivery.ts';
import type { Platform } from './types.ts';

/**
 * A platform connection, owned by the core and implemented under `adapters/`.
 * The composition root starts every adapter whose credentials are set.
 */
export interface Adapter {
  readonly platform: Platform;
  /** Connect. Rejects with a clear, secret-free message when credentials are wrong or revoked. */
  start(): Promise<void>;
  /**
   * Optional first step of shutdown, before handlers drain: stop taking new connections (an
   * HTTP server stops accepting and lets keep-alive clients go). `stop()` still follows.
   */
  stopAccepting?(): Promise<void>;
  /** Stop taking events and close connections. Safe to call twice. */
  stop(): Promise<void>;
  /** True while connected and able to answer (for /readyz). */
  isReady(): boolean;
  /** How the scheduler posts the skill of the day here. */
  readonly delivery: Delivery;
  /** The channel named by the adapter's default-channel variable, once the workspace is known after start. */
  defaultTipTarget(): TipTarget | undefined;
}
