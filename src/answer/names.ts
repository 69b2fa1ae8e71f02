import type { Entry, EntryKind } from '../content/schema.ts';
import type { Query } from './query.ts';
import { indexTerms } from './vocabulary.ts';

function nameKey(text: string): string {
  return indexTerms(text).join(' ');
}

/**
 * Every way an entry is named (id, title, aliases), normalized, for `skill <name>`: "dbs",
 * "git" and "k8s" resolve to one entry before any question machinery runs.
 */
export class NameIndex {
  readonly #entries = new Map<string, Set<Entry>>();

  constructor(entries: readonly Entry[]) {
    for (const entry of entries) {
      for (const name of [entry.id.replace(/-/g, ' '), entry.title, ...entry.aliases]) this.#add(name, entry);
    }
  }

  #add(name: string, entry: Entry): void {
    const key = nameKey(name);
    if (!key) return;
    const set = this.#entries.get(key) ?? new Set<Entry>();
    set.add(entry);
    this.#entries.set(key, set);
  }

  /**
   * The one entry (of `kind`, when given) named by the text as written, or by the words the
   * person probably meant ("kubernets"); undefined when none or several are.
   */
  find(text: string, query: Query, kind?: EntryKind): Entry | undefined {
    const typed = query.words.filter((w) => !w.idiom).map((w) => [...w.terms.keys()][0] ?? w.word);
    for (const key of [nameKey(text), typed.join(' ')]) {
      const matches = [...(this.#entries.get(key) ?? [])].filter((e) => !kind || e.kind === kind);
      const [only] = matches;
      if (only && matches.length === 1) return only;
    }
    return undefined;
  }
}
