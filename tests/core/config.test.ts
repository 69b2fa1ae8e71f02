import { describe, expect, it } from 'vitest';
import { DISCORD, type DiscordConfig, discordPlatform } from '../../adapters/discord/platform.ts';
import { SLACK, type SlackConfig, slackPlatform } from '../../adapters/slack/platform.ts';
import { loadConfig as loadCoreConfig } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';

const SLACK_TOKEN = 'xoxb-1111-2222-supersecretvalue';

/** The core's variables with both platforms' own, as the composition root loads them. */
const loadConfig = (env: NodeJS.ProcessEnv) => loadCoreConfig(env, [slackPlatform, discordPlatform]);
const slackOf = (config: ReturnType<typeof loadConfig>) => config.platforms[SLACK] as SlackConfig | undefined;
const discordOf = (config: ReturnType<typeof loadConfig>) =>
  config.platforms[DISCORD] as DiscordConfig | undefined;

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('GIVEN an empty environment THEN console defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      dataFile: './data/skillbot.json',
      defaultTimezone: 'UTC',
      logLevel: undefined,
      tips: { days: 'weekdays', catchupHours: 3 },
    });
    expect(config.platforms).toEqual({});
  });

  it('GIVEN blank values THEN they count as unset', () => {
    expect(loadConfig({ DEFAULT_TIMEZONE: '  ', SLACK_BOT_TOKEN: '' }).defaultTimezone).toBe('UTC');
  });

  it('GIVEN a wrong timezone THEN the message names the variable and an example', () => {
    const error = configError({ DEFAULT_TIMEZONE: 'Mars/Olympus' });
    expect(error.message).toContain('DEFAULT_TIMEZONE');
    expect(error.message).toContain('Europe/Berlin');
  });

  it.each([
    [{ TIP_TIME: '25:00' }, 'TIP_TIME'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
    [{ DISCORD_TIP_CHANNEL: '#general' }, 'DISCORD_TIP_CHANNEL'],
  ])('GIVEN %j THEN it fails naming %s', (env, name) => {
    expect(configError(env).message).toContain(name);
  });

  it('GIVEN a Slack token of the wrong kind THEN the fix is named and the value is not echoed', () => {
    const error = configError({ SLACK_BOT_TOKEN: 'xapp-should-be-bot-token-123' });
    expect(error.message).toContain('SLACK_BOT_TOKEN');
    expect(error.message).toContain('xoxb-');
    expect(error.message).not.toContain('should-be-bot-token');
  });

  it('GIVEN a bot token without signing secret or app token THEN it asks for one of them', () => {
    const error = configError({ SLACK_BOT_TOKEN: SLACK_TOKEN });
    expect(error.message).toContain('SLACK_SIGNING_SECRET');
    expect(error.message).toContain('SLACK_APP_TOKEN');
    expect(error.message).not.toContain('supersecret');
  });

  it('GIVEN Slack and Discord credentials THEN both are configured and secrets never print', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: 'abcdef0123456789',
      DISCORD_TOKEN: 'discord-token-abcdefghijklmnop',
    });
    expect(slackOf(config)?.botToken.reveal()).toBe(SLACK_TOKEN);
    expect(discordOf(config)?.token.reveal()).toBe('discord-token-abcdefghijklmnop');
    const printed = `${JSON.stringify(config)} ${String(slackOf(config)?.botToken)}`;
    expect(printed).not.toContain('supersecret');
    expect(printed).not.toContain('abcdefghijklmnop');
    expect(printed).toContain('[redacted]');
  });
});

describe('platform variables', () => {
  it('are validated only for the platforms the caller names', () => {
    expect(() => loadCoreConfig({ SLACK_API_URL: 'not a url' })).not.toThrow();
    expect(() => loadConfig({ SLACK_API_URL: 'not a url' })).toThrow(/SLACK_API_URL/);
  });
});
