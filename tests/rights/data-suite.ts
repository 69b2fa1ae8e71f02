/**
 * What `mydata` reads and `forget` deletes, through the store port: one suite every store runs
 * (`data-memory.test.ts`, `data-postgres.test.ts`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetMember, hasData, memberData } from '../../src/rights/data.ts';
import type { MemberRef, StorePort } from '../../src/store/port.ts';
import type { Schedule } from '../../src/store/types.ts';

const alice: MemberRef = { platform: 'slack', workspaceId: 'T1', userId: 'U0ALICE' };
const bob: MemberRef = { platform: 'slack', workspaceId: 'T1', userId: 'U0BOB' };
const aliceElsewhere: MemberRef = { platform: 'slack', workspaceId: 'T2', userId: 'U0ALICE' };

function schedule(channelId: string, createdBy?: string): Schedule {
  return {
    platform: 'slack',
    workspaceId: 'T1',
    channelId,
    time: '09:00',
    timezone: 'Europe/Berlin',
    days: 'weekdays',
    source: 'command',
    createdAt: '2026-03-01T08:00:00.000Z',
    ...(createdBy ? { createdBy } : {}),
  };
}

async function seed(store: StorePort): Promise<void> {
  for (const [who, date] of [
    [alice, '2026-03-02'],
    [alice, '2026-03-03'],
    [bob, '2026-03-03'],
    [aliceElsewhere, '2026-03-03'],
  ] as const) {
    await store.checkIn({ ...who, displayName: who.userId.toLowerCase() }, () => date);
  }
  await store.setTimezone({ ...alice, displayName: 'alice' }, () => ({ timezone: 'Europe/Berlin' }));
  await store.recordQuizAnswer({ ...alice, displayName: 'alice' }, 'tip-1@2026-03-02', 2);
  await store.updateSchedule({ ...alice, channelId: 'C0GENERAL' }, () => schedule('C0GENERAL', 'U0ALICE'));
  await store.updateSchedule({ ...alice, channelId: 'C0OTHER' }, () => schedule('C0OTHER', 'U0BOB'));
}

/** The data-rights suite on the store `open` makes (a fresh, empty one per test). */
export function describeDataRights(name: string, open: () => Promise<StorePort>): void {
  describe(`members' data on the ${name} store`, () => {
    let store: StorePort;
    beforeEach(async () => {
      store = await open();
      await seed(store);
    });
    afterEach(() => store.close());

    it("shows a member their record and the schedules they set up, and nobody else's", async () => {
      const data = await memberData(store, alice);
      expect(data.member).toMatchObject({
        userId: 'U0ALICE',
        workspaceId: 'T1',
        timezone: 'Europe/Berlin',
        checkins: ['2026-03-02', '2026-03-03'],
        quizAnswers: { 'tip-1@2026-03-02': 2 },
      });
      expect(data.schedulesYouSetUp.map((s) => s.channelId)).toEqual(['C0GENERAL']);
      expect(JSON.stringify(data)).not.toContain('U0BOB');
    });

    it('finds nothing for a stranger', async () => {
      const data = await memberData(store, { ...alice, userId: 'U0NOBODY' });
      expect(hasData(data)).toBe(false);
    });

    it('deletes the member, takes their name off schedules, keeps the schedules and everyone else', async () => {
      const result = await forgetMember(store, alice);
      expect(result).toEqual({ checkins: 2, quizAnswers: 1, memberDeleted: true, schedulesUnlinked: 1 });
      expect(await store.getMember(alice)).toBeUndefined();
      expect(hasData(await memberData(store, alice))).toBe(false);
      const general = await store.getSchedule({ ...alice, channelId: 'C0GENERAL' });
      expect(general).toMatchObject({ time: '09:00', channelId: 'C0GENERAL' });
      expect(general?.createdBy).toBeUndefined();
      expect((await store.getSchedule({ ...alice, channelId: 'C0OTHER' }))?.createdBy).toBe('U0BOB');
      expect((await store.getMember(bob))?.checkins).toEqual(['2026-03-03']);
      expect((await store.getMember(aliceElsewhere))?.checkins).toEqual(['2026-03-03']);
      const exported = JSON.stringify(await store.exportData());
      expect(exported).not.toContain('tip-1@2026-03-02');
    });

    it('is harmless the second time', async () => {
      await forgetMember(store, alice);
      const before = await store.exportData();
      const again = await forgetMember(store, alice);
      expect(again).toEqual({ checkins: 0, quizAnswers: 0, memberDeleted: false, schedulesUnlinked: 0 });
      expect(await store.exportData()).toEqual(before);
    });
  });
}
