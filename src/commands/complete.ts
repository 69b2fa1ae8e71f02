/** Suggestions for an argument as it is typed, for platforms that autocomplete. Pure. */
import type { Entry } from '../content/schema.ts';
import type { CompletionSource } from './registry.ts';

export interface Choice {
  /** What the person sees. */
  name: string;
  /** What the argument becomes. */
  value: string;
}

/** A skill as the content describes it (a content `Entry` of kind `skill` fits). */
export interface SkillChoice {
  id: string;
  title: string;
  aliases?: readonly string[];
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9/+#]+/g, ' ')
    .trim();

/** Skills whose id, title or an alias contains what was typed; prefix matches first. */
export function skillChoices(skills: readonly SkillChoice[], typed: string, limit: number): Choice[] {
  const q = fold(typed);
  const scored = skills
    .map((skill) => {
      const names = [skill.id, skill.title, ...(skill.aliases ?? [])].map(fold);
      const score =
        q === '' ? 1 : names.some((n) => n.startsWith(q)) ? 2 : names.some((n) => n.includes(q)) ? 1 : 0;
      return { skill, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.skill.title.localeCompare(b.skill.title));
  return scored.slice(0, limit).map(({ skill }) => ({ name: skill.title, value: skill.id }));
}

let zones: string[] | undefined;

/** IANA timezone names containing what was typed ("berl" → Europe/Berlin). */
export function timezoneChoices(typed: string, limit: number): Choice[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  const q = typed.trim().toLowerCase().replace(/\s+/g, '_');
  return zones
    .filter((z) => z.toLowerCase().includes(q))
    .slice(0, limit)
    .map((z) => ({ name: z, value: z }));
}

export function completeFrom(
  source: CompletionSource,
  typed: string,
  limit: number,
  entries: readonly Entry[],
): Choice[] {
  if (source === 'skill')
    return skillChoices(
      entries.filter((e) => e.kind === 'skill'),
      typed,
      limit,
    );
  return timezoneChoices(typed, limit);
}
