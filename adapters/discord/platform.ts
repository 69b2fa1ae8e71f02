/**
 * Discord as the core sees it: its id, what it can do, its environment variables and the log
 * paths of its secrets. Light on purpose: discord.js loads only when Discord is configured.
 */
import { z } from 'zod';
import { envVar, type PlatformConfigSpec } from '../../src/config.ts';
import type { PlatformSpec } from '../../src/platform.ts';
import { Secret } from '../../src/secret.ts';

export const DISCORD = 'discord';

export interface DiscordConfig {
  token: Secret;
  apiUrl?: string;
  guildId?: string;
  tipChannel?: string;
}

const schema = z.object({
  DISCORD_TOKEN: envVar.optional(z.string().min(20, 'looks too short to be a bot token')),
  DISCORD_API_URL: envVar.optional(envVar.httpUrl),
  DISCORD_GUILD_ID: envVar.optional(z.string().regex(/^\d{5,25}$/, 'must be a numeric server (guild) id')),
  DISCORD_TIP_CHANNEL: envVar.optional(z.string().regex(/^\d{5,25}$/, 'must be a numeric channel id')),
});

function settings(raw: Record<string, unknown>): DiscordConfig | undefined {
  const env = raw as z.infer<typeof schema>;
  if (!env.DISCORD_TOKEN) return undefined;
  return {
    token: new Secret(env.DISCORD_TOKEN),
    apiUrl: env.DISCORD_API_URL,
    guildId: env.DISCORD_GUILD_ID,
    tipChannel: env.DISCORD_TIP_CHANNEL,
  };
}

export const discordConfigSpec: PlatformConfigSpec<DiscordConfig> = {
  schema,
  secretVariables: ['DISCORD_TOKEN'],
  settings,
};

export const discordPlatform: PlatformSpec = {
  id: DISCORD,
  capabilities: {
    privateReplies: true,
    buttons: { perRow: 5, total: 25 },
    homeView: false,
    sharePrivateAnswers: false,
    // An interaction is answered ephemeral or not when it is first acknowledged.
    visibilityUpFront: true,
    // A whole guide: the renderer splits it over embeds (4,096 each) and messages (6,000 each,
    // at most five); beyond that it cuts with a pointer.
    maxTextLength: 25_000,
  },
  config: discordConfigSpec,
  redactPaths: ['config.platforms.discord.token'],
};
