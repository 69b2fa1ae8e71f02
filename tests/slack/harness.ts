/**
 * The real Slack adapter (real Bolt, real core) against the fake Slack, in HTTP or Socket Mode.
 * The adapter and the core share one fixed clock; requests are signed at that clock's time.
 */
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.ts';
import type { SlackConfig } from '../../adapters/slack/platform.ts';
import type { Bot } from '../../src/bot.ts';
import type { CoreDeps } from '../../src/core.ts';
import { type Logger, silentLogger } from '../../src/log.ts';
import { Secret } from '../../src/secret.ts';
import type { Clock } from '../../src/types.ts';
import { type PostOptions, postToSlackEndpoint } from '../fakes/slack/requests.ts';
import { type FakeSlack, type FakeSlackOptions, startFakeSlack } from '../fakes/slack/server.ts';
import { testBot } from '../support/core.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export interface Harness {
  fake: FakeSlack;
  adapter: SlackAdapter;
  deps: CoreDeps;
  bot: Bot;
  clock: Clock;
  eventsUrl: string;
  baseUrl: string;
  /** POST a signed body to /slack/events (HTTP mode). */
  post(body: string, options?: Partial<PostOptions>): Promise<Response>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode: 'http' | 'socket';
  /** Wrap or replace the real bot (e.g. to make it throw, or to count calls). */
  wrapBot?: (bot: Bot) => Bot;
  fake?: FakeSlackOptions;
  config?: Partial<SlackConfig>;
  readiness?: () => { ready: boolean; reasons: string[] };
  /** Overrides for the core's dependencies (settings, store, clock). */
  core?: Partial<CoreDeps>;
  /** The adapter's logger (default silent), e.g. to count warnings. */
  log?: Logger;
}

export function slackConfig(fake: FakeSlack, mode: 'http' | 'socket'): SlackConfig {
  return {
    botToken: new Secret(fake.state.botToken),
    signingSecret: mode === 'http' ? new Secret(SIGNING_SECRET) : undefined,
    appToken: mode === 'socket' ? new Secret(fake.state.appToken) : undefined,
    apiUrl: fake.apiUrl,
    command: '/skills',
    tipChannel: 'C0TIPS',
    port: 0,
  };
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const fake = await startFakeSlack(options.fake);
  const { deps, bot: realBot } = testBot(options.core);
  const bot = options.wrapBot ? options.wrapBot(realBot) : realBot;
  const clock = deps.clock;
  const adapter = createSlackAdapter({
    config: { ...slackConfig(fake, options.mode), ...options.config },
    bot,
    log: options.log ?? silentLogger,
    clock,
    listenHost: '127.0.0.1',
    readiness: options.readiness,
  });
  try {
    await adapter.start();
  } catch (error) {
    await fake.close();
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${adapter.httpPort() ?? 0}`;
  const eventsUrl = `${baseUrl}/slack/events`;
  const now = Math.floor(clock().getTime() / 1000);
  return {
    fake,
    adapter,
    deps,
    bot,
    clock,
    eventsUrl,
    baseUrl,
    post: (body, o = {}) =>
      postToSlackEndpoint(eventsUrl, body, { secret: SIGNING_SECRET, timestamp: now, ...o }),
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

/** All the text a rendered Slack message shows (fallback text and every block's text). */
export function visibleText(message: Record<string, unknown> | undefined): string {
  return message ? JSON.stringify({ text: message.text, blocks: message.blocks }) : '';
}
