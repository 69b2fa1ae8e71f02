/** `settings`, `settings timezone <Area/City>`, `settings days weekdays|daily`: workspace settings (admins change them). */
import type { CommandHandler, CoreDeps } from '../core.ts';
import { type DayPolicy, workspaceKey } from '../store/types.ts';
import { canonicalTimeZone } from '../time.ts';
import type { Incoming, Reply } from '../types.ts';
import { dayPolicyFor } from './context.ts';
import { describeNow, invalidTimezoneReply } from './timezone.ts';

const DAY_WORDS: Record<DayPolicy, string> = {
  weekdays: 'Monday to Friday (weekends neither extend nor break a streak)',
  daily: 'every day of the week',
};

function showSettings(msg: Incoming, deps: CoreDeps): Reply {
  const saved = deps.store.data.workspaces[workspaceKey(msg.platform, msg.workspaceId)];
  const timezone = saved?.timezone ?? deps.settings.defaultTimezone;
  return {
    title: 'Workspace settings',
    text: 'Admins can change them with `settings timezone <Area/City>` or `settings days weekdays|daily`.',
    fields: [
      {
        label: 'Timezone',
        value: saved?.timezone ? timezone : `${timezone} (the default; not set for this workspace)`,
      },
      { label: 'Learning days', value: DAY_WORDS[dayPolicyFor(deps.store.data, msg)] },
    ],
    visibility: 'private',
  };
}

const refusal: Reply = {
  text:
    'Sorry, only workspace admins can change these settings. ' +
    'You can still set your own day boundary with `timezone <Area/City>`.',
  visibility: 'private',
};

async function saveSetting(
  msg: Incoming,
  deps: CoreDeps,
  change: { timezone: string } | { learningDays: DayPolicy },
): Promise<void> {
  await deps.store.commit((data) => {
    const key = workspaceKey(msg.platform, msg.workspaceId);
    data.workspaces[key] = { ...data.workspaces[key], ...change };
  });
}

async function setTimezone(msg: Incoming, value: string, deps: CoreDeps): Promise<Reply> {
  const timezone = canonicalTimeZone(value);
  if (!timezone) return invalidTimezoneReply(value, '`settings timezone Europe/Berlin`');
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

export const settingsCommand: CommandHandler = (msg, args, deps) => {
  const [what = '', ...rest] = args.trim().split(/\s+/);
  const value = rest.join(' ');
  const key = what.toLowerCase();
  if (key === '' || key === 'show' || value === '') return showSettings(msg, deps);
  if (!msg.isAdmin) return refusal;
  if (key === 'timezone') return setTimezone(msg, value, deps);
  if (key === 'days') return setDays(msg, value, deps);
  return showSettings(msg, deps);
};
