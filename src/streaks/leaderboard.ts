/** The team leaderboard: one workspace on one platform, never mixed. Pure. */
import type { LeaderboardInput } from '../store/port.ts';
import { dayPolicyOf, type Who, zoneInForce } from './context.ts';
import { dateIn } from './day.ts';
import { streakStats } from './rules.ts';

export const BOARD_SIZE = 10;

export interface BoardEntry {
  /** Competition ranking: equal numbers share a rank (1, 2, 2, 4). */
  rank: number;
  userId: string;
  displayName: string;
  current: number;
  longest: number;
  total: number;
}

export interface Leaderboard {
  top: BoardEntry[];
  /** The asker's entry when it is not in `top`; absent when in `top` or never checked in. */
  asker?: BoardEntry;
  /** The asker's rank, or null before their first check-in. */
  askerRank: number | null;
  /** How many people in this workspace have checked in at least once. */
  size: number;
}

type Unranked = Omit<BoardEntry, 'rank'>;

function compareEntries(a: Unranked, b: Unranked): number {
  return (
    b.current - a.current ||
    b.longest - a.longest ||
    b.total - a.total ||
    a.displayName.localeCompare(b.displayName) ||
    a.userId.localeCompare(b.userId)
  );
}

const sameNumbers = (a: Unranked, b: Unranked): boolean =>
  a.current === b.current && a.longest === b.longest && a.total === b.total;

/** The board for the workspace `input` was read for (the store picks its members). Pure. */
export function leaderboard(
  input: LeaderboardInput,
  who: Who,
  now: Date,
  defaultTimezone: string,
  limit = BOARD_SIZE,
): Leaderboard {
  const policy = dayPolicyOf(input.workspace);
  // Formatting a date per user is the expensive part; people share a handful of timezones.
  const todayIn = new Map<string, string>();
  const entries: Unranked[] = input.members.map((user) => {
    const timezone = zoneInForce(user, input.workspace, defaultTimezone, now);
    let today = todayIn.get(timezone);
    if (!today) {
      today = dateIn(now, timezone);
      todayIn.set(timezone, today);
    }
    const stats = streakStats(user.checkins, today, policy);
    return { userId: user.userId, displayName: user.displayName, ...stats };
  });
  entries.sort(compareEntries);
  const ranked: BoardEntry[] = [];
  entries.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const rank = previous && sameNumbers(previous, entry) ? previous.rank : index + 1;
    ranked.push({
      rank,
      userId: entry.userId,
      displayName: entry.displayName,
      current: entry.current,
      longest: entry.longest,
      total: entry.total,
    });
  });
  const top = ranked.slice(0, limit);
  const mine = ranked.find((e) => e.userId === who.userId);
  const inTop = top.some((e) => e.userId === who.userId);
  return {
    top,
    asker: mine && !inTop ? mine : undefined,
    askerRank: mine?.rank ?? null,
    size: ranked.length,
  };
}
