/**
 * The Slack adapter: Bolt in front of the core. Socket Mode when SLACK_APP_TOKEN is set,
 * otherwise HTTP mode on PORT at /slack/events (with /healthz and /readyz beside it).
 *
 * Nothing touches the network until `start()`: it checks the bot token with `auth.test` first,
 * so a bad token is one clear message naming SLACK_BOT_TOKEN. Bolt is then given the bot's ids,
 * which stops it from calling `auth.test` from its constructor, where a failure would surface as
 * an unhandled rejection instead.
 */
import { App, type Logger as BoltLogger, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Adapter } from '../../src/adapter.ts';
import type { Bot } from '../../src/bot.ts';
import type { Delivery, TipTarget } from '../../src/delivery.ts';
import { ConfigError } from '../../src/errors.ts';
import type { Logger } from '../../src/log.ts';
import { type Clock, systemClock } from '../../src/types.ts';
import { type BotIdentity, boltLogger, checkBotToken, clientOptions, startupProblem } from './client.ts';
import { createSeenSet } from './dedup.ts';
import { createSlackDelivery } from './delivery.ts';
import { registerListeners } from './listeners.ts';
import type { SlackConfig } from './platform.ts';
import { SLACK } from './platform.ts';
import { type Readiness, VerifyingReceiver } from './receiver.ts';
import { guardSocketMessages } from './socket-guard.ts';
import { createUserDirectory } from './users.ts';

export interface SlackAdapterOptions {
  config: SlackConfig;
  bot: Bot;
  log: Logger;
  clock?: Clock;
  /** What `GET /readyz` reports in HTTP mode; defaults to this adapter's own readiness. */
  readiness?: () => Readiness;
  /** Interface to listen on in HTTP mode; default all. Tests pass 127.0.0.1. */
  listenHost?: string;
}

export interface SlackAdapter extends Adapter {
  /** The HTTP port actually bound (HTTP mode, after start), e.g. when PORT is 0. */
  httpPort(): number | undefined;
}

/** Redeliveries come within minutes; keep ids for ten. */
const SEEN_TTL_MS = 10 * 60_000;

function socketReceiver(config: SlackConfig, logger: BoltLogger, log: Logger, onLink: (up: boolean) => void) {
  const receiver = new SocketModeReceiver({
    appToken: config.appToken?.reveal() ?? '',
    logger,
    // apps.connections.open goes wherever the Web API goes (proxies, the tests' fake).
    installerOptions: { clientOptions: clientOptions(config, logger, 2) },
  });
  guardSocketMessages(receiver.client, config.command, log);
  receiver.client.on('connected', () => onLink(true));
  receiver.client.on('reconnecting', () => onLink(false));
  receiver.client.on('disconnected', () => onLink(false));
  return receiver;
}

function httpReceiver(
  options: SlackAdapterOptions,
  clock: Clock,
  log: Logger,
  ownReadiness: () => Readiness,
) {
  const { signingSecret, port } = options.config;
  if (!signingSecret) {
    throw new ConfigError('SLACK_SIGNING_SECRET is missing: set it for HTTP mode, or set SLACK_APP_TOKEN.');
  }
  return new VerifyingReceiver({
    signingSecret: signingSecret.reveal(),
    command: options.config.command,
    port,
    host: options.listenHost,
    clock,
    log,
    boltLogger: boltLogger(log),
    readiness: options.readiness ?? ownReadiness,
  });
}

/** `app.start()`, with its failures turned into messages an operator can act on. */
async function startApp(app: App, config: SlackConfig): Promise<void> {
  try {
    await app.start();
  } catch (error) {
    await app.stop().catch(() => {});
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError(
        `PORT ${config.port} is already in use: stop the other process or choose another PORT.`,
      );
    }
    throw startupProblem(error, config.appToken ? 'SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN');
  }
}

class SlackAdapterImpl implements SlackAdapter {
  readonly platform = SLACK;
  readonly delivery: Delivery;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly logger: ReturnType<typeof boltLogger>;
  private readonly token: string;
  private readonly api: webApi.WebClient;
  private readonly seen: ReturnType<typeof createSeenSet>;
  private app: App | undefined;
  private starting: Promise<void> | undefined;
  private http: VerifyingReceiver | undefined;
  private identity: BotIdentity | undefined;
  private connected = false;

  constructor(private readonly options: SlackAdapterOptions) {
    const { config } = options;
    this.clock = options.clock ?? systemClock;
    this.log = options.log.child({ adapter: 'slack' });
    this.logger = boltLogger(this.log);
    this.token = config.botToken.reveal();
    this.api = new webApi.WebClient(this.token, clientOptions(config, this.logger, 2));
    // Posts never retry inside the client: a retried post could land twice (see delivery.ts).
    this.delivery = createSlackDelivery(
      new webApi.WebClient(this.token, clientOptions(config, this.logger, 0)),
    );
    this.seen = createSeenSet(this.clock, SEEN_TTL_MS);
  }

  start(): Promise<void> {
    // Concurrent calls share one start; a failed start may be tried again.
    this.starting ??= this.connect().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  async stop(): Promise<void> {
    const running = this.app;
    this.app = undefined;
    this.starting = undefined;
    this.connected = false;
    await running?.stop().catch((error: unknown) => this.log.warn({ err: error }, 'slack stop failed'));
  }

  async stopAccepting(): Promise<void> {
    await this.http?.stopAccepting();
  }

  isReady(): boolean {
    return this.connected;
  }

  defaultTipTarget(): TipTarget | undefined {
    const { tipChannel } = this.options.config;
    if (!this.identity || !tipChannel) return undefined;
    return { platform: SLACK, workspaceId: this.identity.teamId, channelId: tipChannel };
  }

  httpPort(): number | undefined {
    return this.http?.port;
  }

  private readonly ownReadiness = (): Readiness => ({
    ready: this.connected,
    reasons: this.connected ? [] : ['slack: not connected'],
  });

  private async connect(): Promise<void> {
    const { config, bot } = this.options;
    const identity = await checkBotToken(this.api);
    this.identity = identity;
    this.http = config.appToken
      ? undefined
      : httpReceiver(this.options, this.clock, this.log, this.ownReadiness);
    const receiver =
      this.http ??
      socketReceiver(config, this.logger, this.log, (up) => {
        this.connected = up;
      });
    const created = new App({
      token: this.token,
      botId: identity.botId,
      botUserId: identity.botUserId,
      receiver,
      clientOptions: clientOptions(config, this.logger, 2),
      logger: this.logger,
      // Bolt's default conversation store keeps per-channel state we never read.
      convoStore: false,
    });
    const users = createUserDirectory(this.api, this.clock, this.log);
    const { clock, log, seen } = this;
    registerListeners(created, { bot, users, clock, log, identity, command: config.command, seen });
    await startApp(created, config);
    this.app = created;
    this.connected = true;
    log.info(
      { mode: config.appToken ? 'socket' : 'http', port: this.http?.port, team: identity.teamId },
      'slack connected',
    );
  }
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  return new SlackAdapterImpl(options);
}
