/**
 * The leaderboard part of the store contract: every store ranks from its kept streak summaries
 * and must agree, number for number and place for place, with the core's own streak rules
 * (`streakStats`) over the members' full histories.
 */
import { describe, expect, it } from 'vitest';
import type { BoardEntry, MemberRef, StorePort } from '../../src/store/port.ts';
import { type DayPolicy, emptyData, type StoreData, userKey } from '../../src/store/types.ts';
import { streakStats } from '../../src/streaks/rules.ts';
import { addDays } from '../../src/time.ts';

const ws = { platform: 'slack', workspaceId: 'T1' } as const;

/** The user ids on a workspace's board, best first. */
export async function boardIds(store: StorePort, ref: MemberRef): Promise<string[]> {
  const page = await store.leaderboard({ ...ref, limit: 1_000, todayFor: () => '2026-03-04' });
  return page.top.map((e) => e.userId);
}

/** A small deterministic generator, so a failure names a history that can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Histories with runs, short gaps (freezes), long gaps (breaks) and, for one, a day after "today". */
function histories(count: number): string[][] {
  const next = random(7);
  return Array.from({ length: count }, (_, i) => {
    const dates: string[] = [];
    let day = '2026-01-01';
    const length = Math.floor(next() * 40);
    for (let d = 0; d < length; d++) {
      const gap = next() < 0.7 ? 1 : next() < 0.7 ? 2 + Math.floor(next() * 3) : 5 + Math.floor(next() * 20);
      day = addDays(day, gap);
      dates.push(day);
    }
    if (i === 1) dates.push('2026-04-01');
    return dates;
  });
}

function seeded(all: string[][]): StoreData {
  const data = emptyData();
  all.forEach((checkins, i) => {
    const userId = `M${String(i).padStart(3, '0')}`;
    data.users[userKey('slack', 'T1', userId)] = {
      ...ws,
      userId,
      displayName: userId,
      checkins: [...new Set(checkins)].sort(),
      quizAnswers: {},
    };
  });
  return data;
}

/** The board the core's rules give, best first, with competition ranks. */
function expected(all: string[][], today: string, policy: DayPolicy): BoardEntry[] {
  const entries = all
    .map((checkins, i) => ({ userId: `M${String(i).padStart(3, '0')}`, checkins }))
    .filter((m) => m.checkins.length > 0)
    .map((m) => {
      const s = streakStats(m.checkins, today, policy);
      return {
        userId: m.userId,
        displayName: m.userId,
        current: s.current,
        longest: s.longest,
        total: s.total,
      };
    })
    .sort(
      (a, b) =>
        b.current - a.current || b.longest - a.longest || b.total - a.total || (a.userId < b.userId ? -1 : 1),
    );
  const ranked: BoardEntry[] = [];
  entries.forEach((e, i) => {
    const p = ranked[i - 1];
    const same = p && p.current === e.current && p.longest === e.longest && p.total === e.total;
    ranked.push({ rank: same ? p.rank : i + 1, ...e });
  });
  return ranked;
}

export function describeStoreBoardContract(current: () => StorePort): void {
  describe('leaderboard', () => {
    const all = histories(40);

    it('agrees with the streak rules on every day and policy, imported or checked in', async () => {
      const store = current();
      await store.importData(seeded(all.slice(0, 20)));
      // The rest arrive as check-ins, oldest first, so the store keeps their summaries as it goes.
      for (const [i, checkins] of all.entries()) {
        if (i < 20) continue;
        const who = {
          ...ws,
          userId: `M${String(i).padStart(3, '0')}`,
          displayName: `M${String(i).padStart(3, '0')}`,
        };
        for (const date of checkins) await store.checkIn(who, () => date);
      }
      for (const policy of ['weekdays', 'daily'] as const) {
        await store.updateWorkspace(ws, { learningDays: policy });
        for (const today of ['2026-02-10', '2026-03-01', '2026-03-04', '2026-03-07', '2026-05-01']) {
          const want = expected(all, today, policy);
          const page = await store.leaderboard({ ...ws, userId: 'M005', limit: 100, todayFor: () => today });
          expect(page.top, `${policy} ${today}`).toEqual(want);
          expect(page.size).toBe(want.length);
          expect(page.asker).toEqual(want.find((e) => e.userId === 'M005'));
        }
      }
    });

    it('cuts at the limit, ranks the asker outside it, and leaves out who never checked in', async () => {
      const store = current();
      await store.importData(seeded(all));
      const today = '2026-03-04';
      const want = expected(all, today, 'weekdays');
      const last = want.at(-1) as BoardEntry;
      const page = await store.leaderboard({ ...ws, userId: last.userId, limit: 3, todayFor: () => today });
      expect(page.top).toEqual(want.slice(0, 3));
      expect(page.asker).toEqual(last);
      expect(page.size).toBe(want.length);
      const none = await store.leaderboard({ ...ws, userId: 'nobody', limit: 0, todayFor: () => today });
      expect(none.top).toEqual([]);
      expect(none.asker).toBeUndefined();
      expect(none.size).toBe(want.length);
      const empty = await store.leaderboard({
        ...ws,
        workspaceId: 'T9',
        userId: 'x',
        limit: 10,
        todayFor: () => today,
      });
      expect(empty).toEqual({ workspace: {}, top: [], size: 0 });
    });

    it("asks for each member's today by their timezone fields and the workspace settings", async () => {
      const store = current();
      await store.updateWorkspace(ws, { timezone: 'Asia/Tokyo' });
      const dave = { ...ws, userId: 'D', displayName: 'Dave' };
      const erin = { ...ws, userId: 'E', displayName: 'Erin' };
      for (const date of ['2026-03-02', '2026-03-03']) {
        await store.checkIn(dave, () => date);
        await store.checkIn(erin, () => date);
      }
      await store.setTimezone(erin, () => ({
        timezone: 'Pacific/Kiritimati',
        previousTimezone: 'UTC',
        timezoneFrom: '2026-03-05',
      }));
      const asked: unknown[] = [];
      const page = await store.leaderboard({
        ...dave,
        limit: 10,
        // Erin's "today" is long after her last check-in: her run is over; Dave's is not.
        todayFor: (zones, workspace) => {
          asked.push({ ...zones, workspaceZone: workspace.timezone });
          return zones.timezone ? '2026-03-20' : '2026-03-04';
        },
      });
      expect(page.top.map((e) => [e.userId, e.current])).toEqual([
        ['D', 2],
        ['E', 0],
      ]);
      expect(asked).toHaveLength(2);
      expect(asked).toContainEqual({ workspaceZone: 'Asia/Tokyo' });
      expect(asked).toContainEqual({
        timezone: 'Pacific/Kiritimati',
        previousTimezone: 'UTC',
        timezoneFrom: '2026-03-05',
        workspaceZone: 'Asia/Tokyo',
      });
    });
  });
}
