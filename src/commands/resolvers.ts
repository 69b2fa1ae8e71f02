/**
 * Argument resolvers: what a person typed, turned into the value a command needs, or a reason it
 * cannot be with the likely values suggested. Pure (Intl's own timezone and region data, plus a
 * small table of abbreviations and country hints kept as data (timezone-hints.json)).
 */

import { quoteUserText } from '../text.ts';
import { canonicalTimeZone } from '../time.ts';
import table from './timezone-hints.json' with { type: 'json' };

export type Resolved<T> = { ok: true; value: T } | { ok: false; problem: string; suggestions: string[] };

const refused = <T>(problem: string, suggestions: string[] = []): Resolved<T> => ({
  ok: false,
  problem,
  suggestions,
});

/** Shown back to the person: one line, short, and unable to ping anyone. */
const shown = (text: string): string => quoteUserText(text, 40).replace(/`/g, "'");

/** `HH:MM` (or `H:MM`) in ASCII digits, 00:00 to 23:59, as `HH:MM`. Nothing else: no `9am`, no `٠٩:٣٠`. */
export function resolveClockTime(text: string): Resolved<string> {
  const match = /^([0-9]{1,2}):([0-9]{2})$/.exec(text.trim());
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    return refused(`\`${shown(text)}\` is not a time I can use. Give a 24-hour time HH:MM, such as 09:30.`);
  }
  return { ok: true, value: `${String(hour).padStart(2, '0')}:${match[2]}` };
}

/** Text that is an attempt at a time (a digit of any script, or a sign and a digit), not chat. */
export function looksLikeClockTime(text: string): boolean {
  return /^[-+−]?\p{N}/u.test(text.trim());
}

const ABBREVIATIONS: Record<string, string[]> = table.abbreviations;
const AREAS = ['Europe', 'America', 'Asia', 'Africa', 'Australia', 'Pacific', 'Atlantic', 'Indian'];
const MAX_SUGGESTIONS = 5;

/** `São Paulo` → `sao_paulo`: the way IANA spells a place, lowercased. */
const placeKey = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

let zonesByPlace: Map<string, string[]> | undefined;
/** Every zone Intl knows, by the last part of its name (`berlin` → Europe/Berlin). */
function zonesForCity(key: string): string[] {
  if (!zonesByPlace) {
    zonesByPlace = new Map();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const place = placeKey(zone.split('/').pop() ?? '');
      zonesByPlace.set(place, [...(zonesByPlace.get(place) ?? []), zone]);
    }
  }
  const found = new Set(zonesByPlace.get(key) ?? []);
  // Newer spellings Intl accepts but does not list (Asia/Kolkata, Europe/Kyiv).
  for (const area of AREAS) {
    const zone = canonicalTimeZone(`${area}/${key}`);
    if (zone) found.add(zone);
  }
  return [...found];
}

let regionsByName: Map<string, string> | undefined;
/** Region codes by English name (`india` → IN), from Intl's own region names. */
function regionCode(key: string): string | undefined {
  if (!regionsByName) {
    regionsByName = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (let a = 65; a <= 90; a += 1) {
      for (let b = 65; b <= 90; b += 1) {
        const code = String.fromCharCode(a, b);
        const name = names.of(code);
        if (name) regionsByName.set(placeKey(name), code);
      }
    }
    for (const [alias, code] of Object.entries(table.countryAliases))
      regionsByName.set(placeKey(alias), code);
  }
  return regionsByName.get(key);
}

function zonesForCountry(key: string): string[] {
  const code = regionCode(key);
  if (!code) return [];
  const locale = new Intl.Locale(`und-${code}`) as Intl.Locale & {
    timeZones?: string[];
    getTimeZones?: () => string[];
  };
  const zones = locale.getTimeZones?.() ?? locale.timeZones ?? [];
  const first = (table.countryFirst as Record<string, string[]>)[code] ?? [];
  const known = first.map((zone) => canonicalTimeZone(zone)).filter((zone): zone is string => Boolean(zone));
  return [...new Set([...known, ...zones])];
}

/**
 * An IANA timezone, in Intl's spelling. Abbreviations (EST, CET, IST...) are refused with the
 * zones they most likely mean; a city or country alone ("berlin", "india") suggests its zones.
 */
export function resolveTimeZone(text: string): Resolved<string> {
  const given = text.trim();
  const abbreviation = Object.hasOwn(ABBREVIATIONS, given.toUpperCase())
    ? ABBREVIATIONS[given.toUpperCase()]
    : undefined;
  if (abbreviation) {
    return refused(
      `"${shown(given)}" is an abbreviation, not a timezone: it names an offset, which does not follow daylight saving the way a place does.`,
      abbreviation,
    );
  }
  const zone = given.length <= 64 ? canonicalTimeZone(given) : undefined;
  if (zone) return { ok: true, value: zone };
  const key = placeKey(given);
  const places = key && key.length <= 40 ? [...zonesForCity(key), ...zonesForCountry(key)] : [];
  return refused(`"${shown(given)}" is not a timezone I know.`, [...new Set(places)]);
}

/** The zones a place name means, its city's first, then its country's ("tokyo", "new york", "india"). */
export function zonesOfPlace(place: string): string[] {
  const key = placeKey(place);
  if (!key || key.length > 40) return [];
  return [...new Set([...zonesForCity(key), ...zonesForCountry(key)])];
}

/**
 * The whole message for a timezone that was refused: the problem, the suggestions (at most a
 * few), and how to type one. `command` is what precedes the zone, e.g. `timezone`.
 */
export function timeZoneAdvice(result: { problem: string; suggestions: string[] }, command: string): string {
  const [first, ...others] = result.suggestions;
  if (!first) {
    return `${result.problem} Use an IANA name (Area/City), for example \`${command} Europe/Berlin\` or \`${command} America/New_York\`.`;
  }
  const more = others.slice(0, MAX_SUGGESTIONS - 1);
  const rest = others.length - more.length;
  const list = [first, ...more].join(', ') + (rest > 0 ? ` and ${rest} more` : '');
  const which = others.length === 0 ? `Did you mean ${first}?` : `Did you mean one of ${list}?`;
  return `${result.problem} ${which} For example \`${command} ${first}\`.`;
}
