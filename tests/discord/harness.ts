/** The real Discord adapter (real discord.js client) connected to a fresh fake Discord. */
import { createDiscordAdapter, type DiscordAdapterOptions } from '../../adapters/discord/index.ts';
import type { Adapter } from '../../src/adapter.ts';
import type { Bot } from '../../src/bot.ts';
import type { CoreDeps } from '../../src/core.ts';
import type { TipTarget } from '../../src/delivery.ts';
import { DeliveryError } from '../../src/errors.ts';
import { Secret } from '../../src/secret.ts';
import {
  type FakeDiscord,
  type FakeDiscordOptions,
  type Json,
  type RecordedRequest,
  startFakeDiscord,
} from '../fakes/discord/index.ts';
import { testBot } from '../support/core.ts';

export interface Harness {
  fake: FakeDiscord;
  adapter: Adapter;
  bot: Bot;
  deps: CoreDeps;
  close(): Promise<void>;
}

export interface HarnessOptions {
  fake?: FakeDiscordOptions;
  deps?: Partial<CoreDeps>;
  /** Wrap the real bot (to make it throw, slow it down, ...). */
  wrapBot?: (bot: Bot) => Bot;
  adapter?: Partial<DiscordAdapterOptions>;
  /** The DISCORD_TOKEN the adapter uses; default the one the fake accepts. */
  token?: string;
  /** DISCORD_TIP_CHANNEL; default the fake's main channel. */
  tipChannel?: string;
  /** Leave `start()` to the test. */
  start?: boolean;
}

export async function connect(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeDiscord(options.fake);
  const { bot: realBot, deps } = testBot(options.deps);
  const bot = options.wrapBot ? options.wrapBot(realBot) : realBot;
  const adapter = createDiscordAdapter({
    config: {
      token: new Secret(options.token ?? fake.token),
      apiUrl: fake.apiUrl,
      tipChannel: options.tipChannel ?? fake.ids.channel,
    },
    bot,
    log: deps.log,
    clock: deps.clock,
    ...options.adapter,
  });
  const harness: Harness = {
    fake,
    adapter,
    bot,
    deps,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
  if (options.start !== false) {
    try {
      await adapter.start();
    } catch (error) {
      await harness.close();
      throw error;
    }
  }
  return harness;
}

/** The embed text (title, description, fields) of a recorded message body, for assertions. */
export function embedText(body: Json): string {
  const embed = body?.embeds?.[0] ?? body?.data?.embeds?.[0];
  if (!embed) return String(body?.content ?? body?.data?.content ?? '');
  const fields = (embed.fields ?? []).map((f: { name: string; value: string }) => `${f.name}: ${f.value}`);
  return [embed.title, embed.description, ...fields].filter(Boolean).join('\n');
}

export const EPHEMERAL = 1 << 6;

/** The interaction callback (type 4 reply or 5 defer) recorded for `token`. */
export function callbackOf(requests: RecordedRequest[]): RecordedRequest | undefined {
  return requests.find((r) => r.path.endsWith('/callback'));
}

/** A REST request that creates a message in a channel. */
export const isChannelPost = (r: { method: string; path: string }) =>
  r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path);

/** The fake's text channel (or `channelId`) as a scheduler target. */
export function targetIn(harness: Harness, channelId = harness.fake.ids.channel): TipTarget {
  return { platform: 'discord', workspaceId: harness.fake.ids.guild, channelId };
}

/** The DeliveryError a promise rejects with; anything else fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const outcome = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(outcome instanceof DeliveryError))
    throw new Error(`expected a DeliveryError, got ${String(outcome)}`);
  return outcome;
}
