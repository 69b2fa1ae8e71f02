/** `timezone [Area/City|default]`: a person's own day boundary for streaks. */
import { arg, defineCommand } from '../commands/registry.ts';
import { resolveTimeZone, timeZoneAdvice } from '../commands/resolvers.ts';
import type { CoreDeps } from '../core.ts';
import { localParts } from '../time.ts';
import type { Incoming, Reply } from '../types.ts';
import { timezoneChange } from './checkin-date.ts';
import { type TimezoneSource, timezoneFor } from './context.ts';
import { formatDay } from './render.ts';

const EXAMPLE = '`timezone Europe/Berlin` or `timezone America/New_York`';
const RESET_WORDS = new Set(['default', 'reset', 'clear', 'none']);

export function describeNow(at: Date, timezone: string): string {
  const p = localParts(at, timezone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `it is ${pad(p.hour)}:${pad(p.minute)} on ${formatDay(p.date)} there`;
}

const SOURCE_WORDS: Record<TimezoneSource, string> = {
  yours: 'your own setting',
  workspace: "the workspace's timezone",
  default: "the bot's default",
};

/** A refused timezone, with the zones it likely means; `command` is what precedes a zone when typed. */
export function invalidTimezoneReply(
  refusal: { problem: string; suggestions: string[] },
  command = 'timezone',
): Reply {
  return { text: timeZoneAdvice(refusal, command), visibility: 'private' };
}

async function showTimezone(msg: Incoming, deps: CoreDeps): Promise<Reply> {
  const [member, workspace] = await Promise.all([deps.store.getMember(msg), deps.store.getWorkspace(msg)]);
  const zone = timezoneFor(member, workspace, deps.settings.defaultTimezone);
  return {
    text:
      `Your day runs on **${zone.timezone}** time (${SOURCE_WORDS[zone.source]}); ${describeNow(msg.at, zone.timezone)}. ` +
      `Change it with \`timezone Area/City\`, for example ${EXAMPLE}.`,
    visibility: 'private',
  };
}

async function setTimezone(msg: Incoming, timezone: string | undefined, deps: CoreDeps): Promise<Reply> {
  const { defaultTimezone } = deps.settings;
  const member = await deps.store.setTimezone(msg, (context) =>
    timezoneChange(context, timezone, defaultTimezone, msg.at),
  );
  const zone = timezoneFor(member, await deps.store.getWorkspace(msg), defaultTimezone);
  const what = timezone
    ? `Your day now runs on **${zone.timezone}** time`
    : `Your own timezone is cleared; your day follows ${SOURCE_WORDS[zone.source]}, **${zone.timezone}**`;
  const from =
    member.previousTimezone && member.timezoneFrom
      ? ` It takes effect from ${formatDay(member.timezoneFrom)}, your next day there; until then your day still runs on ${member.previousTimezone} time, so one real day counts once.`
      : '';
  return {
    text: `${what}; ${describeNow(msg.at, zone.timezone)}.${from} Your streak is kept: past check-ins stay on their dates.`,
    visibility: 'private',
  };
}

async function changeTimezone(msg: Incoming, zone: string | undefined, deps: CoreDeps): Promise<Reply> {
  const wanted = (zone ?? '').trim();
  if (wanted === '') return showTimezone(msg, deps);
  if (RESET_WORDS.has(wanted.toLowerCase())) {
    const known = await deps.store.getMember(msg);
    return known?.timezone ? setTimezone(msg, undefined, deps) : showTimezone(msg, deps);
  }
  const timezone = resolveTimeZone(wanted);
  if (!timezone.ok) return invalidTimezoneReply(timezone);
  return setTimezone(msg, timezone.value, deps);
}

export const timezoneCommand = defineCommand({
  name: 'timezone',
  aliases: ['tz'],
  args: {
    zone: arg.optionalText('e.g. Europe/Berlin, or "default" to follow the workspace', {
      maxLength: 64,
      complete: 'timezone',
    }),
  },
  audience: 'everyone',
  visibility: 'private',
  help: 'show or set the timezone your streak days follow',
  example: 'timezone Europe/Berlin',
  usage: 'timezone [Area/City]',
  // "timezone handling in databases" is a question, not a timezone.
  fromText: (rest) => (/\s/.test(rest) ? undefined : { zone: rest }),
  run: (msg, { zone }, deps) => changeTimezone(msg, zone, deps),
});
