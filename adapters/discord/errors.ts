/**
 * Clear, secret-free explanations for the ways a Discord connection ends for good.
 * discord.js reports these as bare errors ("An invalid token was provided.", "Used disallowed
 * intents") or only as a gateway close code; an operator needs the variable and the fix.
 */
import { DiscordAPIError, DiscordjsErrorCodes, GatewayCloseCodes } from 'discord.js';
import { ConfigError, SkillbotError } from '../../src/errors.ts';

/** Gateway closes after which discord.js gives up (it never reconnects), so skillbot must stop too. */
export const FATAL_CLOSE_CODES = new Set<number>([
  GatewayCloseCodes.AuthenticationFailed,
  GatewayCloseCodes.InvalidShard,
  GatewayCloseCodes.ShardingRequired,
  GatewayCloseCodes.InvalidAPIVersion,
  GatewayCloseCodes.InvalidIntents,
  GatewayCloseCodes.DisallowedIntents,
]);

export const BAD_TOKEN_MESSAGE =
  'Discord rejected DISCORD_TOKEN: the token is wrong, or it was reset or revoked. ' +
  'Open the Discord Developer Portal > your application > Bot > Reset Token, put the new token in ' +
  'DISCORD_TOKEN, and start skillbot again.';

export const DISALLOWED_INTENTS_MESSAGE =
  'Discord closed the gateway with 4014 (disallowed intents): this application may not use the ' +
  'gateway intents skillbot asked for. skillbot needs only Guilds, Guild Messages and Direct Messages, ' +
  'none of them privileged; if the bot is verified or restricted, check its intents under Developer ' +
  'Portal > Bot, then start skillbot again.';

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** The error to report for a gateway close code that ended the session, if it is one that ends it. */
export function closeCodeError(code: number): SkillbotError | undefined {
  if (code === GatewayCloseCodes.AuthenticationFailed) return new ConfigError(BAD_TOKEN_MESSAGE);
  if (code === GatewayCloseCodes.DisallowedIntents || code === GatewayCloseCodes.InvalidIntents) {
    // Fixed only in the application's settings: a configuration problem, not worth a restart.
    return new ConfigError(DISALLOWED_INTENTS_MESSAGE);
  }
  if (FATAL_CLOSE_CODES.has(code)) {
    return new SkillbotError(
      `Discord closed the gateway with code ${code} (${GatewayCloseCodes[code] ?? 'unknown'}); skillbot stopped.`,
    );
  }
  return undefined;
}

/**
 * Why `login` failed, in words an operator can act on. `closeCode` is the gateway close code seen
 * during the attempt, when there was one.
 */
export function startFailure(error: unknown, closeCode: number | undefined, apiUrl: string): SkillbotError {
  const fromClose = closeCode === undefined ? undefined : closeCodeError(closeCode);
  if (fromClose) return fromClose;
  if (hasCode(error, DiscordjsErrorCodes.TokenInvalid) || hasCode(error, DiscordjsErrorCodes.TokenMissing)) {
    return new ConfigError(BAD_TOKEN_MESSAGE);
  }
  if (error instanceof DiscordAPIError && error.status === 401) return new ConfigError(BAD_TOKEN_MESSAGE);
  const reason = error instanceof Error ? error.message : String(error);
  return new SkillbotError(
    `Could not connect to Discord at ${apiUrl}: ${reason}. Check the network and DISCORD_API_URL.`,
  );
}
