/** `settings`, `settings timezone <Area/City>`, `settings days weekdays|daily`: workspace settings (admins change them). */
import { arg, defineCommand, type RawArgs, UsageError } from '../commands/registry.ts';
import { resolveTimeZone } from '../commands/resolvers.ts';
import type { CoreDeps } from '../core.ts';
import type { DayPolicy } from '../store/types.ts';
import type { Incoming, Reply } from '../types.ts';
import { dayPolicyOf } from './context.ts';
import { describeNow, invalidTimezoneReply } from './timezone.ts';

const DAY_WORDS: Record<DayPolicy, string> = {
  weekdays: 'Monday to Friday (weekends neither extend nor break a streak)',
  daily: 'every day of the week',
};

async function showSettings(msg: Incoming, deps: CoreDeps): Promise<Reply> {
  const saved = await deps.store.getWorkspace(msg);
  const timezone = saved.timezone ?? deps.settings.defaultTimezone;
  return {
    title: 'Workspace settings',
    text: 'Admins can change them with `settings timezone <Area/City>` or `settings days weekdays|daily`.',
    fields: [
      {
        label: 'Timezone',
        value: saved.timezone ? timezone : `${timezone} (the default; not set for this workspace)`,
      },
      { label: 'Learning days', value: DAY_WORDS[dayPolicyOf(saved)] },
    ],
    visibility: 'private',
  };
}

const REFUSAL =
  'Sorry, only workspace admins can change these settings. ' +
  'You can still set your own day boundary with `timezone <Area/City>`.';

async function saveSetting(
  msg: Incoming,
  deps: CoreDeps,
  change: { timezone: string } | { learningDays: DayPolicy },
): Promise<void> {
  await deps.store.updateWorkspace(msg, change);
}

async function setTimezone(msg: Incoming, value: string, deps: CoreDeps): Promise<Reply> {
  const resolved = resolveTimeZone(value);
  if (!resolved.ok) return invalidTimezoneReply(resolved, 'settings timezone');
  const timezone = resolved.value;
  await saveSetting(msg, deps, { timezone });
  return {
    text:
      `The workspace now runs on **${timezone}** time; ${describeNow(msg.at, timezone)}. ` +
      'People who set their own `timezone` keep theirs.',
    visibility: 'private',
  };
}

async function setDays(msg: Incoming, value: string, deps: CoreDeps): Promise<Reply> {
  const policy = value.toLowerCase();
  if (policy !== 'weekdays' && policy !== 'daily') {
    return {
      text: 'Learning days are `weekdays` or `daily`, for example `settings days daily`.',
      visibility: 'private',
    };
  }
  await saveSetting(msg, deps, { learningDays: policy });
  return {
    text: `Learning days are now ${DAY_WORDS[policy]}. Streaks are recounted with this rule.`,
    visibility: 'private',
  };
}

async function changeSettings(
  msg: Incoming,
  change: { timezone?: string; days?: DayPolicy },
  deps: CoreDeps,
): Promise<Reply> {
  if (!change.timezone && !change.days) return showSettings(msg, deps);
  const said: Reply[] = [];
  if (change.timezone) {
    const zone = await setTimezone(msg, change.timezone, deps);
    // An unknown timezone changes nothing, not even the days given with it.
    if (!resolveTimeZone(change.timezone).ok) return zone;
    said.push(zone);
  }
  if (change.days) said.push(await setDays(msg, change.days, deps));
  return { text: said.map((r) => r.text).join('\n'), visibility: 'private' };
}

const SETTING_WORDS = new Set(['timezone', 'days']);

/** `timezone Europe/Berlin`, `days daily`, both, or `show`; undefined when the text is chat. */
function settingsFromText(rest: string): RawArgs | undefined {
  const words = rest.split(' ');
  if (!/^(timezone|days|show)$/i.test(words[0] ?? '')) return undefined;
  const raw: RawArgs = {};
  for (let i = 0; i < words.length; i += 2) {
    const key = words[i]?.toLowerCase() ?? '';
    if (key === 'show' && i === 0) return {};
    if (!SETTING_WORDS.has(key)) {
      throw new UsageError(`\`${key.slice(0, 20)}\` is not a setting: use \`timezone\` or \`days\`.`);
    }
    raw[key] = words[i + 1];
  }
  return raw;
}

export const settingsCommand = defineCommand({
  name: 'settings',
  args: {
    timezone: arg.optionalText("The workspace's timezone, e.g. Europe/Berlin", {
      maxLength: 64,
      complete: 'timezone',
    }),
    days: arg.optionalChoice(
      'Which days count for streaks',
      ['weekdays', 'daily'],
      'Learning days are `weekdays` or `daily`, for example `settings days daily`.',
    ),
  },
  audience: 'admins-to-change',
  visibility: 'private',
  help: "the workspace's timezone and learning days",
  example: 'settings days daily',
  usage: 'settings [timezone <Area/City>] [days weekdays|daily]',
  refusal: REFUSAL,
  fromText: settingsFromText,
  run: (msg, change, deps) => changeSettings(msg, change, deps),
});
