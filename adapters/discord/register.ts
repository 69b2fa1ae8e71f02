/**
 * Slash-command registration and the invite link, used by `npm run discord:register`.
 * Registration replaces the application's commands in one PUT; Discord allows 200 command
 * creates a day per guild, which is why this never runs on start.
 */
import { type APIApplication, PermissionFlagsBits, REST, Routes } from 'discord.js';
import type { Command } from '../../src/commands/registry.ts';
import { commandDefinitions } from './commands.ts';
import { DISCORD_API_DEFAULT } from './index.ts';
import type { DiscordConfig } from './platform.ts';

/** Exactly what skillbot needs in a channel: no Administrator, no Mention Everyone. */
export const INVITE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

export const INVITE_SCOPES = ['bot', 'applications.commands'] as const;

export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: INVITE_SCOPES.join(' '),
    permissions: INVITE_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}

export interface Registration {
  applicationId: string;
  /** The server the commands went to, or undefined for global registration. */
  guildId?: string;
  commands: string[];
}

/** Register `commands` (the core's registry) as slash commands. */
export async function registerCommands(
  config: DiscordConfig,
  commands: readonly Command[],
): Promise<Registration> {
  const rest = new REST({ api: config.apiUrl ?? DISCORD_API_DEFAULT }).setToken(config.token.reveal());
  const application = (await rest.get(Routes.currentApplication())) as APIApplication;
  const definitions = commandDefinitions(commands);
  const route = config.guildId
    ? Routes.applicationGuildCommands(application.id, config.guildId)
    : Routes.applicationCommands(application.id);
  await rest.put(route, { body: definitions });
  return { applicationId: application.id, guildId: config.guildId, commands: definitions.map((d) => d.name) };
}
