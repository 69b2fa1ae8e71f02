/**
 * A small fake Discord on 127.0.0.1: REST (`/api/v10/...`) and a gateway WebSocket on one port.
 * Drive the real discord.js client against it: `rest: { api: fake.apiUrl }`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway, type GatewayOptions } from './gateway.ts';
import {
  type FakeGuild,
  type FakeUser,
  interactionPayload,
  MANAGE_GUILD,
  messagePayload,
  snowflake,
} from './payloads.ts';
import { error, FakeRest, type RecordedRequest } from './rest.ts';

export { MANAGE_GUILD } from './payloads.ts';
export { error, type Json, type RecordedRequest, rateLimited } from './rest.ts';

export interface FakeDiscordOptions extends Partial<GatewayOptions> {
  token?: string;
  /** Answer `GET /channels/:id` (default true); false answers 404 like a minimal fake would. */
  channelLookup?: boolean;
  /** Discord's clock in ms (ids, timestamps, the nonce window); default the real one. */
  now?: () => number;
}

export interface MessageOptions {
  author?: FakeUser;
  /** Put the bot in the payload's `mentions` (what `@skillbot` does). Default true. */
  mentionBot?: boolean;
  /** A DM instead of the guild channel. */
  dm?: boolean;
  roles?: string[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
}

export interface InteractionOptions {
  /** The top-level command; default `skills`. */
  command?: string;
  user?: FakeUser;
  dm?: boolean;
  permissions?: bigint;
}

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;

export const FAKE_TOKEN = 'fake-discord-token.0123456789.abcdefghij';

export async function startFakeDiscord(options: FakeDiscordOptions = {}) {
  const bot: FakeUser = { id: snowflake(), username: 'skillbot', global_name: 'skillbot', bot: true };
  const alice: FakeUser = { id: snowflake(), username: 'alice', global_name: 'Alice' };
  const guild: FakeGuild = {
    id: snowflake(),
    name: 'Backend Guild',
    ownerId: snowflake(),
    channelId: snowflake(),
    otherChannelId: snowflake(),
    adminRoleId: snowflake(),
  };
  const state = {
    token: options.token ?? FAKE_TOKEN,
    applicationId: bot.id,
    bot,
    guild,
    now: options.now ?? Date.now,
  };
  let port = 0;
  const http = createServer();
  const rest = new FakeRest(state, () => `ws://127.0.0.1:${port}/gateway`);
  if (options.channelLookup === false)
    rest.failAlways('GET', /^\/channels\/\d+$/, error(404, 0, '404: Not Found'));
  http.on('request', (req, res) => void rest.handle(req, res));
  const gateway = new FakeGateway(
    http,
    state,
    {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 45_000,
      closeOnIdentify: options.closeOnIdentify,
      guildsInReady: options.guildsInReady,
    },
    () => `ws://127.0.0.1:${port}/gateway`,
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  port = (http.address() as AddressInfo).port;
  const dmChannelId = snowflake();

  /** A message from `author` (default Alice) in the guild channel or a DM; returns its payload. */
  function sendMessage(content: string, o: MessageOptions = {}) {
    const payload = messagePayload({
      id: snowflake(),
      channelId: o.dm ? dmChannelId : guild.channelId,
      guildId: o.dm ? undefined : guild.id,
      author: o.author ?? alice,
      content,
      roles: o.roles,
      mentions: o.mentionBot === false ? [] : [bot],
      mentionRoles: o.mentionRoles,
      mentionEveryone: o.mentionEveryone,
      channelType: o.dm ? 1 : 0,
    });
    gateway.dispatch('MESSAGE_CREATE', payload);
    return payload;
  }

  function sendInteraction(
    type: 2 | 3 | 4,
    data: Record<string, unknown>,
    o: InteractionOptions,
    message?: unknown,
  ) {
    const payload = interactionPayload({
      id: snowflake(),
      token: `itoken-${snowflake()}`,
      applicationId: bot.id,
      type,
      user: o.user ?? alice,
      data,
      guildId: o.dm ? undefined : guild.id,
      channelId: o.dm ? dmChannelId : guild.channelId,
      permissions: o.permissions,
      message,
    });
    gateway.dispatch('INTERACTION_CREATE', payload);
    return payload;
  }

  /** `/skills <sub> name:value ...` as a chat-input interaction (data.type 1). */
  function sendSlash(sub: string, values: Record<string, string> = {}, o: InteractionOptions = {}) {
    const options = Object.entries(values).map(([name, value]) => ({ type: 3, name, value }));
    const name = o.command ?? 'skills';
    const data = { id: snowflake(), name, type: 1, options: [{ type: 1, name: sub, options }] };
    return sendInteraction(2, data, o);
  }

  /** An autocomplete request while typing `/skills <sub> <option>:<typed>`. */
  function sendAutocomplete(sub: string, option: string, typed: string, o: InteractionOptions = {}) {
    const focused = [{ type: 3, name: option, value: typed, focused: true }];
    const data = {
      id: snowflake(),
      name: 'skills',
      type: 1,
      options: [{ type: 1, name: sub, options: focused }],
    };
    return sendInteraction(4, data, o);
  }

  /** A click on a button with `customId` on a message the bot posted earlier. */
  function clickButton(customId: string, o: InteractionOptions = {}) {
    const message = messagePayload({
      id: snowflake(),
      channelId: o.dm ? dmChannelId : guild.channelId,
      guildId: o.dm ? undefined : guild.id,
      author: bot,
      content: '',
    });
    return sendInteraction(3, { custom_id: customId, component_type: 2 }, o, message);
  }

  /** Every request after the interaction `token` that answered it (callback, edits, follow-ups). */
  function answersTo(token: string): RecordedRequest[] {
    return rest.requests.filter((r) => r.path.includes(`/${token}`));
  }

  function waitForAnswer(token: string, match: (r: RecordedRequest) => boolean = () => true) {
    return rest.waitForRequest((r) => r.path.includes(`/${token}`) && match(r));
  }

  /** Requests that posted a channel message (replies, daily posts), in order. */
  function channelPosts(): RecordedRequest[] {
    return rest.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));
  }

  async function close(): Promise<void> {
    await gateway.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  }

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    token: state.token,
    /** Change the token Discord accepts, as if the bot's token were reset. */
    revokeToken(): void {
      state.token = `${state.token}-revoked`;
    },
    ids: {
      bot: bot.id,
      guild: guild.id,
      channel: guild.channelId,
      otherChannel: guild.otherChannelId,
      adminRole: guild.adminRoleId,
      dm: dmChannelId,
    },
    users: { bot, alice, bob: { id: snowflake(), username: 'bob', global_name: 'Bob' } as FakeUser },
    MANAGE_GUILD,
    rest,
    gateway,
    sendMessage,
    sendSlash,
    sendAutocomplete,
    clickButton,
    answersTo,
    waitForAnswer,
    channelPosts,
    close,
  };
}
