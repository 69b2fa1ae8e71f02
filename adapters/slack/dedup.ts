import type { Clock } from '../../src/types.ts';

/**
 * Remembers keys for `ttlMs` so a redelivered event is processed once. Slack retries within
 * minutes; the injected clock makes expiry testable. Entries are pruned as new ones arrive.
 */
export function createSeenSet(clock: Clock, ttlMs: number, maxEntries = 50_000) {
  const seen = new Map<string, number>();

  function prune(now: number): void {
    // Insertion order is arrival order, so the oldest entries come first.
    for (const [key, at] of seen) {
      if (now - at < ttlMs && seen.size <= maxEntries) break;
      seen.delete(key);
    }
  }

  return {
    /** True the first time `key` is seen within the window; false for a repeat. */
    firstTime(key: string): boolean {
      const now = clock().getTime();
      prune(now);
      const at = seen.get(key);
      if (at !== undefined && now - at < ttlMs) return false;
      seen.set(key, now);
      return true;
    },
    get size(): number {
      return seen.size;
    },
  };
}

export type SeenSet = ReturnType<typeof createSeenSet>;
