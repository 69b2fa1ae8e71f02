/** `schedule`, `schedule <HH:MM> [timezone] [weekdays|daily]` and `schedule off`. */
import { arg, defineCommand, type RawArgs, UsageError } from '../commands/registry.ts';
import { looksLikeClockTime } from '../commands/resolvers.ts';
import type { CoreDeps } from '../core.ts';
import type { Schedule } from '../store/types.ts';
import type { Incoming, Reply, ReplyField } from '../types.ts';
import {
  describeDays,
  formatLocal,
  lastPostRecord,
  nextPostInstant,
  parseScheduleArgs,
  SCHEDULE_EXAMPLE,
  type ScheduleArgs,
  scheduleCommandFrom,
  upcomingPostKeys,
} from './schedule-rules.ts';
import { setSchedule, turnOffSchedule } from './schedules.ts';

const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

const reply = (text: string, extra: Partial<Reply> = {}): Reply => ({
  text,
  visibility: 'private',
  ...extra,
});

export async function nextPostLine(deps: CoreDeps, schedule: Schedule): Promise<string> {
  if (schedule.paused) return 'none while paused';
  const now = deps.clock();
  const posts = await deps.store.getPosts(upcomingPostKeys(schedule, now));
  const next = nextPostInstant(schedule, posts, now, deps.settings.tips.catchupHours);
  if (!next) return 'none in the next week';
  const when = `${formatLocal(next, schedule.timezone)} (${schedule.timezone})`;
  return next.getTime() <= now.getTime() ? `now, catching up on ${when}` : when;
}

async function lastPostLine(deps: CoreDeps, msg: Incoming): Promise<ReplyField | undefined> {
  const last = lastPostRecord(await deps.store.channelPosts(msg));
  if (!last) return undefined;
  const title = last.tipId ? deps.content.tip(last.tipId)?.title : undefined;
  const what = title ? ` ("${title}")` : '';
  const why = last.reason && last.status !== 'sent' ? `: ${last.reason}` : '';
  return { label: 'Last post', value: `${last.date}, ${last.status}${what}${why}` };
}

async function showSchedule(deps: CoreDeps, msg: Incoming): Promise<Reply> {
  const schedule = await deps.store.getSchedule(msg);
  if (!schedule) {
    return reply(
      `This channel gets no skill of the day yet. An admin can start it with ${SCHEDULE_EXAMPLE}; \`tip\` shows today's tip any time.`,
    );
  }
  const fields: ReplyField[] = [
    { label: 'Posts at', value: `${schedule.time} ${schedule.timezone}, ${describeDays(schedule.days)}` },
    { label: 'Next post', value: await nextPostLine(deps, schedule) },
  ];
  const last = await lastPostLine(deps, msg);
  if (last) fields.push(last);
  if (schedule.paused) {
    fields.push({
      label: 'Paused',
      value: `since ${schedule.paused.at.slice(0, 10)}: ${sentence(schedule.paused.reason)} An admin can resume with \`schedule ${schedule.time}\` once that is fixed.`,
    });
  }
  const origin = schedule.source === 'env' ? ' (from the TIP_TIME setting)' : '';
  return reply(`The skill of the day is scheduled for this channel${origin}.`, {
    title: 'Skill of the day schedule',
    fields,
  });
}

async function changeSchedule(deps: CoreDeps, msg: Incoming, args: ScheduleArgs): Promise<Reply> {
  const command = scheduleCommandFrom(args);
  if (command.kind === 'error') return reply(command.message);
  if (command.kind === 'off') {
    const outcome = await turnOffSchedule(deps, msg);
    if (outcome === 'none') return reply('This channel had no schedule, so nothing changed.');
    if (outcome === 'already')
      return reply('The daily tip is already off here. `schedule 09:00` starts it again.');
    return reply('Stopped: no more daily tips in this channel. `schedule 09:00` starts them again.');
  }
  if (command.kind === 'show') return showSchedule(deps, msg);
  const schedule = await setSchedule(deps, msg, command);
  return reply(
    `Done: the skill of the day will be posted here at ${schedule.time} (${schedule.timezone}) ${describeDays(schedule.days)}. Next post: ${await nextPostLine(deps, schedule)}.`,
  );
}

/** Admins only: the registry refuses anyone else who gives arguments (see the declaration). */
export async function scheduleCommand(msg: Incoming, args: ScheduleArgs, deps: CoreDeps): Promise<Reply> {
  return changeSchedule(deps, msg, args);
}

/** The words after `schedule` by name; timezone and days may come in either order. */
function scheduleFromText(rest: string): RawArgs | undefined {
  // "schedule a cron job in node" is a question.
  if (!looksLikeClockTime(rest) && !/^(off|show)\b/i.test(rest)) return undefined;
  const parsed = parseScheduleArgs(rest);
  if (parsed.kind === 'error') throw new UsageError(parsed.message);
  if (parsed.kind === 'show') return {};
  if (parsed.kind === 'off') return { time: 'off' };
  return { time: parsed.time, timezone: parsed.timezone, days: parsed.days };
}

export const scheduleDeclaration = defineCommand({
  name: 'schedule',
  args: {
    time: arg.optionalText('HH:MM (24-hour), or "off" to stop', { maxLength: 5 }),
    timezone: arg.optionalText('e.g. Europe/Berlin', { maxLength: 64, complete: 'timezone' }),
    days: arg.optionalChoice(
      'Which days to post',
      ['weekdays', 'daily'],
      `Days are \`weekdays\` or \`daily\`, for example ${SCHEDULE_EXAMPLE}.`,
    ),
  },
  audience: 'admins-to-change',
  visibility: 'private',
  help: 'when the daily tip is posted in this channel; `off` stops it',
  example: 'schedule 09:30 Europe/Berlin weekdays',
  usage: 'schedule [HH:MM] [timezone] [weekdays|daily]',
  refusal:
    'Sorry, only a workspace admin can change the schedule here. Type `schedule` to see the current one.',
  fromText: scheduleFromText,
  run: (msg, args, deps) => scheduleCommand(msg, args, deps),
});
