/** `help`, and the replies for text that is no command at all: empty, too long, or a command missing its argument. */
import type { Reply } from '../types.ts';
import { type Command, defineCommand, MAX_TEXT_LENGTH, usageText } from './registry.ts';

/** A help line a platform adds for something only it offers (the console's `:user NAME`). */
export interface HelpLine {
  usage: string;
  help: string;
}

function helpLine(command: Command): string {
  const who = { everyone: '', admins: ' (admins)', 'admins-to-change': ' (admins change it)' }[
    command.audience
  ];
  // Examples stay in each command's usage line (a wrong or missing argument shows it): with them,
  // the list outgrows a chat message.
  return `\`${command.usage}\`: ${command.help}${who}`;
}

export function helpReply(commands: readonly Command[], extra: readonly HelpLine[] = []): Reply {
  return {
    title: 'skillbot: grow your backend skills a little every day',
    text: 'Ask me about backend skills and careers, or use a command:',
    bullets: [...commands.map(helpLine), ...extra.map((line) => `\`${line.usage}\`: ${line.help}`)],
    visibility: 'private',
  };
}

/** `help` lists the commands it is given: the registry hands it the full list, itself included. */
export function helpCommand(
  list: () => readonly Command[],
  extra: (platform: string) => readonly HelpLine[],
) {
  return defineCommand({
    name: 'help',
    aliases: ['?', 'commands'],
    args: {},
    audience: 'everyone',
    visibility: 'private',
    help: 'this list',
    example: 'help',
    run: (msg) => helpReply(list(), extra(msg.platform)),
  });
}

/** A command that cannot run as given: what is wrong (which says how to fix it), or its usage line. */
export function usageReply(command: Command, problem?: string): Reply {
  return { text: problem ?? usageText(command), visibility: 'private' };
}

export const emptyReply: Reply = {
  text: 'Ask me a question about backend skills, or type `help` to see what I can do.',
  visibility: 'private',
};

export const tooLongReply: Reply = {
  text: `That message is longer than ${MAX_TEXT_LENGTH} characters, which is more than I can read. Could you ask it in a sentence or two?`,
  visibility: 'private',
};

export function refusalReply(command: Command): Reply {
  return {
    text: command.refusal ?? `Sorry, only workspace admins can use \`${command.name}\`.`,
    visibility: 'private',
  };
}
