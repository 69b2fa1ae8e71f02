/**
 * `npm run discord:register`: register skillbot's slash commands with Discord and print the
 * invite link. With DISCORD_GUILD_ID the commands go to that server and appear at once;
 * without it they are global (Discord may take up to an hour to show them everywhere).
 */
import { DISCORD, type DiscordConfig, discordPlatform } from '../adapters/discord/platform.ts';
import { servedCommands } from '../src/commands/catalog.ts';
import { type Config, loadConfig, loadDotEnv } from '../src/config.ts';
import { ConfigError } from '../src/errors.ts';

function explain(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 401) {
    return 'Discord rejected DISCORD_TOKEN (401): copy the token again from Developer Portal > Bot > Reset Token.';
  }
  if (status === 403) {
    return `Discord refused (${message}): is the bot in the server named by DISCORD_GUILD_ID, invited with the applications.commands scope?`;
  }
  return `Registration failed: ${message}`;
}

async function main(): Promise<number> {
  loadDotEnv();
  let config: Config;
  try {
    config = loadConfig(undefined, [discordPlatform]);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const discord = config.platforms[DISCORD] as DiscordConfig | undefined;
  if (!discord) {
    console.error(
      'DISCORD_TOKEN is not set: copy the bot token from the Discord Developer Portal > your application > Bot, ' +
        'put it in .env as DISCORD_TOKEN=..., and run `npm run discord:register` again.',
    );
    return 1;
  }
  // Loaded only now: discord.js takes a moment to load, and a missing token should fail fast.
  const { inviteUrl, registerCommands } = await import('../adapters/discord/register.ts');
  try {
    const registration = await registerCommands(discord, servedCommands());
    const where = registration.guildId
      ? `to server ${registration.guildId} (available now)`
      : 'globally (may take up to an hour to appear in every server)';
    console.log(`Registered /${registration.commands.join(', /')} ${where}.`);
    console.log('Invite the bot with exactly the permissions it needs:');
    console.log(inviteUrl(registration.applicationId));
    return 0;
  } catch (error) {
    console.error(explain(error));
    return 1;
  }
}

process.exitCode = await main();
