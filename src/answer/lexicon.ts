/**
 * The lexicon: technical terms and technology names -> the topic word (anchor) they belong to.
 *
 * The content names each topic with a few dozen words; developers use hundreds ("div",
 * "recursion", "idor", "lost update", "CrashLoopBackOff"). A term found here is treated like a
 * name of its entry: it is trusted almost as much as a word the person typed (see query.ts) and,
 * unless it is also everyday English, it is a strong signal that the question is about that
 * topic however much chatter surrounds it. Off-topic cues (offtopic.ts) still veto it.
 *
 * Terms are matched as whole words or whole phrases, after the same normalization, slang and
 * stemming as everything else; a phrase wins over the words in it ("media query" is CSS, not
 * a database query).
 */
import { chatWords, isStopWord, stem } from './normalize.ts';
import { SLANG } from './synonyms.ts';
import { TECHNOLOGIES } from './technologies.ts';
import { TERMS } from './terms.ts';
import { CODE_TERMS } from './terms-code.ts';
import { SYNTAX_TERMS } from './terms-syntax.ts';
import { WORK_TERMS } from './terms-work.ts';

/** [anchor words (each names exactly one entry), terms separated by commas]. */
export type LexiconGroup = readonly [string, string];

export interface LexiconTerm {
  /** The term as listed, normalized ("media query"). */
  text: string;
  /** Its words, stemmed, stop words included: what a question must contain, in order. */
  stems: readonly string[];
  /** The index terms it points at. */
  anchors: readonly string[];
}

/** The stems of a text, stop words included, as the question side produces them. */
export function stemsOf(text: string): string[] {
  return chatWords(text, SLANG).map(stem);
}

function anchorTerms(anchors: string): string[] {
  return chatWords(anchors, SLANG)
    .filter((w) => !isStopWord(w))
    .map(stem);
}

/** Every term of every group, merged: a term listed under two anchors points at both. */
function buildTerms(groups: readonly LexiconGroup[]): Map<string, LexiconTerm> {
  const terms = new Map<string, LexiconTerm>();
  for (const [anchors, list] of groups) {
    const targets = anchorTerms(anchors);
    for (const raw of list.split(',')) {
      const stems = stemsOf(raw);
      if (stems.length === 0) continue;
      const key = stems.join(' ');
      const known = terms.get(key);
      const merged = [...new Set([...(known?.anchors ?? []), ...targets])];
      const text = known?.text ?? chatWords(raw, SLANG).join(' ');
      terms.set(key, { text, stems, anchors: merged });
    }
  }
  return terms;
}

export const LEXICON_GROUPS: readonly LexiconGroup[] = [
  ...TECHNOLOGIES,
  ...TERMS,
  ...WORK_TERMS,
  ...CODE_TERMS,
  ...SYNTAX_TERMS,
];

const ALL_TERMS = buildTerms(LEXICON_GROUPS);

/** Single-word terms by stem. */
const WORDS = new Map([...ALL_TERMS].filter(([, t]) => t.stems.length === 1));

/** Phrases by their first stem, longest first. */
const PHRASES: ReadonlyMap<string, readonly LexiconTerm[]> = (() => {
  const byFirst = new Map<string, LexiconTerm[]>();
  for (const term of ALL_TERMS.values()) {
    const first = term.stems[0];
    if (term.stems.length < 2 || first === undefined) continue;
    byFirst.set(first, [...(byFirst.get(first) ?? []), term]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return byFirst;
})();

/** The lexicon term for one word, if it is one. */
export function lexiconWord(word: string): LexiconTerm | undefined {
  return WORDS.get(stem(word));
}

/** Words the typo corrector may correct towards: the lexicon's single words. */
export function lexiconSpellings(): string[] {
  // Shorter words are too often a real English word one letter away ("profile", "profiler").
  return [...WORDS.values()].map((t) => t.text).filter((w) => /^[a-z]{8,}$/.test(w));
}

export interface PhraseHit {
  term: LexiconTerm;
  /** Index of its first word in the stems it was found in. */
  start: number;
  /** How many words it spans there, a filler word inside included. */
  span: number;
}

/**
 * Words that may stand inside a phrase without changing it: "first backend job" is a first
 * job, "merge the conflict" is not, so only these.
 */
const FILLERS = new Set(
  stemsOf('backend frontend developer real actual proper software tech programming coding web'),
);

/** The span of `phrase` at `start`, allowing one filler word inside it; 0 when it is not there. */
function spanAt(stems: readonly string[], start: number, phrase: readonly string[]): number {
  let skipped = 0;
  for (let i = 0; i < phrase.length; i++) {
    const at = stems[start + i + skipped];
    if (at === phrase[i]) continue;
    if (skipped > 0 || i === 0 || !FILLERS.has(at ?? '') || stems[start + i + 1] !== phrase[i]) return 0;
    skipped = 1;
  }
  return phrase.length + skipped;
}

/** The lexicon phrases in a question's stems (stop words included), longest first, none overlapping. */
export function findPhrases(stems: readonly string[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (let start = 0; start < stems.length; start++) {
    for (const term of PHRASES.get(stems[start] ?? '') ?? []) {
      const span = spanAt(stems, start, term.stems);
      if (span === 0) continue;
      hits.push({ term, start, span });
      start += span - 1;
      break;
    }
  }
  return hits;
}

/** Every term, for tests and tools. */
export function lexiconTerms(): LexiconTerm[] {
  return [...ALL_TERMS.values()];
}
