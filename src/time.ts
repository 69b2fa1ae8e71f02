/**
 * Calendar arithmetic in IANA timezones, with only `Intl` underneath.
 * Pure functions: the instant is always passed in.
 */
import type { DayPolicy, LocalDate } from './store/types.ts';

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterCache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterCache.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    partsFormatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The spelling Intl uses (`europe/berlin` → `Europe/Berlin`); undefined when not a timezone. */
export function canonicalTimeZone(name: string): string | undefined {
  if (!isValidTimeZone(name)) return undefined;
  return partsFormatter(name).resolvedOptions().timeZone;
}

export interface LocalParts {
  date: LocalDate;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Readings already made, by zone and instant. `formatToParts` is the costly step, and the
 * scheduler asks the same few readings for every channel due at a minute (500 channels at 09:00
 * UTC: one reading instead of 500). Cleared when full, so it never grows.
 */
const readings = new Map<string, LocalParts>();
const MAX_READINGS = 1_024;

/** The wall-clock reading of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const key = `${timeZone}|${instant.getTime()}`;
  const known = readings.get(key);
  if (known) return { ...known };
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const reading = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
  if (readings.size >= MAX_READINGS) readings.clear();
  readings.set(key, reading);
  return { ...reading };
}

/** The calendar date of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  return localParts(instant, timeZone).date;
}

function dateToUtcNoon(date: LocalDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = dateToUtcNoon(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((dateToUtcNoon(to).getTime() - dateToUtcNoon(from).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return dateToUtcNoon(date).getUTCDay();
}

export function isWeekend(date: LocalDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** Learning days: Monday to Friday, or every day. */
export function isLearningDay(date: LocalDate, policy: DayPolicy): boolean {
  return policy === 'daily' || !isWeekend(date);
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Berlin in summer: +120). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.parse(`${p.date}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The instant at which the wall clock in `timeZone` reads `date` `hour:minute`.
 * A time skipped by a spring-forward change resolves to the first valid minute after it;
 * a time repeated by a fall-back change resolves to its first occurrence.
 */
export function zonedInstant(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  const wallAsUtc = Date.parse(`${date}T${pad(hour)}:${pad(minute)}:00Z`);
  // Try both offsets in force around that moment; the earliest instant that reads back correctly wins.
  const offsets = new Set([
    offsetMinutes(new Date(wallAsUtc - 86_400_000), timeZone),
    offsetMinutes(new Date(wallAsUtc), timeZone),
    offsetMinutes(new Date(wallAsUtc + 86_400_000), timeZone),
  ]);
  const candidates = [...offsets]
    .map((offset) => new Date(wallAsUtc - offset * 60_000))
    .filter((instant) => {
      const p = localParts(instant, timeZone);
      return p.date === date && p.hour === hour && p.minute === minute;
    })
    .sort((a, b) => a.getTime() - b.getTime());
  if (candidates[0]) return candidates[0];
  // The wall time does not exist (spring forward): the first valid minute after the gap.
  return zonedInstant(date, minute === 59 ? hour + 1 : hour, (minute + 1) % 60, timeZone);
}
