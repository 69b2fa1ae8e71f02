/**
 * skillbot on Discord (discord.js 14): mentions and DMs, `/skills` slash commands, buttons, and
 * the daily post, with the non-privileged intents Guilds, GuildMessages and DirectMessages only.
 */
import { type Client, type CloseEvent, Events, type RateLimitData, REST } from 'discord.js';
import type { Adapter } from '../../src/adapter.ts';
import type { Bot } from '../../src/bot.ts';
import type { Delivery, TipTarget } from '../../src/delivery.ts';
import type { SkillbotError } from '../../src/errors.ts';
import type { Logger } from '../../src/log.ts';
import { type Clock, systemClock } from '../../src/types.ts';
import { createClient, resolveTipTarget, settleWithin, untilReady } from './connection.ts';
import { ButtonIds } from './custom-id.ts';
import { createDiscordDelivery } from './delivery.ts';
import { closeCodeError, startFailure } from './errors.ts';
import { handleInteraction, type InteractionContext } from './interactions.ts';
import { answerMessage } from './messages.ts';
import type { DiscordConfig } from './platform.ts';
import { DISCORD } from './platform.ts';

export { commandDefinitions } from './commands.ts';

export const DISCORD_API_DEFAULT = 'https://discord.com/api';
/** Discord allows 3 s for the first response; answer directly when the core is quicker than this. */
export const DEFAULT_DEFER_AFTER_MS = 1000;
/** A daily post facing a longer rate limit goes back to the scheduler rather than blocking the send. */
const LONG_RATE_LIMIT_MS = 5000;
/** How long `stop()` lets handlers already running finish. */
const STOP_GRACE_MS = 8000;

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  bot: Bot;
  log: Logger;
  clock?: Clock;
  /**
   * Called once when Discord ends the session for good after `start()` resolved (token revoked:
   * close 4004; intents disallowed: 4014). The adapter has stopped by then; the process should exit.
   */
  onFatal?: (error: SkillbotError) => void;
  /** Answer directly within this many ms, otherwise defer first (0 = always defer). */
  deferAfterMs?: number;
  /** How long `start()` waits for DISCORD_TIP_CHANNEL's server when neither cache nor REST knows it. */
  tipChannelWaitMs?: number;
}

class DiscordAdapter implements Adapter {
  readonly platform = DISCORD;
  readonly delivery: Delivery;
  private readonly client: Client;
  private readonly apiUrl: string;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly context: InteractionContext;
  private ready = false;
  private starting: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private lastCloseCode: number | undefined;
  private tipTarget: TipTarget | undefined;

  constructor(private readonly options: DiscordAdapterOptions) {
    this.apiUrl = options.config.apiUrl ?? DISCORD_API_DEFAULT;
    const buttons = new ButtonIds();
    this.client = createClient(this.apiUrl);
    this.context = {
      bot: options.bot,
      log: options.log,
      clock: options.clock ?? systemClock,
      buttons,
      deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    };
    // Posts use their own REST client so only they hand long rate limits back instead of waiting.
    const rest = new REST({
      api: this.apiUrl,
      rejectOnRateLimit: (limit: RateLimitData) => limit.retryAfter > LONG_RATE_LIMIT_MS,
    }).setToken(options.config.token.reveal());
    this.delivery = createDiscordDelivery({ rest, buttons });
    this.listen();
  }

  start(): Promise<void> {
    if (this.stopping) return Promise.reject(new Error('discord: this adapter was stopped'));
    this.starting ??= this.connect();
    return this.starting;
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.ready = false;
      await settleWithin(this.inFlight, STOP_GRACE_MS);
      await this.client.destroy();
    })();
    return this.stopping;
  }

  isReady(): boolean {
    return this.ready && this.client.isReady();
  }

  defaultTipTarget(): TipTarget | undefined {
    return this.tipTarget;
  }

  private async connect(): Promise<void> {
    const { config, log } = this.options;
    try {
      const readyEvent = untilReady(this.client);
      readyEvent.catch(() => undefined);
      await this.client.login(config.token.reveal());
      await readyEvent;
    } catch (error) {
      await this.client.destroy();
      throw startFailure(error, this.lastCloseCode, this.apiUrl);
    }
    this.tipTarget = await resolveTipTarget(
      this.client,
      config.tipChannel,
      log,
      this.options.tipChannelWaitMs,
    );
    this.ready = true;
    log.info({ user: this.client.user?.tag, guilds: this.client.guilds.cache.size }, 'discord: connected');
  }

  private listen(): void {
    const { client, context } = this;
    const { log } = this.options;
    // Returning the promise lets discord.js turn a rejection into an `error` event (logged below).
    client.on(Events.MessageCreate, (message) => this.track(() => answerMessage(message, context)));
    client.on(Events.InteractionCreate, (interaction) =>
      this.track(() => handleInteraction(interaction, context)),
    );
    // With no `error` listener, Node would crash the process on the first failed listener.
    client.on(Events.Error, (err) => log.error({ err }, 'discord: client error'));
    client.on(Events.Warn, (message) => log.warn({ message }, 'discord: warning'));
    client.on(Events.ShardReconnecting, () => {
      // destroy() during shutdown also emits this; only a real loss is worth a line.
      if (!this.stopping) log.info('discord: gateway connection lost, reconnecting');
    });
    client.on(Events.ShardResume, () => log.info('discord: gateway session resumed'));
    client.on(Events.ShardDisconnect, (event: CloseEvent) => this.onDisconnect(event.code));
  }

  /** Run a handler unless stopping, and remember it so `stop()` can let it finish. */
  private track(handler: () => Promise<void>): Promise<void> | undefined {
    if (this.stopping) return undefined;
    const work = handler();
    this.inFlight.add(work);
    return work.finally(() => this.inFlight.delete(work));
  }

  private onDisconnect(code: number): void {
    this.lastCloseCode = code;
    const fatal = closeCodeError(code);
    if (!fatal || !this.ready || this.stopping) return;
    this.ready = false;
    this.options.log.fatal({ code }, fatal.message);
    void this.stop().finally(() => this.options.onFatal?.(fatal));
  }
}

export function createDiscordAdapter(options: DiscordAdapterOptions): Adapter {
  return new DiscordAdapter(options);
}
