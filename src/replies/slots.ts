/**
 * What a message names that a reply about the bot can use: a place or timezone ("i'm in tokyo"
 * → Asia/Tokyo) and a time of day ("at 8:45", "8am" → 08:45, 08:00), so "how do I set my
 * timezone to New York" gets the exact command. Pure.
 */
import { zonesOfPlace } from '../commands/resolvers.ts';
import { HINT_SLOTS, type HintSlot } from '../content/schema.ts';
import { canonicalTimeZone } from '../time.ts';

/** A place follows one of these words: "in tokyo", "to new york", "from berlin", "live in sydney". */
const PLACE_CUE = /\b(?:in|to|from|near|at)\s+((?:[\p{L}'’.-]+\s*){1,3})/giu;
const IANA_NAME = /\b[A-Z][A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?\b/;

function zoneIn(text: string): string | undefined {
  const written = IANA_NAME.exec(text)?.[0];
  const exact = written ? canonicalTimeZone(written) : undefined;
  if (exact) return exact;
  for (const match of text.matchAll(PLACE_CUE)) {
    const words = (match[1] ?? '').trim().split(/\s+/);
    // Longest first: "new york" before "new".
    for (let n = words.length; n >= 1; n--) {
      const zone = zonesOfPlace(words.slice(0, n).join(' '))[0];
      if (zone) return zone;
    }
  }
  return undefined;
}

/** "8:45", "16:30", "8:45pm"; a dot only with am/pm ("4.30pm"), since "3.12" is more often a version. */
const CLOCK = /\b([01]?\d|2[0-3]):([0-5]\d)\s*(am|pm)?\b|\b(1[0-2]|0?[1-9])\.([0-5]\d)\s*(am|pm)\b/i;
const HOUR_OF_DAY = /\b(1[0-2]|0?[1-9])\s*(am|pm)\b/i;
const AT_HOUR = /\bat\s+([01]?\d|2[0-3])\b(?![:.\d])/i;

function hhmm(hour: number, minute: number, meridiem?: string): string | undefined {
  const half = meridiem?.toLowerCase();
  if (half && (hour < 1 || hour > 12)) return undefined;
  const h = half === 'pm' ? (hour % 12) + 12 : half === 'am' ? hour % 12 : hour;
  return `${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function timeIn(text: string): string | undefined {
  const clock = CLOCK.exec(text);
  if (clock) return hhmm(Number(clock[1] ?? clock[4]), Number(clock[2] ?? clock[5]), clock[3] ?? clock[6]);
  const hour = HOUR_OF_DAY.exec(text);
  if (hour) return hhmm(Number(hour[1]), 0, hour[2]);
  const at = AT_HOUR.exec(text);
  return at ? hhmm(Number(at[1]), 0) : undefined;
}

const FINDERS: Record<HintSlot, (text: string) => string | undefined> = { zone: zoneIn, time: timeIn };

const isSlot = (name: string): name is HintSlot => (HINT_SLOTS as readonly string[]).includes(name);

/** The slots a hint uses, in the order written. */
function slotsOf(hint: string): string[] {
  return [...hint.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
}

/** `hint` with each slot filled from `text`, or undefined when there is no hint or the text lacks a slot. */
export function fillHint(hint: string | undefined, text: string): string | undefined {
  if (hint === undefined) return undefined;
  let filled = hint;
  for (const slot of new Set(slotsOf(hint))) {
    const value = isSlot(slot) ? FINDERS[slot](text) : undefined;
    if (!value) return undefined;
    filled = filled.replaceAll(`{${slot}}`, value);
  }
  return filled;
}
