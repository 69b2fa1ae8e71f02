/** The discord.js client as skillbot configures it, and the waits around connecting. */
import {
  type Channel,
  Client,
  type CloseEvent,
  Events,
  GatewayIntentBits,
  Options,
  Partials,
} from 'discord.js';
import type { TipTarget } from '../../src/delivery.ts';
import type { Logger } from '../../src/log.ts';
import { closeCodeError } from './errors.ts';
import { DISCORD } from './platform.ts';
import { NO_MENTIONS } from './render.ts';

/**
 * Only non-privileged intents: Discord delivers the content of messages that mention the bot and
 * of DMs without MessageContent, and skillbot reads no other messages.
 */
export function createClient(apiUrl: string): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // DM channels are not cached before their first message; without this partial DMs are dropped.
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    // Reply even if the asker deleted their message meanwhile.
    failIfNotExists: false,
    // skillbot never looks back at old messages: keep only a few per channel in memory.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 20 }),
    rest: { api: apiUrl },
  });
}

/** Resolves at `clientReady` (every guild received); rejects if the gateway closes for good first. */
export function untilReady(client: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (done: () => void) => {
      client.off(Events.ClientReady, onReady);
      client.off(Events.ShardDisconnect, onClose);
      done();
    };
    const onReady = () => settle(resolve);
    const onClose = (event: CloseEvent) => {
      if (closeCodeError(event.code)) settle(() => reject(new Error(`gateway closed with ${event.code}`)));
    };
    client.once(Events.ClientReady, onReady);
    client.on(Events.ShardDisconnect, onClose);
  });
}

/** How long to wait for the server holding DISCORD_TIP_CHANNEL to arrive when neither cache nor REST has it. */
const TIP_CHANNEL_WAIT_MS = 3000;

/** The channel once a GUILD_CREATE carrying it has been handled, or undefined after `ms`. */
function channelArriving(client: Client, channelId: string, ms: number): Promise<Channel | undefined> {
  return new Promise((resolve) => {
    const done = (channel: Channel | undefined) => {
      clearTimeout(timer);
      client.off(Events.GuildCreate, onGuild);
      resolve(channel);
    };
    const onGuild = () => {
      const channel = client.channels.cache.get(channelId);
      if (channel) done(channel);
    };
    const timer = setTimeout(() => done(undefined), ms);
    client.on(Events.GuildCreate, onGuild);
    // It may have arrived while the REST lookup was failing.
    onGuild();
  });
}

/**
 * DISCORD_TIP_CHANNEL as a tip target; its server is the workspace. Looked up in the cache, then
 * through REST, then by waiting briefly for its server's GUILD_CREATE (which may follow READY).
 * Undefined, with a warning saying what to fix, when the bot cannot use the channel.
 */
export async function resolveTipTarget(
  client: Client,
  channelId: string | undefined,
  log: Logger,
  waitMs = TIP_CHANNEL_WAIT_MS,
): Promise<TipTarget | undefined> {
  if (!channelId) return undefined;
  let failure: unknown;
  const channel =
    client.channels.cache.get(channelId) ??
    (await client.channels.fetch(channelId).catch((error: unknown) => {
      failure = error;
      return null;
    })) ??
    (await channelArriving(client, channelId, waitMs));
  if (channel?.isTextBased() && !channel.isDMBased()) {
    return { platform: DISCORD, workspaceId: channel.guildId, channelId: channel.id };
  }
  const why = channel
    ? 'is not a server text channel'
    : 'cannot be seen by the bot: check the id, invite the bot to that server and let it view the channel';
  log.warn({ channelId, err: failure }, `DISCORD_TIP_CHANNEL ${why}; no daily post from it`);
  return undefined;
}

/** Wait for `work` to settle, but no longer than `ms`. */
export async function settleWithin(work: Iterable<Promise<unknown>>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([Promise.allSettled([...work]), grace]);
  clearTimeout(timer);
}
