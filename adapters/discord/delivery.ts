/**
 * The scheduler's way to post the skill of the day on Discord. Each send carries a nonce derived
 * from the post-log key with `enforce_nonce`, so Discord answers a repeated send (a retry after a
 * timeout, a resend after a restart within minutes) with the message it already created.
 *
 * Discord forgets nonces after a few minutes, so each post also shows a marker from the same key
 * in its embed footer. After a restart hours later, `findPosted` reads the channel's messages
 * since the claim and recognises the bot's own post by that marker instead of posting again.
 */
import { createHash } from 'node:crypto';
import {
  type APIMessage,
  type APIUser,
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  type REST,
  Routes,
  SnowflakeUtil,
} from 'discord.js';
import type { Delivery, TipTarget } from '../../src/delivery.ts';
import { DeliveryError } from '../../src/errors.ts';
import type { Reply } from '../../src/types.ts';
import type { ButtonIds } from './custom-id.ts';
import { DISCORD } from './platform.ts';
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

/** Read this far before the claim: our clock and Discord's may disagree a little. */
const LOOKBACK_MARGIN_MS = 60_000;
/** Discord's largest page of channel messages. */
const PAGE_SIZE = 100;
/** Pages read before concluding the post is not there (only a very busy channel needs a second). */
const MAX_PAGES = 5;

export function nonceFor(postKey: string): string {
  return createHash('sha256').update(postKey).digest('base64url').slice(0, NONCE_LENGTH);
}

/**
 * The footer every daily post shows: names the bot's post for people, and identifies the (channel,
 * day) for `findPosted`. A hash of the post key, so nothing but the post's identity is revealed.
 */
export function postMarker(postKey: string): string {
  return `skillbot daily tip · ${nonceFor(postKey)}`;
}

/** The smallest snowflake of `instant` less the margin: `after` it come all messages since then. */
export function snowflakeBefore(instant: Date): string {
  const timestamp = Math.max(instant.getTime() - LOOKBACK_MARGIN_MS, Number(SnowflakeUtil.epoch));
  return SnowflakeUtil.generate({ timestamp, increment: 0n, workerId: 0n, processId: 0n }).toString();
}

const bySnowflake = (a: APIMessage, b: APIMessage): number => (BigInt(a.id) < BigInt(b.id) ? -1 : 1);

/** Only the bot's own messages count: anyone can write the same footer text in an embed. */
function isMarkedPost(message: APIMessage, botUserId: string, marker: string): boolean {
  return message.author?.id === botUserId && (message.embeds ?? []).some((e) => e.footer?.text === marker);
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

/**
 * A refused look says nothing about whether the post landed. Reported as `rate_limited`, the
 * scheduler would send again without looking; as `temporary` it looks again before sending.
 */
function lookupError(error: unknown, channelId: string): DeliveryError {
  const mapped = toDeliveryError(error, channelId);
  if (mapped.failure !== 'rate_limited') return mapped;
  return new DeliveryError(`${mapped.message} while looking for an earlier post`, 'temporary');
}

/** The bot's user id, asked of Discord once; a failed ask is tried again next time. */
function botUserIdOf(rest: REST): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () => {
    if (!pending) {
      const asked = (rest.get(Routes.user()) as Promise<APIUser>).then((user) => user.id);
      asked.catch(() => {
        if (pending === asked) pending = undefined;
      });
      pending = asked;
    }
    return pending;
  };
}

/** The id of the earliest message in the channel since `since` that `match` accepts, if any. */
async function findMarked(
  rest: REST,
  channelId: string,
  match: (message: APIMessage) => boolean,
  since: Date,
): Promise<string | null> {
  let after = snowflakeBefore(since);
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ after, limit: String(PAGE_SIZE) });
    const messages = (await rest.get(Routes.channelMessages(channelId), { query })) as APIMessage[];
    // Discord lists the page newest first; sort rather than rely on it.
    const sorted = [...messages].sort(bySnowflake);
    const found = sorted.find(match);
    if (found) return found.id;
    const newest = sorted.at(-1);
    if (!newest || messages.length < PAGE_SIZE) return null;
    after = newest.id;
  }
  return null;
}

export interface DiscordDeliveryOptions {
  /** A REST client with the bot token set; rate limits longer than it tolerates surface as errors. */
  rest: REST;
  buttons: ButtonIds;
}

export function createDiscordDelivery({ rest, buttons }: DiscordDeliveryOptions): Delivery {
  const botUserId = botUserIdOf(rest);
  return {
    platform: DISCORD,
    async postTip(target: TipTarget, post: Reply, postKey: string) {
      const body = {
        ...renderReply(post, buttons, { footer: postMarker(postKey) }),
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
    async findPosted(target: TipTarget, postKey: string, since: Date) {
      const marker = postMarker(postKey);
      try {
        const self = await botUserId();
        return await findMarked(rest, target.channelId, (m) => isMarkedPost(m, self, marker), since);
      } catch (error) {
        throw lookupError(error, target.channelId);
      }
    },
  };
}
