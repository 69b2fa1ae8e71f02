/**
 * The leaderboard over in-process tables (memory and JSON file stores). Each member's streak
 * summary is computed once per record (records are frozen and replaced on change, so a record
 * is its own cache key) and "today" once per distinct set of timezone fields; the ranking is one
 * pass keeping the best `limit`, not a sort of the whole workspace.
 */
import { numbersFrom, streakSummary } from '../streaks/summary.ts';
import type { BoardEntry, LeaderboardPage, LeaderboardQuery, MemberZones, StreakSummary } from './port.ts';
import type { Tables } from './tables.ts';
import { type UserRecord, type WorkspaceSettings, workspaceKey } from './types.ts';

const summaries = new WeakMap<UserRecord, StreakSummary | null>();

function summaryOf(user: UserRecord): StreakSummary | undefined {
  let summary = summaries.get(user);
  if (summary === undefined) {
    summary = streakSummary(user.checkins) ?? null;
    summaries.set(user, summary);
  }
  return summary ?? undefined;
}

type Unranked = Omit<BoardEntry, 'rank'>;

/** Negative when `a` ranks above `b`. */
function compare(a: Unranked, b: Unranked): number {
  return (
    b.current - a.current ||
    b.longest - a.longest ||
    b.total - a.total ||
    a.displayName.localeCompare(b.displayName) ||
    a.userId.localeCompare(b.userId)
  );
}

const beats = (a: Unranked, b: Unranked): boolean =>
  a.current > b.current ||
  (a.current === b.current && (a.longest > b.longest || (a.longest === b.longest && a.total > b.total)));

/** Insert `entry` into `best` (sorted, at most `limit` long). */
function keepBest(best: Unranked[], entry: Unranked, limit: number): void {
  if (limit === 0) return;
  if (best.length === limit && compare(entry, best[limit - 1] as Unranked) >= 0) return;
  let at = best.length;
  while (at > 0 && compare(entry, best[at - 1] as Unranked) < 0) at--;
  best.splice(at, 0, entry);
  if (best.length > limit) best.pop();
}

function zoneKey(z: MemberZones): string {
  return `${z.timezone ?? ''}\u0000${z.previousTimezone ?? ''}\u0000${z.timezoneFrom ?? ''}`;
}

function zonesOf(user: UserRecord): MemberZones {
  const zones: MemberZones = {};
  if (user.timezone !== undefined) zones.timezone = user.timezone;
  if (user.previousTimezone !== undefined) zones.previousTimezone = user.previousTimezone;
  if (user.timezoneFrom !== undefined) zones.timezoneFrom = user.timezoneFrom;
  return zones;
}

function entriesOf(t: Tables, query: LeaderboardQuery, workspace: WorkspaceSettings): Unranked[] {
  const policy = workspace.learningDays ?? 'weekdays';
  const todays = new Map<string, string>();
  const entries: Unranked[] = [];
  for (const user of t.users.values()) {
    if (user.platform !== query.platform || user.workspaceId !== query.workspaceId) continue;
    const summary = summaryOf(user);
    if (!summary) continue;
    const key = zoneKey(user);
    let today = todays.get(key);
    if (today === undefined) {
      today = query.todayFor(zonesOf(user), workspace);
      todays.set(key, today);
    }
    entries.push({
      userId: user.userId,
      displayName: user.displayName,
      ...numbersFrom(summary, policy, today),
    });
  }
  return entries;
}

export function leaderboard(t: Tables, query: LeaderboardQuery): LeaderboardPage {
  const workspace = t.workspaces.get(workspaceKey(query.platform, query.workspaceId)) ?? {};
  const entries = entriesOf(t, query, workspace);
  const best: Unranked[] = [];
  let mine: Unranked | undefined;
  for (const entry of entries) {
    keepBest(best, entry, query.limit);
    if (entry.userId === query.userId) mine = entry;
  }
  const top: BoardEntry[] = [];
  best.forEach((entry, index) => {
    const previous = top[index - 1];
    const rank = previous && !beats(previous, entry) ? previous.rank : index + 1;
    top.push({ rank, ...entry });
  });
  const page: LeaderboardPage = { workspace, top, size: entries.length };
  if (mine) {
    const asker = mine;
    page.asker = { rank: 1 + entries.filter((e) => beats(e, asker)).length, ...asker };
  }
  return page;
}
