/**
 * Until every consumer moves to the store port (issue 12), `CoreDeps.store` is still the
 * whole-document store: this view gives data rights the four port methods they use, on top of it.
 * When `CoreDeps.store` becomes the port, delete this file and pass `deps.store` directly.
 */

import { channelKey, type Store, userKey } from '../store/types.ts';
import type { ChannelRef, MemberRef, RightsStore } from './data.ts';

export function rightsStore(store: Store): RightsStore {
  const memberKey = (ref: MemberRef) => userKey(ref.platform, ref.workspaceId, ref.userId);
  const scheduleKey = (ref: ChannelRef) => channelKey(ref.platform, ref.workspaceId, ref.channelId);
  return {
    getMember: async (ref) => store.data.users[memberKey(ref)],
    deleteMember: (ref) =>
      store.commit((data) => {
        const key = memberKey(ref);
        if (!Object.hasOwn(data.users, key)) return false;
        delete data.users[key];
        return true;
      }),
    listSchedules: async (filter = {}) =>
      Object.values(store.data.schedules)
        .filter((s) => (filter.platform ? s.platform === filter.platform : true))
        .filter((s) => (filter.workspaceId ? s.workspaceId === filter.workspaceId : true))
        .filter((s) => (filter.activeOnly ? !s.paused : true))
        .sort((a, b) => a.channelId.localeCompare(b.channelId)),
    updateSchedule: (ref, change) =>
      store.commit((data) => {
        const key = scheduleKey(ref);
        const next = change(Object.hasOwn(data.schedules, key) ? data.schedules[key] : undefined);
        if (next) data.schedules[key] = next;
        return data.schedules[key];
      }),
  };
}
