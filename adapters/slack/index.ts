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
import type { SlackConfig } from '../../src/config.ts';
import type { TipTarget } from '../../src/delivery.ts';
import { ConfigError } from '../../src/errors.ts';
import type { Logger } from '../../src/log.ts';
import { type Clock, systemClock } from '../../src/types.ts';
import { type BotIdentity, boltLogger, checkBotToken, clientOptions, startupProblem } from './client.ts';
import { createSeenSet } from './dedup.ts';
import { createSlackDelivery } from './delivery.ts';
import { registerListeners } from './listeners.ts';
import { type Readiness, VerifyingReceiver } from './receiver.ts';
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

function socketReceiver(config: SlackConfig, logger: BoltLogger, onLink: (up: boolean) => void) {
  const receiver = new SocketModeReceiver({
    appToken: config.appToken?.reveal() ?? '',
    logger,
    // apps.connections.open goes wherever the Web API goes (proxies, the tests' fake).
    installerOptions: { clientOptions: clientOptions(config, logger, 2) },
  });
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

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, bot } = options;
  const clock = options.clock ?? systemClock;
  const log = options.log.child({ adapter: 'slack' });
  const logger = boltLogger(log);
  const token = config.botToken.reveal();
  const api = new webApi.WebClient(token, clientOptions(config, logger, 2));
  // Posts never retry inside the client: a retried post could land twice (see delivery.ts).
  const delivery = createSlackDelivery(new webApi.WebClient(token, clientOptions(config, logger, 0)));
  const seen = createSeenSet(clock, SEEN_TTL_MS);
  let app: App | undefined;
  let starting: Promise<void> | undefined;
  let http: VerifyingReceiver | undefined;
  let identity: BotIdentity | undefined;
  let connected = false;
  const ownReadiness = (): Readiness => ({
    ready: connected,
    reasons: connected ? [] : ['slack: not connected'],
  });

  async function connect(): Promise<void> {
    identity = await checkBotToken(api);
    http = config.appToken ? undefined : httpReceiver(options, clock, log, ownReadiness);
    const receiver =
      http ??
      socketReceiver(config, logger, (up) => {
        connected = up;
      });
    const created = new App({
      token,
      botId: identity.botId,
      botUserId: identity.botUserId,
      receiver,
      clientOptions: clientOptions(config, logger, 2),
      logger,
      // Bolt's default conversation store keeps per-channel state we never read.
      convoStore: false,
    });
    const users = createUserDirectory(api, clock, log);
    registerListeners(created, { bot, users, clock, log, identity, command: config.command, seen });
    await startApp(created, config);
    app = created;
    connected = true;
    const mode = config.appToken ? 'socket' : 'http';
    log.info({ mode, port: http?.port, team: identity.teamId }, 'slack connected');
  }

  return {
    platform: 'slack',
    delivery,
    start() {
      // Concurrent calls share one start; a failed start may be tried again.
      starting ??= connect().catch((error: unknown) => {
        starting = undefined;
        throw error;
      });
      return starting;
    },
    async stop() {
      const running = app;
      app = undefined;
      starting = undefined;
      connected = false;
      await running?.stop().catch((error: unknown) => log.warn({ err: error }, 'slack stop failed'));
    },
    isReady: () => connected,
    defaultTipTarget(): TipTarget | undefined {
      if (!identity || !config.tipChannel) return undefined;
      return { platform: 'slack', workspaceId: identity.teamId, channelId: config.tipChannel };
    },
    httpPort: () => http?.port,
  };
}
