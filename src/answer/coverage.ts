import type { Query, QueryWord } from './query.ts';
import { TRUST } from './query.ts';
import { type EntryTerms, phraseTerms, type Vocabulary } from './vocabulary.ts';

/** Named by its own short title ("Security", "Databases"): as specific as a word can be. */
const TITLE_NAME = Number.MAX_SAFE_INTEGER;

export interface Coverage {
  /** Share (0..1) of the question's weight the entry explains. */
  coverage: number;
  /** The weight explained by topic words (everyday words left out). */
  evidence: number;
  /** Weight of the most informative word that names the entry outright (title or alias). */
  named: number;
  /** The same by the word's own weight, title words included, everyday words ("spring") left out. */
  strongest: number;
  /** How many distinct words of the question name the entry that specifically. */
  strongWords: number;
  /** The same with the idioms that name it ("how much do they make"): for ranking, not for vetoes. */
  namingWords: number;
}

/** A word naming an entry that weighs this much is a specific name, not an everyday word. */
export const STRONG_WEIGHT = 1.2;

/**
 * An entry's own short title ("APIs", "Databases") names it specifically even when the word
 * occurs in several entries, as long as it is not one of the field's everyday words ("backend").
 */
const TITLE_WORD_WEIGHT = 0.9;

/** How one word of the question relates to one entry. */
interface WordMatch {
  /** Share (0..1) of the word the entry explains. */
  explained: number;
  /** The word names the entry: TITLE_NAME for a title word, else the word's weight; 0 if not. */
  named: number;
  /** How specifically it names it (0 for everyday words). */
  specific: number;
  /** The same for an everyday word ("express", "queue"), which names the entry only in company. */
  everyday: number;
  /** It belongs to one of the entry's multi-word names found whole in the question. */
  inPhrase: boolean;
}

interface EntryView {
  terms: EntryTerms | undefined;
  phrases: ReadonlySet<string>;
  title: ReadonlySet<string> | undefined;
  names: ReadonlySet<string> | undefined;
}

function strengthOf(view: EntryView, term: string): number {
  return view.phrases.has(term) ? 1 : (view.terms?.strength(term) ?? 0);
}

/**
 * An idiom stands for all of its topic words together ("best language"): an entry explains it
 * as far as it has all of them, so "language" alone does not make the languages skill the
 * answer to "which language is best".
 */
function matchIdiom(word: QueryWord, view: EntryView): WordMatch {
  const terms = [...word.terms.keys()];
  const mean = terms.reduce((sum, term) => sum + strengthOf(view, term), 0) / Math.max(1, terms.length);
  const trust = Math.max(0, ...word.terms.values());
  // Named when every topic word is one of the entry's names or part of one.
  const names = terms.every((term) => view.names?.has(term)) && trust >= TRUST.corrected;
  return {
    explained: trust * mean,
    named: names ? word.weight : 0,
    specific: names ? word.weight : 0,
    everyday: 0,
    inPhrase: false,
  };
}

function matchWord(word: QueryWord, view: EntryView): WordMatch {
  if (word.idiom) return matchIdiom(word, view);
  const match: WordMatch = { explained: 0, named: 0, specific: 0, everyday: 0, inPhrase: false };
  for (const [term, trust] of word.terms) {
    const inPhrase = view.phrases.has(term);
    if (inPhrase && trust >= TRUST.corrected && !word.generic) match.inPhrase = true;
    const strength = strengthOf(view, term);
    match.explained = Math.max(match.explained, trust * strength);
    if (strength < 1 || word.generic) continue;
    // An everyday word bridged to a name ("nest" -> NestJS) counts only in company (inCompany).
    if (word.everyday) match.everyday = Math.max(match.everyday, word.weight);
    if (trust < TRUST.corrected) continue;
    const isTitle = view.title?.has(term) ?? false;
    match.named = Math.max(match.named, isTitle ? TITLE_NAME : word.weight);
    const specific =
      isTitle && word.weight >= TITLE_WORD_WEIGHT ? Math.max(word.weight, STRONG_WEIGHT) : word.weight;
    if (!word.everyday) match.specific = Math.max(match.specific, specific);
  }
  return match;
}

/** Names found for one entry, word by word: how many, how specific, in what company. */
interface Naming {
  named: number;
  strongest: number;
  strongWords: number;
  /** Idioms of the question that name the entry specifically. */
  idioms: number;
  /** A multi-word name found whole ("soft skills", "merge conflict"): its words' weight. */
  phrase: number;
  /** The naming weights of everyday words ("express", "queue"). */
  everyday: number[];
  /** How many words on the sides of an "or" / "vs" name the entry. */
  compared: number;
}

function addNaming(naming: Naming, word: QueryWord, match: WordMatch): void {
  naming.named = Math.max(naming.named, match.named);
  naming.strongest = Math.max(naming.strongest, match.specific);
  // Idioms are phrasing, not technical terms: they do not outvote an off-topic cue.
  if (word.idiom) {
    if (match.specific >= STRONG_WEIGHT) naming.idioms++;
    return;
  }
  if (match.specific >= STRONG_WEIGHT) naming.strongWords++;
  if (match.inPhrase) naming.phrase += word.weight;
  if (match.everyday > 0) naming.everyday.push(match.everyday);
  if (word.compared && (match.named > 0 || match.everyday > 0)) naming.compared++;
}

/**
 * Names that vouch for each other: two everyday names of one entry ("spring and hibernate") are
 * as specific as a technical term, and so is weighing two of its names against each other
 * ("django or fastapi", "nest vs plain express"), which also counts as one more naming word.
 * Both count in the ranking only: "the express train or the rails pass for the trip" still
 * loses to its off-topic cues, as everyday words should.
 */
function inCompany(naming: Naming): { strongest: number; strongWords: number; namingWords: number } {
  let { strongest } = naming;
  let namingWords = naming.strongWords + naming.idioms;
  if (naming.everyday.length >= 2) {
    strongest = Math.max(strongest, STRONG_WEIGHT, ...naming.everyday);
    namingWords += naming.everyday.length;
  }
  if (naming.compared >= 2) {
    strongest = Math.max(strongest, STRONG_WEIGHT);
    namingWords++;
  }
  return { strongest: Math.max(strongest, naming.phrase), strongWords: naming.strongWords, namingWords };
}

/** How well one entry explains the question, word by word. */
export function coverageOf({ words, sequence }: Query, entryId: string, vocabulary: Vocabulary): Coverage {
  const view: EntryView = {
    terms: vocabulary.terms.get(entryId),
    phrases: phraseTerms(vocabulary, entryId, sequence),
    title: vocabulary.titleTerms.get(entryId),
    names: vocabulary.nameTerms.get(entryId),
  };
  let total = 0;
  let explained = 0;
  let evidence = 0;
  const naming: Naming = {
    named: 0,
    strongest: 0,
    strongWords: 0,
    idioms: 0,
    phrase: 0,
    everyday: [],
    compared: 0,
  };
  for (const word of words) {
    const match = matchWord(word, view);
    total += word.weight;
    explained += word.weight * match.explained;
    if (!word.generic) evidence += word.weight * match.explained;
    addNaming(naming, word, match);
  }
  return {
    coverage: total > 0 ? explained / total : 0,
    evidence,
    named: Math.max(naming.named, naming.phrase),
    ...inCompany(naming),
  };
}
