/**
 * Slack as the core sees it: its id, what it can do, its environment variables and the log paths
 * of its secrets. Light on purpose: @slack/bolt loads only when Slack is configured (see `load`).
 */
import { z } from 'zod';
import type { PlatformConfigSpec } from '../../src/config.ts';
import { envVar } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';
import type { PlatformSpec } from '../../src/platform.ts';
import { Secret } from '../../src/secret.ts';

export const SLACK = 'slack';

export interface SlackConfig {
  botToken: Secret;
  signingSecret?: Secret;
  appToken?: Secret;
  apiUrl?: string;
  command: string;
  tipChannel?: string;
  port: number;
}

const schema = z.object({
  SLACK_BOT_TOKEN: envVar.optional(envVar.prefixed('xoxb-')),
  SLACK_SIGNING_SECRET: envVar.optional(z.string().min(8, 'looks too short to be a signing secret')),
  SLACK_APP_TOKEN: envVar.optional(envVar.prefixed('xapp-')),
  SLACK_API_URL: envVar.optional(envVar.httpUrl),
  SLACK_COMMAND: envVar.withDefault(
    z
      .string()
      .regex(/^\/[a-z0-9_-]{1,31}$/, 'must be a slash command such as /skills')
      .default('/skills'),
  ),
  SLACK_TIP_CHANNEL: envVar.optional(
    z.string().regex(/^[CG][A-Z0-9]+$/, 'must be a channel id such as C0123ABCD'),
  ),
  PORT: envVar.withDefault(envVar.port.default(3000)),
});

function settings(raw: Record<string, unknown>): SlackConfig | undefined {
  const env = raw as z.infer<typeof schema>;
  if (!env.SLACK_BOT_TOKEN) {
    if (env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) {
      throw new ConfigError(
        'SLACK_BOT_TOKEN is missing: set it to the Bot User OAuth Token (xoxb-...) to run on Slack.',
      );
    }
    return undefined;
  }
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET is missing: set it (Basic Information > Signing Secret) for HTTP mode, ' +
        'or set SLACK_APP_TOKEN (xapp-...) for Socket Mode.',
    );
  }
  return {
    botToken: new Secret(env.SLACK_BOT_TOKEN),
    signingSecret: env.SLACK_SIGNING_SECRET ? new Secret(env.SLACK_SIGNING_SECRET) : undefined,
    appToken: env.SLACK_APP_TOKEN ? new Secret(env.SLACK_APP_TOKEN) : undefined,
    apiUrl: env.SLACK_API_URL,
    command: env.SLACK_COMMAND,
    tipChannel: env.SLACK_TIP_CHANNEL,
    port: env.PORT,
  };
}

export const slackConfigSpec: PlatformConfigSpec<SlackConfig> = {
  schema,
  secretVariables: ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'],
  settings,
};

export const slackPlatform: PlatformSpec = {
  id: SLACK,
  capabilities: {
    privateReplies: true,
    // One actions block holds 25 buttons; the renderer adds blocks, the message holds 50.
    buttons: { perRow: 25, total: 25 },
    homeView: true,
    sharePrivateAnswers: true,
    visibilityUpFront: false,
    // Sections of 3,000 characters, as many as fit in a message's 50 blocks.
    maxTextLength: 40_000,
  },
  config: slackConfigSpec,
  redactPaths: [
    'botToken',
    '*.botToken',
    'appToken',
    '*.appToken',
    'signingSecret',
    '*.signingSecret',
    '*.headers["x-slack-signature"]',
    'config.platforms.slack.botToken',
  ],
};
