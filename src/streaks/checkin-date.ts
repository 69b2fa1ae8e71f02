/**
 * One real day counts once. Pure rules for which local date a check-in gets and how a timezone
 * change takes effect; the store applies them inside its atomic step.
 *
 * - A check-in belongs to the member's local date in the zone in force (see `zoneInForce`).
 * - A check-in is never dated before the member's latest check-in: such a date becomes the
 *   latest one, which is then already counted.
 * - A timezone change takes effect from the new zone's next local day: until then the zone that
 *   was in force keeps counting, so switching zones cannot reopen yesterday or jump to tomorrow.
 *   A member without check-ins has nothing to count twice, so their first choice applies at once.
 */
import type { LocalDate, UserRecord, WorkspaceSettings } from '../store/types.ts';
import { addDays } from '../time.ts';
import { memberToday, timezoneFor, zoneInForce } from './context.ts';
import { dateIn } from './day.ts';

interface RuleContext {
  member: Readonly<UserRecord>;
  workspace: Readonly<WorkspaceSettings>;
}

/** The date a check-in made at `at` belongs to. */
export function checkinDate(context: RuleContext, defaultTimezone: string, at: Date): LocalDate {
  const today = memberToday(context.member, context.workspace, defaultTimezone, at);
  const latest = context.member.checkins.at(-1);
  return latest !== undefined && today < latest ? latest : today;
}

export interface TimezoneFields {
  timezone?: string;
  previousTimezone?: string;
  timezoneFrom?: LocalDate;
}

/**
 * The member's timezone fields after choosing `wanted` (undefined: follow the workspace again)
 * at `at`. When the day would then run on a different zone, the one in force now is kept until
 * the new zone's next local day.
 */
export function timezoneChange(
  context: RuleContext,
  wanted: string | undefined,
  defaultTimezone: string,
  at: Date,
): TimezoneFields {
  const own = wanted ? { timezone: wanted } : {};
  const inForce = zoneInForce(context.member, context.workspace, defaultTimezone, at);
  const next = timezoneFor(own, context.workspace, defaultTimezone).timezone;
  if (next === inForce || context.member.checkins.length === 0) return own;
  return { ...own, previousTimezone: inForce, timezoneFrom: addDays(dateIn(at, next), 1) };
}
