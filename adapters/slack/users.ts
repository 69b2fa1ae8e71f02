import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';
import type { Clock } from '../../src/types.ts';

export interface SlackUser {
  displayName: string;
  /** Workspace admins and owners may change schedules and settings. */
  isAdmin: boolean;
}

export const USER_CACHE_MS = 10 * 60_000;
/** After a failed lookup, ask again after a minute rather than on every message. */
const RETRY_AFTER_FAILURE_MS = 60_000;

interface UsersInfo {
  user?: {
    name?: string;
    is_admin?: boolean;
    is_owner?: boolean;
    profile?: { display_name?: string; real_name?: string };
  };
}

function toSlackUser(info: UsersInfo, fallback: string): SlackUser {
  const u = info.user;
  const name = u?.profile?.display_name || u?.profile?.real_name || u?.name || fallback;
  return { displayName: name, isAdmin: u?.is_admin === true || u?.is_owner === true };
}

/**
 * Who a user is (name, admin or not), from `users.info`, cached for ten minutes so a burst of
 * messages costs one lookup. Concurrent lookups for one user share a request. When Slack cannot
 * answer, the user is treated as a non-admin: the safe side for admin-only commands.
 */
export function createUserDirectory(client: webApi.WebClient, clock: Clock, log: Logger) {
  const cache = new Map<string, { user: SlackUser; at: number }>();
  const pending = new Map<string, Promise<SlackUser>>();

  async function fetchUser(userId: string, fallbackName: string): Promise<SlackUser> {
    try {
      const info = (await client.users.info({ user: userId })) as UsersInfo;
      const user = toSlackUser(info, fallbackName);
      cache.set(userId, { user, at: clock().getTime() });
      return user;
    } catch (error) {
      log.warn({ err: error, userId }, 'users.info failed; treating the user as a non-admin');
      const user = { displayName: fallbackName, isAdmin: false };
      cache.set(userId, { user, at: clock().getTime() - USER_CACHE_MS + RETRY_AFTER_FAILURE_MS });
      return user;
    } finally {
      pending.delete(userId);
    }
  }

  return {
    async lookup(userId: string, fallbackName = userId): Promise<SlackUser> {
      const hit = cache.get(userId);
      if (hit && clock().getTime() - hit.at < USER_CACHE_MS) return hit.user;
      let request = pending.get(userId);
      if (!request) {
        request = fetchUser(userId, fallbackName);
        pending.set(userId, request);
      }
      return request;
    },
  };
}

export type UserDirectory = ReturnType<typeof createUserDirectory>;
