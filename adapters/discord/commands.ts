/**
 * The slash commands, defined once: `npm run discord:register` sends these definitions to Discord,
 * and the adapter uses the same table to turn an invocation back into the core's grammar text.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';

export const SKILLS_COMMAND = 'skills';
/**
 * Discord sets default permissions per top-level command, never per subcommand, so the
 * admin-only `schedule` lives under its own command that carries Manage Server.
 */
export const ADMIN_COMMAND = 'skills-admin';

/** What the adapter reads from an invocation: which command, which subcommand, its string options. */
export interface Invocation {
  command: string;
  subcommand: string | null;
  option(name: string): string | null;
}

interface Subcommand {
  description: string;
  build?: (s: SlashCommandSubcommandBuilder) => SlashCommandSubcommandBuilder;
  /** The core grammar text this invocation stands for. */
  text: (i: Invocation) => string;
}

/** Leaves room for the command word inside the core's 2,000-character limit. */
const QUESTION_MAX = 1500;

const SKILLS_SUBCOMMANDS: Record<string, Subcommand> = {
  ask: {
    description: 'Ask a question about backend skills or careers',
    build: (s) =>
      s.addStringOption((o) =>
        o.setName('question').setDescription('Your question').setRequired(true).setMaxLength(QUESTION_MAX),
      ),
    text: (i) => `ask ${i.option('question') ?? ''}`,
  },
  skill: {
    description: 'One skill in depth',
    build: (s) =>
      s.addStringOption((o) =>
        o
          .setName('name')
          .setDescription('The skill')
          .setRequired(true)
          .setMaxLength(100)
          .setAutocomplete(true),
      ),
    text: (i) => `skill ${i.option('name') ?? ''}`,
  },
  list: { description: 'Every skill I can explain', text: () => 'list' },
  tip: { description: "Today's skill of the day for this channel", text: () => 'tip' },
  done: { description: 'Count today as a learning day for your streak', text: () => 'done' },
  streak: { description: 'Your streak and the last 14 days', text: () => 'streak' },
  top: { description: "The team's leaderboard", text: () => 'top' },
  timezone: {
    description: 'Show or set the timezone your streak days follow',
    build: (s) =>
      s.addStringOption((o) =>
        o.setName('zone').setDescription('e.g. Europe/Berlin').setMaxLength(64).setAutocomplete(true),
      ),
    text: (i) => withArgs('timezone', i.option('zone')),
  },
  help: { description: 'What I can do', text: () => 'help' },
};

const ADMIN_SUBCOMMANDS: Record<string, Subcommand> = {
  schedule: {
    description: 'Post the daily tip in this channel (no options: show the schedule)',
    build: (s) =>
      s
        .addStringOption((o) =>
          o.setName('time').setDescription('HH:MM (24-hour), or "off" to stop').setMaxLength(5),
        )
        .addStringOption((o) =>
          o.setName('timezone').setDescription('e.g. Europe/Berlin').setMaxLength(64).setAutocomplete(true),
        )
        .addStringOption((o) =>
          o
            .setName('days')
            .setDescription('Which days to post')
            .addChoices({ name: 'weekdays', value: 'weekdays' }, { name: 'daily', value: 'daily' }),
        ),
    text: (i) => withArgs('schedule', i.option('time'), i.option('timezone'), i.option('days')),
  },
};

function withArgs(word: string, ...args: Array<string | null>): string {
  return [word, ...args.filter((a): a is string => Boolean(a?.trim()))].join(' ');
}

function addSubcommands(
  builder: SlashCommandBuilder,
  table: Record<string, Subcommand>,
): SlashCommandBuilder {
  for (const [name, sub] of Object.entries(table)) {
    builder.addSubcommand((s) => {
      const base = s.setName(name).setDescription(sub.description);
      return sub.build ? sub.build(base) : base;
    });
  }
  return builder;
}

/** The command definitions as registered with Discord. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const skills = addSubcommands(
    new SlashCommandBuilder()
      .setName(SKILLS_COMMAND)
      .setDescription('skillbot: backend skills, the daily tip and your learning streak')
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
    SKILLS_SUBCOMMANDS,
  );
  const admin = addSubcommands(
    new SlashCommandBuilder()
      .setName(ADMIN_COMMAND)
      .setDescription('skillbot settings for server managers')
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
      .setContexts(InteractionContextType.Guild)
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
    ADMIN_SUBCOMMANDS,
  );
  return [skills.toJSON(), admin.toJSON()];
}

/** The core grammar text for an invocation, or undefined for a command this version does not know. */
export function grammarText(invocation: Invocation): string | undefined {
  const table =
    invocation.command === SKILLS_COMMAND
      ? SKILLS_SUBCOMMANDS
      : invocation.command === ADMIN_COMMAND
        ? ADMIN_SUBCOMMANDS
        : undefined;
  const name = invocation.subcommand;
  const sub = table && name && Object.hasOwn(table, name) ? table[name] : undefined;
  return sub?.text(invocation).trim();
}
