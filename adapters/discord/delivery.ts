/**
 * The scheduler's way to post the skill of the day on Discord. Each send carries a nonce derived
 * from the post-log key with `enforce_nonce`, so Discord answers a repeated send (a retry after a
 * timeout, a resend after a restart within minutes) with the message it already created.
 */
import { createHash } from 'node:crypto';
import { type APIMessage, DiscordAPIError, HTTPError, RateLimitError, type REST, Routes } from 'discord.js';
import type { Delivery, TipTarget } from '../../src/delivery.ts';
import { DeliveryError } from '../../src/errors.ts';
import type { Reply } from '../../src/types.ts';
import type { ButtonIds } from './custom-id.ts';
import { NO_MENTIONS_API, renderReply } from './render.ts';

/** Discord accepts a nonce of at most 25 characters. */
const NONCE_LENGTH = 25;

/** Errors that no retry can fix: the channel is gone or the bot may not post there. */
const PERMANENT_CODES = new Map<number, string>([
  [10003, 'the channel no longer exists (Unknown Channel)'],
  [50001, 'the bot cannot see the channel (Missing Access): add it to the channel'],
  [
    50013,
    'the bot lacks a permission in the channel (Missing Permissions): allow Send Messages and Embed Links',
  ],
]);

export function nonceFor(postKey: string): string {
  return createHash('sha256').update(postKey).digest('base64url').slice(0, NONCE_LENGTH);
}

/** Translate whatever discord.js threw into the scheduler's vocabulary. */
export function toDeliveryError(error: unknown, channelId: string): DeliveryError {
  const where = `Discord channel ${channelId}`;
  if (error instanceof RateLimitError) {
    return new DeliveryError(`${where}: rate limited`, 'rate_limited', error.retryAfter);
  }
  if (error instanceof DiscordAPIError) {
    const permanent = typeof error.code === 'number' ? PERMANENT_CODES.get(error.code) : undefined;
    if (permanent) return new DeliveryError(`${where}: ${permanent}`, 'permanent');
    if (error.status === 401)
      return new DeliveryError('Discord rejected DISCORD_TOKEN (401): reset it and restart', 'auth');
    if (error.status === 404) return new DeliveryError(`${where}: not found`, 'permanent');
    if (error.status === 429) return new DeliveryError(`${where}: rate limited`, 'rate_limited');
    return new DeliveryError(
      `${where}: Discord refused the post (${error.status} ${error.code})`,
      'temporary',
    );
  }
  if (error instanceof HTTPError) {
    return new DeliveryError(`${where}: Discord answered ${error.status}`, 'temporary');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError(`${where}: ${message}`, 'temporary');
}

export interface DiscordDeliveryOptions {
  /** A REST client with the bot token set; rate limits longer than it tolerates surface as errors. */
  rest: REST;
  buttons: ButtonIds;
}

export function createDiscordDelivery({ rest, buttons }: DiscordDeliveryOptions): Delivery {
  return {
    platform: 'discord',
    async postTip(target: TipTarget, post: Reply, postKey: string) {
      const body = {
        ...renderReply(post, buttons),
        allowed_mentions: NO_MENTIONS_API,
        nonce: nonceFor(postKey),
        enforce_nonce: true,
      };
      try {
        const message = (await rest.post(Routes.channelMessages(target.channelId), { body })) as APIMessage;
        return { messageId: message.id };
      } catch (error) {
        throw toDeliveryError(error, target.channelId);
      }
    },
  };
}
