/**
 * Keeping the post log small: once a day, records older than the retention window
 * (POST_RETENTION_DAYS, default 60) are deleted, except those of each channel's current
 * rotation cycle, which tip rotation still reads.
 */
import type { CoreDeps } from '../core.ts';
import { addDays, localDate } from '../time.ts';
import { cycleStartDate } from './rotation.ts';

export const DEFAULT_POST_RETENTION_DAYS = 60;

/** The UTC date each store was last pruned on, so a once-a-minute tick prunes once a day. */
const lastPruned = new WeakMap<object, string>();

export async function pruneOldPosts(deps: CoreDeps, now: Date): Promise<number> {
  const today = localDate(now, 'UTC');
  if (lastPruned.get(deps.store) === today) return 0;
  lastPruned.set(deps.store, today);
  const days = deps.settings.tips.postRetentionDays ?? DEFAULT_POST_RETENTION_DAYS;
  const cutoff = addDays(today, -days);
  const schedules = await deps.store.listSchedules();
  const pruned = await Promise.all(
    schedules.map(async (schedule) => {
      const start = cycleStartDate(await deps.store.channelPosts(schedule));
      const before = start !== undefined && start < cutoff ? start : cutoff;
      return deps.store.prunePosts(before, schedule);
    }),
  );
  const total = pruned.reduce((sum, n) => sum + n, 0);
  if (total > 0) deps.log.info({ pruned: total, olderThan: cutoff }, 'old post records pruned');
  return total;
}
