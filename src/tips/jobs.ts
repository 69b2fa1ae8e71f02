/**
 * The scheduler's three kinds of work, one due action each: record a skipped day, claim and
 * post a due tip, or settle a claim an earlier process left without an outcome.
 */
import type { Delivery, TipTarget } from '../delivery.ts';
import { channelKey, type PostRecord } from '../store/types.ts';
import type { Platform } from '../types.ts';
import { markFailed, type SendContext, sendClaimed } from './deliver.ts';
import type { DueAction } from './due.ts';
import { chooseTip } from './rotation.ts';

export interface JobContext extends SendContext {
  /** The registered delivery for a platform (the scheduler only plans work for those). */
  delivery(platform: Platform): Delivery;
  /** This process's claims in progress: post key to the `leaseUntil` it holds (renewed by the scheduler). */
  leases: Map<string, string>;
}

/** How long a claim's lease lasts; the scheduler renews it every tick (each minute) while sending. */
export const CLAIM_LEASE_MS = 3 * 60_000;

const leaseFrom = (now: Date): string => new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();

type Action<K extends DueAction['kind']> = Extract<DueAction, { kind: K }>;

const targetOf = (r: Pick<PostRecord, 'platform' | 'workspaceId' | 'channelId'>): TipTarget => ({
  platform: r.platform,
  workspaceId: r.workspaceId,
  channelId: r.channelId,
});

async function recordSkip(ctx: JobContext, action: DueAction, reason: string): Promise<void> {
  const { deps } = ctx;
  const { schedule, date, key } = action;
  const claimedAt = deps.clock().toISOString();
  const recorded = await deps.store.claimPost({
    key,
    ...targetOf(schedule),
    date,
    tipId: '',
    status: 'skipped',
    claimedAt,
    attempts: 0,
    reason,
  });
  if (!recorded) return;
  deps.log.info({ postKey: key, reason }, 'skill of the day skipped');
}

/** Claim the post's key (committed before anything is sent), then send. */
async function postDue(ctx: JobContext, action: Action<'post'>, history: PostRecord[]): Promise<void> {
  const { deps } = ctx;
  const { schedule, date, key } = action;
  const channel = channelKey(schedule.platform, schedule.workspaceId, schedule.channelId);
  const tip = chooseTip({ channel, date, history, tips: deps.content.tips });
  if (!tip) return recordSkip(ctx, action, 'There are no tips in the content to post.');
  const claimedAt = deps.clock();
  const leaseUntil = leaseFrom(claimedAt);
  const claimed = await deps.store.claimPost({
    key,
    ...targetOf(schedule),
    date,
    tipId: tip.id,
    status: 'claimed',
    claimedAt: claimedAt.toISOString(),
    leaseUntil,
    attempts: 0,
  });
  if (!claimed || ctx.isStopping()) return;
  ctx.leases.set(key, leaseUntil);
  const delivery = ctx.delivery(schedule.platform);
  const job = { delivery, target: targetOf(schedule), key, date, tip, claimedAt, attemptsSoFar: 0 };
  await sendClaimed(ctx, { ...job, checkFirst: false });
}

/** A claim left by an earlier process: find out whether it landed, else send it again. */
async function recoverClaim(ctx: JobContext, action: Action<'recover'>): Promise<void> {
  const { deps } = ctx;
  const { record: claim, key } = action;
  // Several instances may find the same abandoned claim: exactly one takes it over.
  const leaseUntil = leaseFrom(deps.clock());
  if (!(await deps.store.leaseClaim(key, claim.leaseUntil, leaseUntil))) return;
  ctx.leases.set(key, leaseUntil);
  const delivery = ctx.delivery(claim.platform);
  const tip = deps.content.tip(claim.tipId);
  const base = {
    delivery,
    target: targetOf(claim),
    key,
    date: claim.date,
    claimedAt: new Date(claim.claimedAt),
  };
  deps.log.info({ postKey: key }, 'recovering a post whose outcome is unknown');
  if (tip && action.windowOpen) {
    return sendClaimed(ctx, { ...base, tip, checkFirst: true, attemptsSoFar: claim.attempts });
  }
  const found = await delivery.findPosted?.(base.target, key, base.claimedAt);
  if (found) {
    await deps.store.settlePost(key, { status: 'sent', messageId: found });
    return;
  }
  const reason = tip
    ? 'A send was interrupted and the catch-up window has passed, so it was not tried again.'
    : `The tip "${claim.tipId}" is no longer in the content, so the interrupted post was not sent again.`;
  await markFailed(deps, base, reason, claim.attempts, false);
}

export async function runAction(ctx: JobContext, action: DueAction): Promise<void> {
  if (action.kind === 'skip') return recordSkip(ctx, action, action.reason);
  if (action.kind === 'recover') return recoverClaim(ctx, action);
  return postDue(ctx, action, await ctx.deps.store.channelPosts(action.schedule));
}
