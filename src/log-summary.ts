/**
 * A warning that can repeat without end (unsigned requests, malformed bodies from a scanner)
 * must not flood the log: the first one in a quiet spell is written at once, the rest are
 * counted and written as one summary line per interval.
 */
import type { Logger } from './log.ts';

export const SUMMARY_INTERVAL_MS = 60_000;

export interface LogSummary {
  /** One occurrence, with the reason it happened. */
  note(reason: string): void;
  /** Write the pending summary now (at shutdown) and stop the timer. */
  flush(): void;
}

export function createLogSummary(log: Logger, message: string, intervalMs = SUMMARY_INTERVAL_MS): LogSummary {
  let reasons = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;

  function writeSummary(): void {
    timer = undefined;
    if (reasons.size === 0) return;
    const count = [...reasons.values()].reduce((sum, n) => sum + n, 0);
    const byReason = Object.fromEntries(reasons);
    reasons = new Map();
    log.warn(
      { count, reasons: byReason, intervalMs },
      `${message} (${count} more in the last ${intervalMs / 1000} s)`,
    );
    // Keep summarising while they keep coming; a quiet interval resets to "write the next at once".
    timer = setTimeout(writeSummary, intervalMs);
    timer.unref();
  }

  return {
    note(reason) {
      if (!timer) {
        log.warn({ reason }, message);
        timer = setTimeout(writeSummary, intervalMs);
        timer.unref();
        return;
      }
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    },
    flush() {
      if (timer) clearTimeout(timer);
      writeSummary();
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
