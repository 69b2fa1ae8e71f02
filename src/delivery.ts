import type { Platform, Reply } from './types.ts';

/** Where a scheduled tip goes. */
export interface TipTarget {
  platform: Platform;
  workspaceId: string;
  channelId: string;
}

/**
 * What each adapter implements so the scheduler can post the skill of the day.
 * Throw `DeliveryError` to tell the scheduler whether to retry, wait, or give up.
 */
export interface Delivery {
  readonly platform: Platform;
  /**
   * Post `post` to the channel. `postKey` identifies the (channel, date) post: the adapter attaches
   * it (Slack message metadata, Discord nonce) so a repeated send cannot create a second message.
   */
  postTip(target: TipTarget, post: Reply, postKey: string): Promise<{ messageId: string }>;
  /**
   * When a send's outcome is unknown (the process died mid-send), look for a message already
   * carrying `postKey` posted after `since`. Returns its id, or null when none is there.
   * Adapters whose sends are idempotent by themselves may omit it.
   */
  findPosted?(target: TipTarget, postKey: string, since: Date): Promise<string | null>;
}
