/** The store contract, part two: the whole store in and out (export, import), health and close. */
import { describe, expect, it } from 'vitest';
import type { StorePort } from '../../src/store/port.ts';
import { emptyData, SCHEMA_VERSION, type StoreData, userKey } from '../../src/store/types.ts';

function sampleData(): StoreData {
  const data = emptyData();
  data.users[userKey('slack', 'T1', 'U1')] = {
    platform: 'slack',
    workspaceId: 'T1',
    userId: 'U1',
    displayName: 'Alice',
    timezone: 'Europe/Berlin',
    checkins: ['2026-03-02', '2026-03-03'],
    quizAnswers: { 'tip@2026-03-03': 1 },
  };
  data.workspaces['slack:T1'] = { learningDays: 'daily' };
  data.schedules['slack:T1:C1'] = {
    platform: 'slack',
    workspaceId: 'T1',
    channelId: 'C1',
    time: '09:00',
    timezone: 'UTC',
    days: 'weekdays',
    source: 'env',
    createdAt: '2026-03-01T00:00:00.000Z',
  };
  data.posts['slack:T1:C1:2026-03-03'] = {
    key: 'slack:T1:C1:2026-03-03',
    platform: 'slack',
    workspaceId: 'T1',
    channelId: 'C1',
    date: '2026-03-03',
    tipId: 'sql-indexes',
    status: 'sent',
    claimedAt: '2026-03-03T09:00:00.000Z',
    attempts: 1,
    messageId: 'M1',
  };
  return data;
}

/** A user record stored under the key `__proto__`, as JSON.parse would hand it over. */
function withProtoKey(data: StoreData): StoreData {
  const record = { ...data.users[userKey('slack', 'T1', 'U1')], userId: '__proto__', displayName: 'Proto' };
  Object.defineProperty(data.users, '__proto__', {
    value: record,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return data;
}

const plain = (data: StoreData) => JSON.parse(JSON.stringify(data)) as unknown;

export function describeStoreDataContract(current: () => StorePort): void {
  describe('the whole store', () => {
    it('starts empty and exports in the data file format', async () => {
      const store = current();
      expect(await store.isEmpty()).toBe(true);
      expect(plain(await store.exportData())).toEqual(plain(emptyData()));
      await store.checkIn(
        { platform: 'slack', workspaceId: 'T1', userId: 'U1', displayName: 'A' },
        () => '2026-03-04',
      );
      expect(await store.isEmpty()).toBe(false);
      const exported = await store.exportData();
      expect(exported.version).toBe(SCHEMA_VERSION);
      expect(Object.values(exported.users)).toEqual([
        expect.objectContaining({ userId: 'U1', checkins: ['2026-03-04'] }),
      ]);
    });

    it('imports data, replacing what was there, and exports it back unchanged', async () => {
      const store = current();
      await store.checkIn(
        { platform: 'discord', workspaceId: 'G', userId: 'X', displayName: 'X' },
        () => '2026-01-01',
      );
      await store.importData(sampleData());
      expect(plain(await store.exportData())).toEqual(plain(sampleData()));
      expect(await store.getMember({ platform: 'discord', workspaceId: 'G', userId: 'X' })).toBeUndefined();
      expect((await store.getMember({ platform: 'slack', workspaceId: 'T1', userId: 'U1' }))?.timezone).toBe(
        'Europe/Berlin',
      );
      expect(
        (await store.channelPosts({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' }))[0]?.messageId,
      ).toBe('M1');
    });

    it('keeps a user record keyed __proto__ through import and export', async () => {
      const store = current();
      await store.importData(withProtoKey(sampleData()));
      const exported = await store.exportData();
      expect(Object.hasOwn(exported.users, '__proto__')).toBe(true);
      expect(Object.keys(exported.users)).toHaveLength(2);
      const text = JSON.stringify(exported);
      expect(text).toContain('"__proto__":{');
      expect(text).toContain('"displayName":"Proto"');
    });

    it('reports health, and refuses work once closed', async () => {
      const store = current();
      expect((await store.health()).ok).toBe(true);
      await store.close();
      await expect(
        store.checkIn(
          { platform: 'slack', workspaceId: 'T1', userId: 'U1', displayName: 'A' },
          () => '2026-03-04',
        ),
      ).rejects.toThrow();
      await store.close();
    });
  });
}
