/**
 * The team leaderboard: one workspace on one platform, never mixed. The store ranks (in SQL on
 * PostgreSQL) from each member's streak summary; the core decides what "today" is for each
 * member and how the board reads.
 */
import type { BoardEntry, LeaderboardPage, LeaderboardQuery, MemberTodayRule } from '../store/port.ts';
import { memberToday, type Who } from './context.ts';

export type { BoardEntry };

export const BOARD_SIZE = 10;

export interface Leaderboard {
  top: BoardEntry[];
  /** The asker's entry when it is not in `top`; absent when in `top` or never checked in. */
  asker?: BoardEntry;
  /** The asker's rank, or null before their first check-in. */
  askerRank: number | null;
  /** How many people in this workspace have checked in at least once. */
  size: number;
}

/** Each member's local date at `now`, in the timezone in force for them. Pure. */
export function todayRule(defaultTimezone: string, now: Date): MemberTodayRule {
  return (zones, workspace) => memberToday(zones, workspace, defaultTimezone, now);
}

/** What to ask the store for the board `who` sees at `now`. */
export function boardQuery(
  who: Who,
  now: Date,
  defaultTimezone: string,
  limit = BOARD_SIZE,
): LeaderboardQuery {
  return {
    platform: who.platform,
    workspaceId: who.workspaceId,
    userId: who.userId,
    limit,
    todayFor: todayRule(defaultTimezone, now),
  };
}

/** The board as the commands show it, from the store's page. Pure. */
export function leaderboard(page: LeaderboardPage, who: Who): Leaderboard {
  const inTop = page.top.some((e) => e.userId === who.userId);
  return {
    top: page.top,
    asker: page.asker && !inTop ? page.asker : undefined,
    askerRank: page.asker?.rank ?? null,
    size: page.size,
  };
}
