/**
 * Sending one claimed post: retries with bounded backoff, waits out rate limits, pauses the
 * schedule on a permanent failure, and records the outcome in the post log.
 */
import type { Tip } from '../content/schema.ts';
import type { CoreDeps } from '../core.ts';
import type { Delivery, TipTarget } from '../delivery.ts';
import { DeliveryError, type DeliveryFailure } from '../errors.ts';
import { buildPost } from './post.ts';

export interface RetryPolicy {
  /** Sends tried for temporary failures before the post is marked failed. */
  maxAttempts: number;
  /** Wait before the first retry; doubles each time, capped at `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Rate-limit waits allowed for one post before giving up. */
  maxRateLimitWaits: number;
}

export interface SendContext {
  deps: CoreDeps;
  policy: RetryPolicy;
  /** Resolves true after `ms`, or false at once when the scheduler stops. */
  sleep(ms: number): Promise<boolean>;
  isStopping(): boolean;
  /** Runs a platform call inside the concurrency limit. */
  limit<T>(call: () => Promise<T>): Promise<T>;
}

export interface SendJob {
  delivery: Delivery;
  target: TipTarget;
  key: string;
  date: string;
  tip: Tip;
  claimedAt: Date;
  /** Ask the platform first whether an earlier, interrupted send already landed. */
  checkFirst: boolean;
  attemptsSoFar: number;
}

/** A platform asking for a longer pause than this is still retried after this long. */
const MAX_RATE_LIMIT_WAIT_MS = 15 * 60_000;

function describe(error: unknown): { failure: DeliveryFailure; message: string; retryAfterMs?: number } {
  if (error instanceof DeliveryError) {
    return { failure: error.failure, message: error.message, retryAfterMs: error.retryAfterMs };
  }
  return { failure: 'temporary', message: error instanceof Error ? error.message : String(error) };
}

async function markSent(deps: CoreDeps, key: string, messageId: string, attempts: number): Promise<void> {
  const sentAt = deps.clock().toISOString();
  await deps.store.settlePost(key, { status: 'sent', messageId, sentAt, attempts });
  deps.log.info({ postKey: key, messageId, attempts }, 'skill of the day posted');
}

/** Mark the post failed; with `pause`, stop the schedule too so `schedule` can say why. */
export async function markFailed(
  deps: CoreDeps,
  job: Pick<SendJob, 'key' | 'target'>,
  reason: string,
  attempts: number,
  pause: boolean,
): Promise<void> {
  const at = deps.clock().toISOString();
  await deps.store.settlePost(job.key, { status: 'failed', reason, attempts });
  if (pause) {
    await deps.store.updateSchedule(
      job.target,
      (schedule) => schedule && { ...schedule, paused: { reason, at } },
    );
  }
  deps.log.warn({ postKey: job.key, reason, attempts, paused: pause }, 'skill of the day not posted');
}

/** One try: look for an earlier landing when asked, else send. Resolves to the message id. */
async function attempt(ctx: SendContext, job: SendJob, checkFirst: boolean): Promise<string> {
  const { delivery, target, key } = job;
  if (checkFirst && delivery.findPosted) {
    const found = await ctx.limit(
      () => delivery.findPosted?.(target, key, job.claimedAt) ?? Promise.resolve(null),
    );
    if (found) return found;
  }
  const post = buildPost(ctx.deps.content, job.tip, job.date);
  const { messageId } = await ctx.limit(() => delivery.postTip(target, post, key));
  return messageId;
}

function backoff(policy: RetryPolicy, retry: number): number {
  return Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (retry - 1));
}

/**
 * Deliver a claimed post. Returns when the outcome is recorded, or early (leaving the claim for
 * the next process to recover) when the scheduler is stopping.
 */
export async function sendClaimed(ctx: SendContext, job: SendJob): Promise<void> {
  const { deps, policy } = ctx;
  let attempts = job.attemptsSoFar;
  let temporaryFailures = 0;
  let rateLimitWaits = 0;
  let checkFirst = job.checkFirst;
  for (;;) {
    if (ctx.isStopping()) return;
    attempts++;
    try {
      const messageId = await attempt(ctx, job, checkFirst);
      await markSent(deps, job.key, messageId, attempts);
      return;
    } catch (error) {
      const { failure, message, retryAfterMs } = describe(error);
      let wait: number | undefined;
      if (failure === 'rate_limited' && rateLimitWaits < policy.maxRateLimitWaits) {
        rateLimitWaits++;
        wait = Math.min(retryAfterMs ?? 1000, MAX_RATE_LIMIT_WAIT_MS);
        // Keep `checkFirst` as it was: the refusal may have come from the look-up, not the send.
      } else if (failure === 'temporary' && temporaryFailures + 1 < policy.maxAttempts) {
        temporaryFailures++;
        wait = backoff(policy, temporaryFailures);
        // A timeout may still have posted: look before sending again when the platform can tell.
        checkFirst = true;
      }
      if (wait !== undefined) {
        deps.log.debug({ postKey: job.key, failure, wait }, 'tip send will be retried');
        if (!(await ctx.sleep(wait))) return;
        continue;
      }
      const pause = failure === 'permanent' || failure === 'auth';
      const reason = pause ? message : `Gave up after ${attempts} attempts: ${message}`;
      await markFailed(deps, job, reason, attempts, pause);
      return;
    }
  }
}
