/** The skill-of-the-day commands (`tip`, `schedule`) and the daily post's buttons. */
import { type Command, defineCommand } from '../commands/registry.ts';
import type { ActionModule, CoreDeps } from '../core.ts';
import { ACTIONS, type Incoming, type Reply } from '../types.ts';
import { checkinAction, quizAction } from './actions.ts';
import { buildPost } from './post.ts';
import { scheduleDeclaration } from './schedule-command.ts';
import { formatLocal, nextPostInstant, upcomingPostKeys } from './schedule-rules.ts';
import { todaysTip } from './today.ts';

/** Where today's tip stands in this channel, as one line under the post. */
async function statusLine(deps: CoreDeps, today: Awaited<ReturnType<typeof todaysTip>>): Promise<string> {
  const { record, schedule } = today;
  if (record?.status === 'sent') return `_Posted in this channel today (${today.date})._`;
  if (!schedule) return '_This channel has no daily post; an admin can start one with `schedule 09:00`._';
  if (schedule.paused) return '_The daily post here is paused; type `schedule` to see why._';
  const now = deps.clock();
  const posts = await deps.store.getPosts(upcomingPostKeys(schedule, now));
  const next = nextPostInstant(schedule, posts, now, deps.settings.tips.catchupHours);
  if (!next || record) return `_Today's tip (${today.date})._`;
  return `_Will be posted here ${formatLocal(next, schedule.timezone)} (${schedule.timezone})._`;
}

export async function tipCommand(msg: Incoming, _args: unknown, deps: CoreDeps): Promise<Reply> {
  const today = await todaysTip(deps, msg, msg.at);
  if (!today.tip) {
    return {
      text: 'There are no tips to show yet. Try `list` to see the skills I can explain.',
      visibility: 'private',
    };
  }
  const post = buildPost(deps.content, today.tip, today.date);
  return { ...post, text: `${post.text}\n\n${await statusLine(deps, today)}` };
}

export const tipCommands: readonly Command[] = [
  defineCommand({
    name: 'tip',
    aliases: ['today'],
    args: {},
    audience: 'everyone',
    visibility: 'public',
    help: "today's skill of the day for this channel",
    example: 'tip',
    run: tipCommand,
  }),
  scheduleDeclaration,
];

export const tipActions: ActionModule = { [ACTIONS.checkin]: checkinAction, [ACTIONS.quiz]: quizAction };
