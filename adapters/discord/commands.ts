/**
 * The slash commands, generated from the core's command registry: `npm run discord:register`
 * sends these definitions to Discord, and the adapter uses the same table to hand an invocation
 * to the core as a structured command (its options by name, never re-serialised to text).
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { CommandCall } from '../../src/bot.ts';
import type { ArgSpec, Command } from '../../src/commands/registry.ts';

export const SKILLS_COMMAND = 'skills';
/**
 * Discord sets default permissions per top-level command, never per subcommand, so the commands
 * that change workspace settings live under their own command that carries Manage Server.
 */
export const ADMIN_COMMAND = 'skills-admin';

/** Discord's limits for names and descriptions of commands and options. */
const DESCRIPTION_MAX = 100;

/** What the adapter reads from an invocation: which command, which subcommand, its string options. */
export interface Invocation {
  command: string;
  subcommand: string | null;
  option(name: string): string | null;
}

/** The top-level command a declared command sits under. */
export function topLevelOf(command: Command): string {
  return command.audience === 'everyone' ? SKILLS_COMMAND : ADMIN_COMMAND;
}

const describe = (text: string) =>
  text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 1).trimEnd()}…`;

/** A capital first letter, as Discord's own command lists write descriptions. */
const sentenceCase = (text: string) => describe(text.charAt(0).toUpperCase() + text.slice(1));

function addOption(s: SlashCommandSubcommandBuilder, name: string, spec: ArgSpec): void {
  s.addStringOption((o) => {
    o.setName(name).setDescription(sentenceCase(spec.description)).setRequired(spec.required);
    if (spec.maxLength) o.setMaxLength(spec.maxLength);
    if (spec.choices) o.addChoices(...spec.choices.map((c) => ({ name: c, value: c })));
    else if (spec.complete) o.setAutocomplete(true);
    return o;
  });
}

function addSubcommands(builder: SlashCommandBuilder, commands: readonly Command[]): SlashCommandBuilder {
  for (const command of commands) {
    builder.addSubcommand((s) => {
      s.setName(command.name).setDescription(sentenceCase(command.help));
      // Discord wants required options before optional ones.
      const ordered = Object.entries(command.args)
        .filter(([, spec]) => !spec.textOnly)
        .sort(([, a], [, b]) => Number(b.required) - Number(a.required));
      for (const [name, spec] of ordered) addOption(s, name, spec);
      return s;
    });
  }
  return builder;
}

/** The command definitions as registered with Discord. */
export function commandDefinitions(
  commands: readonly Command[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const skills = addSubcommands(
    new SlashCommandBuilder()
      .setName(SKILLS_COMMAND)
      .setDescription('skillbot: backend skills, the daily tip and your learning streak')
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
    commands.filter((c) => topLevelOf(c) === SKILLS_COMMAND),
  );
  const admin = addSubcommands(
    new SlashCommandBuilder()
      .setName(ADMIN_COMMAND)
      .setDescription('skillbot settings for server managers')
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
      .setContexts(InteractionContextType.Guild)
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
    commands.filter((c) => topLevelOf(c) === ADMIN_COMMAND),
  );
  return [skills.toJSON(), admin.toJSON()];
}

/** The declared command an invocation names, or undefined for one this version does not know. */
export function commandOf(commands: readonly Command[], invocation: Invocation): Command | undefined {
  return commands.find((c) => c.name === invocation.subcommand && topLevelOf(c) === invocation.command);
}

/** The structured call for an invocation: each declared argument's option, by name. */
export function callOf(command: Command, invocation: Invocation): CommandCall {
  const args = Object.fromEntries(
    Object.keys(command.args).map((name) => [name, invocation.option(name) ?? undefined]),
  );
  return { name: command.name, args };
}
