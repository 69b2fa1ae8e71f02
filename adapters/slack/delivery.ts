/**
 * How the scheduler posts the skill of the day to Slack. Each post carries its post-log key in
 * message metadata, so after a send whose outcome is unknown the scheduler can ask `findPosted`
 * instead of posting twice. The client used here must not retry by itself (see index.ts).
 */
import { webApi } from '@slack/bolt';
import type { Delivery, TipTarget } from '../../src/delivery.ts';
import { DeliveryError } from '../../src/errors.ts';
import type { Reply } from '../../src/types.ts';
import { SLACK } from './platform.ts';
import { renderReply } from './render.ts';

export const TIP_EVENT_TYPE = 'skillbot_daily_tip';

const PERMANENT = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);
const AUTH = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'missing_scope',
]);

const HINTS: Record<string, string> = {
  not_in_channel: 'the app is not in the channel: invite it with /invite @skillbot',
  channel_not_found: 'the channel does not exist or the app cannot see it',
  is_archived: 'the channel is archived',
  missing_scope: 'the app lacks a scope: reinstall it from adapters/slack/manifest.yml',
};

/** Map a Web API failure to what the scheduler should do about it. */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new DeliveryError('Slack rate limit', 'rate_limited', error.retryAfter * 1000);
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    const hint = HINTS[code] ? `: ${HINTS[code]}` : '';
    if (PERMANENT.has(code)) return new DeliveryError(`Slack refused the post (${code})${hint}`, 'permanent');
    if (AUTH.has(code)) {
      return new DeliveryError(`Slack refused the token (${code}); check SLACK_BOT_TOKEN${hint}`, 'auth');
    }
    if (code === 'ratelimited') return new DeliveryError('Slack rate limit', 'rate_limited', 1000);
    return new DeliveryError(`Slack answered ${code}`, 'temporary');
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    if (error.statusCode === 429) return new DeliveryError('Slack rate limit', 'rate_limited', 1000);
    return new DeliveryError(`Slack answered HTTP ${error.statusCode}`, 'temporary');
  }
  if (error instanceof webApi.WebAPIRequestError) {
    return new DeliveryError(`Slack could not be reached (${error.original.message})`, 'temporary');
  }
  return new DeliveryError(`Slack post failed (${(error as Error)?.message ?? String(error)})`, 'temporary');
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: { post_key?: unknown } };
}

async function findPosted(
  client: webApi.WebClient,
  target: TipTarget,
  postKey: string,
  since: Date,
): Promise<string | null> {
  const oldest = (Math.floor(since.getTime() / 1000) - 1).toString();
  let cursor: string | undefined;
  // A channel's day of messages rarely spans more than a few pages; stop after five.
  for (let page = 0; page < 5; page += 1) {
    const result = await client.conversations
      .history({ channel: target.channelId, oldest, limit: 200, include_all_metadata: true, cursor })
      .catch((error: unknown) => Promise.reject(toDeliveryError(error)));
    const messages = (result.messages ?? []) as HistoryMessage[];
    const found = messages.find(
      (m) => m.metadata?.event_type === TIP_EVENT_TYPE && m.metadata.event_payload?.post_key === postKey,
    );
    if (found?.ts) return found.ts;
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!cursor) return null;
  }
  return null;
}

/** `client` must be configured with `retryConfig: { retries: 0 }`: a retried post could land twice. */
export function createSlackDelivery(client: webApi.WebClient): Required<Delivery> {
  return {
    platform: SLACK,
    async postTip(target: TipTarget, post: Reply, postKey: string) {
      const message = renderReply(post);
      try {
        const result = await client.chat.postMessage({
          channel: target.channelId,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          metadata: { event_type: TIP_EVENT_TYPE, event_payload: { post_key: postKey } },
        });
        return { messageId: result.ts ?? '' };
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    findPosted: (target, postKey, since) => findPosted(client, target, postKey, since),
  };
}
