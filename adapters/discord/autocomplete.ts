/** Autocomplete choices for slash-command options. Pure. */

/** A skill as the content describes it (a content `Entry` of kind `skill` fits). */
export interface SkillChoice {
  id: string;
  title: string;
  aliases?: readonly string[];
}

export interface Choice {
  name: string;
  value: string;
}

/** Discord shows at most 25 choices; names and values are at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_LENGTH = 100;

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9/+#]+/g, ' ')
    .trim();

function choice(name: string, value: string): Choice {
  return { name: name.slice(0, MAX_LENGTH), value: value.slice(0, MAX_LENGTH) };
}

/** Skills whose id, title or an alias contains what was typed; prefix matches first. */
export function skillChoices(skills: readonly SkillChoice[], typed: string): Choice[] {
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
  return scored.slice(0, MAX_CHOICES).map(({ skill }) => choice(skill.title, skill.id));
}

let zones: string[] | undefined;

/** IANA timezone names containing what was typed ("berl" → Europe/Berlin). */
export function timezoneChoices(typed: string): Choice[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  const q = typed.trim().toLowerCase().replace(/\s+/g, '_');
  return zones
    .filter((z) => z.toLowerCase().includes(q))
    .slice(0, MAX_CHOICES)
    .map((z) => choice(z, z));
}
