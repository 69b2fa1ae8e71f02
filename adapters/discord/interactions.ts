/**
 * Slash commands, autocomplete and button clicks. Discord wants a first response within 3 s and
 * fixes ephemeral-or-not at that moment, so a reply that is not ready in time is deferred with
 * the visibility the command declares and filled in afterwards.
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
  PermissionFlagsBits,
  type RepliableInteraction,
} from 'discord.js';
import type { Origin, Reply, Visibility } from '../../src/types.ts';
import { callOf, commandOf } from './commands.ts';
import { APOLOGY, DM_WORKSPACE, type HandlerContext } from './messages.ts';
import { DISCORD } from './platform.ts';
import { NO_MENTIONS } from './render.ts';
import { renderMessages } from './render-split.ts';

export interface InteractionContext extends HandlerContext {
  /** Reply directly when the core answers within this many ms, otherwise defer first. 0: always defer. */
  deferAfterMs: number;
}

const EXPIRED_BUTTON = 'That button has expired. Type `/skills help` to see what I can do.';
const UNKNOWN_COMMAND = 'I do not know that command yet. Type `/skills help` to see what I can do.';
const SENT_PRIVATELY = 'Only you can see the answer.';
/** Discord shows at most 25 choices; names and values are at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

function originOf(interaction: RepliableInteraction, ctx: HandlerContext): Origin {
  return {
    platform: DISCORD,
    workspaceId: interaction.guildId ?? DM_WORKSPACE,
    channelId: interaction.channelId ?? DM_WORKSPACE,
    userId: interaction.user.id,
    displayName: interaction.user.displayName,
    isAdmin: interaction.inGuild() && interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild),
    at: ctx.clock(),
  };
}

/** The reply as one or more messages (a whole guide takes several), each as private as the reply. */
function messagesOf(reply: Reply, ctx: HandlerContext): InteractionReplyOptions[] {
  return renderMessages(reply, ctx.buttons).map((rendered) => {
    const message = { ...rendered, allowedMentions: NO_MENTIONS };
    return reply.visibility === 'private' ? { ...message, flags: MessageFlags.Ephemeral } : message;
  });
}

/** Messages after the first go out as follow-ups, in order. */
async function followUps(interaction: RepliableInteraction, rest: InteractionReplyOptions[]): Promise<void> {
  for (const message of rest) await interaction.followUp(message);
}

/** The reply if it settles within `ms`, otherwise undefined (the work keeps running). */
async function settledWithin(work: Promise<Reply>, ms: number): Promise<Reply | undefined> {
  if (ms <= 0) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reply with the core's answer, deferring first when the answer takes longer than `deferAfterMs`. */
async function respond(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  work: Promise<Reply>,
  expected: Visibility,
  ctx: InteractionContext,
): Promise<void> {
  // Marks a rejection as handled even if deferring fails first; awaiting `work` below still throws it.
  work.catch(() => undefined);
  const early = await settledWithin(work, ctx.deferAfterMs);
  if (early) {
    const [first, ...rest] = messagesOf(early, ctx);
    await interaction.reply(first ?? { content: '…' });
    await followUps(interaction, rest);
    return;
  }
  await interaction.deferReply(expected === 'private' ? { flags: MessageFlags.Ephemeral } : {});
  const reply = await work;
  if (reply.visibility === 'private' && expected === 'public') {
    // A public "thinking…" cannot become ephemeral: settle it, answer privately, then remove it.
    await interaction.editReply({ content: SENT_PRIVATELY, allowedMentions: NO_MENTIONS });
    await followUps(interaction, messagesOf(reply, ctx));
    await interaction.deleteReply();
    return;
  }
  // Deferred private but the answer is public: it stays private, which shows the asker everything.
  const [first, ...rest] = renderMessages(reply, ctx.buttons);
  await interaction.editReply({ ...first, allowedMentions: NO_MENTIONS });
  // Follow-ups take their own flag: keep them as private as the deferred first message.
  const flags = expected === 'private' ? { flags: MessageFlags.Ephemeral as const } : {};
  await followUps(
    interaction,
    rest.map((m) => ({ ...m, allowedMentions: NO_MENTIONS, ...flags })),
  );
}

async function onCommand(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const invocation = {
    command: interaction.commandName,
    subcommand: interaction.options.getSubcommand(false),
    option: (name: string) => interaction.options.getString(name),
  };
  const command = commandOf(ctx.bot.commands, invocation);
  if (command === undefined) {
    await interaction.reply({
      content: UNKNOWN_COMMAND,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  const work = ctx.bot.handleCommand(originOf(interaction, ctx), callOf(command, invocation));
  await respond(interaction, work, command.visibility, ctx);
}

async function onButton(interaction: ButtonInteraction, ctx: InteractionContext): Promise<void> {
  const action = ctx.buttons.decode(interaction.customId);
  if (!action) {
    await interaction.reply({
      content: EXPIRED_BUTTON,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  const work = ctx.bot.handleAction({ ...originOf(interaction, ctx), ...action });
  // Clicks mostly concern the clicker alone (check-ins, quiz results).
  await respond(interaction, work, 'private', ctx);
}

async function onAutocomplete(interaction: AutocompleteInteraction, ctx: InteractionContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const subcommand = interaction.options.getSubcommand(false) ?? '';
  const clip = (s: string) => s.slice(0, MAX_CHOICE_LENGTH);
  const choices = ctx.bot
    .complete(subcommand, focused.name, String(focused.value), MAX_CHOICES)
    .map((c) => ({ name: clip(c.name), value: clip(c.value) }));
  await interaction.respond(choices);
}

async function apologize(interaction: RepliableInteraction): Promise<void> {
  const message = { content: APOLOGY, allowedMentions: NO_MENTIONS };
  // A deferred "thinking…" is replaced in place; a follow-up would inherit its visibility anyway.
  if (interaction.deferred && !interaction.replied) await interaction.editReply(message);
  else if (interaction.replied) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
}

/** Route one interaction. Failures are logged and answered with a short apology; nothing is rethrown. */
export async function handleInteraction(interaction: Interaction, ctx: InteractionContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await onCommand(interaction, ctx);
    else if (interaction.isButton()) await onButton(interaction, ctx);
    else if (interaction.isAutocomplete()) await onAutocomplete(interaction, ctx);
  } catch (error) {
    ctx.log.error({ err: error, interactionId: interaction.id }, 'discord: handling an interaction failed');
    if (!interaction.isRepliable()) return;
    await apologize(interaction).catch((err: unknown) =>
      ctx.log.warn({ err }, 'discord: the apology could not be sent either'),
    );
  }
}
