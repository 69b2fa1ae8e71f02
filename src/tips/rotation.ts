/**
 * Which tip a channel gets on a date. Pure: everything is derived from the channel's post
 * history and the tip ids in the content today, never from positions in a list, so adding or
 * removing tip files cannot shift the rotation or bring a tip back early.
 *
 * Rules, strongest first:
 * 1. No tip repeats until every tip now in the content has been posted in the current cycle.
 * 2. The same skill never comes two days running (kept whenever the cycle's remaining tips allow).
 * 3. Prefer the skill posted longest ago, then the tip posted longest ago; ties are broken by a
 *    hash of the channel so different channels walk the tips in different orders.
 */
import type { Tip } from '../content/schema.ts';
import type { LocalDate, PostRecord } from '../store/types.ts';

export interface RotationInput {
  /** `channelKey(...)`: seeds the order so channels differ. */
  channel: string;
  date: LocalDate;
  /** This channel's post records (any order, any status). */
  history: readonly PostRecord[];
  tips: readonly Tip[];
}

/** A post that reached (or may have reached) the channel counts; failed and skipped days do not. */
export function countsAsPosted(record: PostRecord): boolean {
  return (record.status === 'sent' || record.status === 'claimed') && record.tipId !== '';
}

/** FNV-1a, 32 bit: a stable, well-spread hash for tie-breaking. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function chronological(records: readonly PostRecord[]): PostRecord[] {
  return [...records].sort((a, b) =>
    a.date === b.date ? a.claimedAt.localeCompare(b.claimedAt) : a.date.localeCompare(b.date),
  );
}

/**
 * The tips still due in the current cycle. A cycle ends when every current tip has been posted
 * in it; since the rotation itself never repeats within a cycle, a repeat in the history marks
 * where the next cycle began. Tips added later simply join the open cycle.
 */
export function remainingInCycle(posted: readonly string[], currentIds: ReadonlySet<string>): Set<string> {
  let cycle = new Set<string>();
  for (const id of posted) {
    if (cycle.has(id)) cycle = new Set();
    cycle.add(id);
  }
  const remaining = new Set([...currentIds].filter((id) => !cycle.has(id)));
  return remaining.size > 0 ? remaining : new Set(currentIds);
}

/**
 * The date the channel's current cycle began: the records from then on are all the rotation
 * needs, so the post log may forget older ones. Undefined when nothing was posted yet.
 */
export function cycleStartDate(history: readonly PostRecord[]): LocalDate | undefined {
  let start: PostRecord | undefined;
  let cycle = new Set<string>();
  for (const record of chronological(history.filter(countsAsPosted))) {
    if (cycle.has(record.tipId) || !start) {
      cycle = new Set();
      start = record;
    }
    cycle.add(record.tipId);
  }
  return start?.date;
}

/**
 * Whether `counts` (skill -> tips left) can still be posted with no skill twice in a row when
 * the last post was `previous`: no skill may need more than every other day.
 */
export function canAlternate(counts: ReadonlyMap<string, number>, previous: string | undefined): boolean {
  let total = 0;
  for (const count of counts.values()) total += count;
  for (const [skill, count] of counts) {
    const limit = skill === previous ? Math.floor(total / 2) : Math.ceil(total / 2);
    if (count > limit) return false;
  }
  return true;
}

function skillCounts(tips: readonly Tip[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const tip of tips) counts.set(tip.skill, (counts.get(tip.skill) ?? 0) + 1);
  return counts;
}

/** `items` sorted by `rank`, ties by the channel's hash of each: both computed once per item. */
function sortedBy<T>(items: readonly T[], rank: (item: T) => number, tieKey: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, rank: rank(item), tie: hash(tieKey(item)) }));
  keyed.sort((a, b) => a.rank - b.rank || a.tie - b.tie);
  return keyed.map((k) => k.item);
}

/** Skills in preference order: never posted first, then posted longest ago; ties by channel hash. */
function skillPreference(
  candidates: readonly Tip[],
  lastPosted: ReadonlyMap<string, number>,
  channel: string,
): string[] {
  const skills = [...new Set(candidates.map((t) => t.skill))];
  return sortedBy(
    skills,
    (skill) => lastPosted.get(`skill:${skill}`) ?? -1,
    (skill) => `${channel}|skill|${skill}`,
  );
}

function pickSkill(candidates: readonly Tip[], previous: string | undefined, preference: string[]): string {
  const allowed = preference.filter((skill) => skill !== previous);
  const counts = skillCounts(candidates);
  const keepsAlternation = allowed.find((skill) => {
    const after = new Map(counts);
    after.set(skill, (after.get(skill) ?? 0) - 1);
    return canAlternate(after, skill);
  });
  if (keepsAlternation) return keepsAlternation;
  // The remaining tips cannot avoid a skill twice running: use up the most crowded skill first,
  // which keeps such runs fewest. When only the previous skill is left, the no-repeat rule wins.
  const crowded = [...allowed].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  return crowded[0] ?? (preference[0] as string);
}

/** The tip for `date`: the one already recorded for that date, else the rotation's next choice. */
export function chooseTip(input: RotationInput): Tip | undefined {
  const { channel, date, history, tips } = input;
  if (tips.length === 0) return undefined;
  const byId = new Map(tips.map((t) => [t.id, t]));
  const recorded = history.find((r) => r.date === date && r.tipId !== '');
  const recordedTip = recorded ? byId.get(recorded.tipId) : undefined;
  if (recordedTip) return recordedTip;

  const posted = chronological(history.filter((r) => r.date < date && countsAsPosted(r)));
  const lastPosted = new Map<string, number>();
  posted.forEach((record, index) => {
    lastPosted.set(`tip:${record.tipId}`, index);
    const skill = byId.get(record.tipId)?.skill;
    if (skill) lastPosted.set(`skill:${skill}`, index);
  });
  const previousSkill = byId.get(posted.at(-1)?.tipId ?? '')?.skill;
  const remaining = remainingInCycle(
    posted.map((r) => r.tipId),
    new Set(byId.keys()),
  );
  const candidates = tips.filter((t) => remaining.has(t.id));
  const skill = pickSkill(candidates, previousSkill, skillPreference(candidates, lastPosted, channel));
  return sortedBy(
    candidates.filter((t) => t.skill === skill),
    (tip) => lastPosted.get(`tip:${tip.id}`) ?? -1,
    (tip) => `${channel}|tip|${tip.id}`,
  )[0];
}
