/**
 * Members' data rights: `mydata` shows a member what skillbot stores about them, `forget me`
 * deletes it after a confirmation, and admins delete a member by id with `forget-member`
 * (typed as `forget member <id>` too).
 */
import { invoke } from '../commands/dispatch.ts';
import { arg, type Command, defineCommand, type RawArgs, UsageError } from '../commands/registry.ts';
import type { ActionModule, CoreDeps } from '../core.ts';
import type { MemberRef } from '../store/port.ts';
import { ACTIONS, type ActionEvent, type Incoming, type Origin, type Reply } from '../types.ts';
import { type ForgetResult, forgetMember, hasData, memberData } from './data.ts';

export const DATA_FILENAME = 'skillbot-data.json';

const refOf = (who: Origin, userId = who.userId): MemberRef => ({
  platform: who.platform,
  workspaceId: who.workspaceId,
  userId,
});

async function mydata(msg: Incoming, _args: unknown, deps: CoreDeps): Promise<Reply> {
  const data = await memberData(deps.store, refOf(msg));
  if (!hasData(data)) {
    return {
      title: 'Your data',
      text: 'I store nothing about you in this workspace: no check-ins, quiz answers or settings.',
      visibility: 'private',
    };
  }
  return {
    title: 'Your data',
    text:
      'This is everything I store about you in this workspace, as JSON: your member record ' +
      '(ids, name, timezone, check-ins, quiz answers) and any daily posts you set up. ' +
      'Type `forget me` to delete it.',
    file: { filename: DATA_FILENAME, language: 'json', content: JSON.stringify(data, null, 2) },
    visibility: 'private',
    personal: true,
  };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function deletedSummary(result: ForgetResult): string {
  const parts = [plural(result.checkins, 'check-in'), plural(result.quizAnswers, 'quiz answer'), 'settings'];
  const unlinked =
    result.schedulesUnlinked > 0
      ? ` ${plural(result.schedulesUnlinked, 'daily post')} you set up keep running without your name.`
      : '';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}.${unlinked}`;
}

async function forgetNow(who: Origin, deps: CoreDeps): Promise<Reply> {
  const result = await forgetMember(deps.store, refOf(who));
  deps.log.info({ platform: who.platform, what: 'forget me' }, 'a member deleted their data');
  if (!result.memberDeleted && result.schedulesUnlinked === 0) {
    return {
      text: 'There is nothing stored about you in this workspace, so there was nothing to delete.',
      visibility: 'private',
    };
  }
  return {
    text: `Done: I deleted everything I stored about you here: ${deletedSummary(result)} If you use me again, I start afresh.`,
    visibility: 'private',
  };
}

function confirmPrompt(msg: Incoming): Reply {
  return {
    title: 'Delete your data?',
    text:
      'This deletes everything I store about you in this workspace: your check-ins, quiz answers ' +
      'and settings (your timezone). Your streak and your place on the leaderboard go with them, ' +
      'and it cannot be undone.\n\nClick the button, or type `forget me confirm`.',
    buttons: [{ label: 'Delete my data', actionId: ACTIONS.forget, value: msg.userId, style: 'danger' }],
    visibility: 'private',
  };
}

/** A user id as typed or pasted: `U0ABC`, `@U0ABC`, `<@U0ABC>`, `<@U0ABC|name>`, `<@!123>`. */
const USER_ID = /^(?:<@!?([\w.-]{1,64})(?:\|[^>]*)?>|@?([\w.-]{1,64}))$/;

export function userIdOf(typed: string): string | undefined {
  const match = USER_ID.exec(typed.trim());
  return match?.[1] ?? match?.[2];
}

async function forgetOther(msg: Incoming, args: { user: string }, deps: CoreDeps): Promise<Reply> {
  const userId = userIdOf(args.user);
  if (!userId) {
    return {
      text: "That does not look like a member's user id or mention. Usage: `forget member <user id or @mention>`.",
      visibility: 'private',
    };
  }
  const result = await forgetMember(deps.store, refOf(msg, userId));
  deps.log.info({ platform: msg.platform, what: 'forget member' }, 'an admin deleted a member');
  if (!result.memberDeleted && result.schedulesUnlinked === 0) {
    return {
      text: `Nothing is stored about member \`${userId}\` in this workspace, so nothing was deleted.`,
      visibility: 'private',
    };
  }
  return {
    text: `Deleted everything stored about member \`${userId}\` in this workspace: ${deletedSummary(result).replace('you set up', 'they set up')}`,
    visibility: 'private',
  };
}

export const forgetMemberCommand = defineCommand({
  name: 'forget-member',
  args: { user: arg.text("The member's user id or mention", { maxLength: 100 }) },
  audience: 'admins',
  visibility: 'private',
  help: 'delete everything stored about a member, by user id or mention',
  example: 'forget member U0123ABCD',
  usage: 'forget member <user>',
  refusal:
    "Sorry, only workspace admins can delete another member's data. To delete your own, type `forget me`.",
  fromText: (rest) => ({ user: rest }),
  run: forgetOther,
});

/** `me`, `me confirm`, or `member <id>`; anything else reads as chat ("forget about it"). */
function forgetFromText(rest: string): RawArgs | undefined {
  const words = rest.toLowerCase().replace(/[.!,]/g, ' ').split(/\s+/).filter(Boolean);
  if (words[0] === 'member' || words[0] === 'user') {
    const user = rest.trim().split(/\s+/).slice(1).join(' ');
    if (!user) throw new UsageError('Usage: `forget member <user id or @mention>` (admins).');
    return { member: user };
  }
  if (words[0] !== 'me') return undefined;
  if (words.length === 1) return {};
  if (words.length === 2 && words[1] === 'confirm') return { confirm: 'confirm' };
  throw new UsageError('Type `forget me` to be asked first, or `forget me confirm` to delete at once.');
}

export const forgetCommand = defineCommand({
  name: 'forget',
  args: {
    confirm: arg.optionalChoice(
      'Type "confirm" to delete without being asked',
      ['confirm'],
      'Type `forget me` to be asked first, or `forget me confirm` to delete at once.',
    ),
    member: { ...arg.optionalText("A member's user id (admins)", { maxLength: 100 }), textOnly: true },
  },
  audience: 'everyone',
  visibility: 'private',
  help: 'delete everything stored about you (asks first)',
  example: 'forget me',
  usage: 'forget me [confirm]',
  fromText: forgetFromText,
  run: (msg, args, deps) => {
    // The same admin rule as every admin command: the declaration of `forget-member` decides.
    if (args.member) return invoke(forgetMemberCommand, { user: args.member }, msg, deps);
    return args.confirm ? forgetNow(msg, deps) : confirmPrompt(msg);
  },
});

export const rightsCommands: readonly Command[] = [
  defineCommand({
    name: 'mydata',
    aliases: ['my-data'],
    args: {},
    audience: 'everyone',
    visibility: 'private',
    help: 'what I store about you, as JSON (only you see it)',
    example: 'mydata',
    run: mydata,
  }),
  forgetCommand,
  forgetMemberCommand,
];

/** The "Delete my data" button: only the member who asked can confirm, and a second click is harmless. */
async function forgetAction(action: ActionEvent, deps: CoreDeps): Promise<Reply> {
  if (action.value !== action.userId) {
    return {
      text: 'That button belongs to the person who asked. To delete your own data, type `forget me`.',
      visibility: 'private',
    };
  }
  return forgetNow(action, deps);
}

export const rightsActions: ActionModule = { [ACTIONS.forget]: forgetAction };
