/** The fake's Web API methods: just enough of Slack's behaviour for the adapter's calls. */
import type { FakeCall, FakeUser } from './server.ts';

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  thread_ts?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  bot_id: string;
}

export interface FakeState {
  botToken: string;
  appToken: string;
  teamId: string;
  botUserId: string;
  botId: string;
  users: Record<string, FakeUser>;
  revokedTokens: Set<string>;
  messages: PostedMessage[];
  ephemerals: Array<{ channel: string; user: string; text: string; thread_ts?: string; blocks?: unknown[] }>;
  views: Array<{ user_id: string; view: { type: string; blocks: unknown[] } }>;
  /** Channels that refuse posts with this error (e.g. `not_in_channel`). */
  channelErrors?: Record<string, string>;
  socketUrl: string;
  nextTs: number;
}

type Result = Record<string, unknown>;

const parseJson = <T>(raw: string | undefined): T | undefined => (raw ? (JSON.parse(raw) as T) : undefined);

function tokenProblem(state: FakeState, call: FakeCall, expected: string): Result | undefined {
  if (!call.token) return { ok: false, error: 'not_authed' };
  if (state.revokedTokens.has(call.token)) return { ok: false, error: 'token_revoked' };
  if (call.token !== expected) return { ok: false, error: 'invalid_auth' };
  return undefined;
}

function nextTs(state: FakeState): string {
  state.nextTs += 1;
  return `${state.nextTs}.000100`;
}

function postMessage(state: FakeState, p: Record<string, string>): Result {
  const channel = p.channel ?? '';
  const refusal = state.channelErrors?.[channel];
  if (refusal) return { ok: false, error: refusal };
  const message: PostedMessage = {
    channel,
    ts: nextTs(state),
    text: p.text ?? '',
    thread_ts: p.thread_ts,
    blocks: parseJson(p.blocks),
    metadata: parseJson(p.metadata),
    bot_id: state.botId,
  };
  state.messages.push(message);
  return { ok: true, channel, ts: message.ts, message };
}

function history(state: FakeState, p: Record<string, string>): Result {
  const oldest = Number(p.oldest ?? 0);
  const withMetadata = p.include_all_metadata === 'true';
  const messages = state.messages
    .filter((m) => m.channel === p.channel && Number(m.ts) > oldest)
    .reverse()
    .map((m) => (withMetadata ? m : { ...m, metadata: undefined }));
  return { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } };
}

function usersInfo(state: FakeState, p: Record<string, string>): Result {
  const id = p.user ?? '';
  const user = state.users[id] ?? { name: id.toLowerCase() };
  return {
    ok: true,
    user: {
      id,
      name: user.name,
      is_admin: user.isAdmin ?? false,
      is_owner: user.isOwner ?? false,
      profile: { display_name: user.displayName ?? user.name, real_name: user.name },
    },
  };
}

export function handleMethod(state: FakeState, method: string, call: FakeCall): Result {
  const p = call.params;
  if (method === 'apps.connections.open') {
    return tokenProblem(state, call, state.appToken) ?? { ok: true, url: state.socketUrl };
  }
  const problem = tokenProblem(state, call, state.botToken);
  if (problem) return problem;
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: 'https://fake.slack.test/',
        team: 'Fake Team',
        user: 'skillbot',
        team_id: state.teamId,
        user_id: state.botUserId,
        bot_id: state.botId,
      };
    case 'chat.postMessage':
      return postMessage(state, p);
    case 'chat.postEphemeral':
      state.ephemerals.push({
        channel: p.channel ?? '',
        user: p.user ?? '',
        text: p.text ?? '',
        thread_ts: p.thread_ts,
        blocks: parseJson(p.blocks),
      });
      return { ok: true, message_ts: nextTs(state) };
    case 'users.info':
      return usersInfo(state, p);
    case 'views.publish':
      state.views.push({ user_id: p.user_id ?? '', view: parseJson(p.view) ?? { type: 'home', blocks: [] } });
      return { ok: true, view: { id: 'V0FAKE' } };
    case 'conversations.history':
      return history(state, p);
    default:
      return { ok: false, error: 'unknown_method' };
  }
}
