/**
 * Messages addressed to the bot: a mention in a server channel, or anything in a DM.
 * Without the privileged MessageContent intent Discord still delivers the content of exactly
 * these messages, which is all skillbot reads.
 */
import { type Message, PermissionFlagsBits } from 'discord.js';
import type { Bot } from '../../src/bot.ts';
import type { Logger } from '../../src/log.ts';
import type { Clock, Incoming, Reply } from '../../src/types.ts';
import type { ButtonIds } from './custom-id.ts';
import { DISCORD } from './platform.ts';
import { NO_MENTIONS } from './render.ts';
import { renderMessages } from './render-split.ts';

export interface HandlerContext {
  bot: Bot;
  log: Logger;
  clock: Clock;
  buttons: ButtonIds;
}

export const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';
/** Workspace id for direct messages, which belong to no server. */
export const DM_WORKSPACE = 'dm';

const mentionOf = (botId: string) => new RegExp(`<@!?${botId}>`, 'g');

/**
 * The text the user addressed to the bot, without the mention, or undefined when the message is
 * not for the bot: from a bot or webhook (including this one), a system message, or a server
 * message whose text does not @mention the bot user (@everyone, a role or a reply ping do not count).
 */
export function addressedText(message: Message, botId: string): string | undefined {
  if (message.author.bot || message.webhookId || message.system) return undefined;
  if (!message.inGuild()) return withoutMassMentions(message.content);
  if (!mentionOf(botId).test(message.content)) return undefined;
  return withoutMassMentions(message.content.replace(mentionOf(botId), ' '));
}

/** `@everyone` and `@here` address people, not the question: leave them out of what the bot reads. */
function withoutMassMentions(text: string): string {
  return text
    .replace(/@(everyone|here)\b/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

export function incomingFromMessage(message: Message, text: string, clock: Clock): Incoming {
  const member = message.inGuild() ? message.member : null;
  return {
    platform: DISCORD,
    workspaceId: message.guildId ?? DM_WORKSPACE,
    channelId: message.channelId,
    userId: message.author.id,
    displayName: member?.displayName ?? message.author.displayName,
    isAdmin: member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false,
    text,
    at: clock(),
  };
}

export const SENT_BY_DM = 'That is personal, so I sent it to you in a direct message.';
export const DMS_CLOSED =
  'That is personal, so I only send it privately, and I cannot send you a direct message here. ' +
  'Use `/skills mydata` instead: only you will see the answer.';

/**
 * Personal data asked for in a server channel: a channel message cannot be ephemeral, so it goes
 * by direct message, and the channel only hears where it went.
 */
async function answerInPrivate(message: Message<true>, reply: Reply, ctx: HandlerContext): Promise<void> {
  const sendAll = async () => {
    for (const rendered of renderMessages(reply, ctx.buttons)) {
      await message.author.send({ ...rendered, allowedMentions: NO_MENTIONS });
    }
  };
  const sent = await sendAll().then(
    () => true,
    (err: unknown) => {
      ctx.log.warn({ err }, 'discord: a direct message with personal data could not be sent');
      return false;
    },
  );
  await message.reply({ content: sent ? SENT_BY_DM : DMS_CLOSED, allowedMentions: NO_MENTIONS });
}

/** Answer a message as a reply to it. A failure is logged and answered with a short apology. */
export async function answerMessage(message: Message, ctx: HandlerContext): Promise<void> {
  const botId = message.client.user.id;
  const text = addressedText(message, botId);
  if (text === undefined) return;
  try {
    const reply = await ctx.bot.handleMessage(incomingFromMessage(message, text, ctx.clock));
    if (reply.personal && message.inGuild()) {
      await answerInPrivate(message, reply, ctx);
      return;
    }
    // A message reply cannot be ephemeral: the user asked in the open, so the answer goes there too.
    // A whole guide takes several messages: the first replies, the rest follow in the channel.
    const [first, ...rest] = renderMessages(reply, ctx.buttons);
    await message.reply({ ...first, allowedMentions: NO_MENTIONS });
    for (const more of rest) {
      if (message.channel.isSendable()) await message.channel.send({ ...more, allowedMentions: NO_MENTIONS });
    }
  } catch (error) {
    ctx.log.error({ err: error, channelId: message.channelId }, 'discord: answering a message failed');
    await message
      .reply({ content: APOLOGY, allowedMentions: NO_MENTIONS })
      .catch((err: unknown) => ctx.log.warn({ err }, 'discord: the apology could not be sent either'));
  }
}
