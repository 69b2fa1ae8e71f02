/**
 * Requests as Slack sends them: slash commands (form-encoded), Events API callbacks (JSON) and
 * block_actions (form-encoded `payload=`), signed like Slack signs them. Loopback only.
 */
import { createHmac, randomUUID } from 'node:crypto';

export const TEAM = 'T0FAKE';

/** Signed independently of the adapter's verifier, so a test can catch a wrong verifier. */
export function slackSignature(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlashOptions {
  text: string;
  responseUrl: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  command?: string;
}

export function slashCommand(o: SlashOptions): Record<string, string> {
  return {
    token: 'verification-token-unused',
    team_id: TEAM,
    team_domain: 'fake',
    channel_id: o.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: o.userId ?? 'U0ALICE',
    user_name: o.userName ?? 'alice',
    command: o.command ?? '/skills',
    text: o.text,
    api_app_id: 'A0FAKE',
    response_url: o.responseUrl,
    trigger_id: '123.456.abc',
  };
}

export const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

export function eventCallback(event: Record<string, unknown>, eventId = `Ev${randomUUID().slice(0, 8)}`) {
  return {
    token: 'verification-token-unused',
    team_id: TEAM,
    api_app_id: 'A0FAKE',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: TEAM, user_id: 'U0BOT', is_bot: true }],
  };
}

export interface ActionOptions {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  ephemeral?: boolean;
  /** A click on the Home tab: the view's private_metadata, as the adapter published it. */
  home?: { privateMetadata: string };
}

export function blockActions(o: ActionOptions): Record<string, unknown> {
  const channel = o.channelId ?? 'C0GENERAL';
  return {
    type: 'block_actions',
    team: { id: TEAM, domain: 'fake' },
    user: {
      id: o.userId ?? 'U0ALICE',
      username: o.userName ?? 'alice',
      name: o.userName ?? 'alice',
      team_id: TEAM,
    },
    api_app_id: 'A0FAKE',
    token: 'verification-token-unused',
    trigger_id: '123.456.abc',
    ...(o.home
      ? {
          container: { type: 'view', view_id: 'V0FAKE' },
          view: { id: 'V0FAKE', type: 'home', blocks: [], private_metadata: o.home.privateMetadata },
        }
      : {
          container: {
            type: 'message',
            message_ts: '1.2',
            channel_id: channel,
            is_ephemeral: o.ephemeral ?? false,
          },
          channel: { id: channel, name: 'general' },
          message: { type: 'message', ts: '1.2', text: '' },
          response_url: o.responseUrl,
        }),
    actions: [
      {
        type: 'button',
        action_id: o.actionId,
        block_id: 'b1',
        value: o.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1.3',
      },
    ],
  };
}

export interface PostOptions {
  secret: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  signature?: string;
  contentType?: string;
  headers?: Record<string, string>;
  omitSignatureHeaders?: boolean;
}

/** POST a body to the adapter's events URL the way Slack does. */
export async function postToSlackEndpoint(url: string, body: string, o: PostOptions): Promise<Response> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': o.contentType ?? 'application/x-www-form-urlencoded',
    ...(o.omitSignatureHeaders
      ? {}
      : {
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': o.signature ?? slackSignature(o.secret, timestamp, body),
        }),
    ...o.headers,
  };
  return fetch(url, { method: 'POST', headers, body });
}

export const actionForm = (payload: Record<string, unknown>): string =>
  form({ payload: JSON.stringify(payload) });
