/** The manifest asks for what the adapter uses, and the adapter uses what the manifest grants. */
import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { expect, it } from 'vitest';
import { usageHint } from '../../adapters/slack/usage.ts';
import { servedCommands } from '../../src/commands/catalog.ts';

interface Manifest {
  features: {
    app_home: Record<string, boolean>;
    slash_commands: Array<{ command: string; usage_hint: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

// gray-matter parses YAML front matter; the manifest is one such block.
const manifest = matter(`---\n${readFileSync('adapters/slack/manifest.yml', 'utf8')}\n---\n`)
  .data as Manifest;

it('declares the command, events, interactivity, Home tab and Socket Mode the adapter relies on', () => {
  expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/skills']);
  expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
    'app_home_opened',
    'app_mention',
    'message.im',
  ]);
  expect(manifest.settings.interactivity.is_enabled).toBe(true);
  expect(manifest.settings.socket_mode_enabled).toBe(true);
  expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
});

it('asks for exactly the bot scopes the adapter needs', () => {
  expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
    [
      'app_mentions:read',
      'channels:history',
      'chat:write',
      'commands',
      'groups:history',
      'im:history',
      'users:read',
    ].sort(),
  );
});

it("shows every command in the slash command's usage hint, as the registry declares them", () => {
  const hint = manifest.features.slash_commands[0]?.usage_hint;
  expect(hint).toBe(usageHint(servedCommands()));
  for (const command of servedCommands()) if (command.name !== 'ask') expect(hint).toContain(command.usage);
});
