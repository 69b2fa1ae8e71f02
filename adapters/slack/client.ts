/**
 * Web API client settings, Bolt's logger on top of ours, and the start-up token check.
 */
import { type Logger as BoltLogger, LogLevel, webApi } from '@slack/bolt';
import { ConfigError, SkillbotError } from '../../src/errors.ts';
import type { Logger } from '../../src/log.ts';
import type { SlackConfig } from './platform.ts';

export const DEFAULT_API_URL = 'https://slack.com/api/';
export const REQUEST_TIMEOUT_MS = 10_000;

/** The web client's default keeps retrying for about 30 minutes; a stuck reply helps nobody. */
export function clientOptions(
  config: SlackConfig,
  logger: BoltLogger,
  retries: number,
): webApi.WebClientOptions {
  const apiUrl = config.apiUrl ?? DEFAULT_API_URL;
  return {
    slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
    retryConfig: { retries, factor: 2, minTimeout: 500, maxTimeout: 4000 },
    timeout: REQUEST_TIMEOUT_MS,
    rejectRateLimitedCalls: true,
    logger,
  };
}

function describe(parts: unknown[]): string {
  return parts
    .map((part) => (typeof part === 'string' ? part : part instanceof Error ? part.message : String(part)))
    .join(' ');
}

/** Bolt and its clients log through pino, under `component: "bolt"`. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  return {
    debug: (...msg) => child.debug(describe(msg)),
    info: (...msg) => child.info(describe(msg)),
    warn: (...msg) => child.warn(describe(msg)),
    error: (...msg) => child.error(describe(msg)),
    setLevel: () => {},
    getLevel: () => (child.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.INFO),
    setName: () => {},
  };
}

export interface BotIdentity {
  teamId: string;
  botUserId: string;
  botId: string;
}

const REFUSED_TOKEN = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'team_disabled',
]);

/** What went wrong reaching Slack, in words an operator can act on. */
export function startupProblem(
  error: unknown,
  variable: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN',
): SkillbotError {
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (REFUSED_TOKEN.has(code)) {
      const fix =
        variable === 'SLACK_BOT_TOKEN'
          ? 'copy the Bot User OAuth Token (xoxb-...) again from OAuth & Permissions, or reinstall the app'
          : 'create an app-level token with the connections:write scope under Basic Information > App-Level Tokens';
      return new ConfigError(`${variable} was refused by Slack (${code}): ${fix}.`);
    }
    return new ConfigError(`Slack refused to start (${code}); check ${variable} and the app's settings.`);
  }
  if (error instanceof webApi.WebAPIRequestError || error instanceof webApi.WebAPIHTTPError) {
    // Slack could not be reached: possibly passing, so not a configuration error (a restart may help).
    return new SkillbotError(
      `Could not reach Slack's Web API to check ${variable} (${error.message}). ` +
        'Check the network, or SLACK_API_URL if it is set.',
    );
  }
  return new ConfigError(`Slack could not be started: ${(error as Error)?.message ?? String(error)}`);
}

/** `auth.test`: proves the bot token works and says which workspace and bot user it belongs to. */
export async function checkBotToken(client: webApi.WebClient): Promise<BotIdentity> {
  try {
    const result = await client.auth.test();
    if (!result.team_id || !result.user_id) {
      throw new ConfigError('SLACK_BOT_TOKEN is not a bot token: use the Bot User OAuth Token (xoxb-...).');
    }
    return { teamId: result.team_id, botUserId: result.user_id, botId: result.bot_id ?? '' };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw startupProblem(error, 'SLACK_BOT_TOKEN');
  }
}
