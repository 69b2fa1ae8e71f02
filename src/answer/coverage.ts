import type { Query } from './query.ts';
import { TRUST } from './query.ts';
import { phraseTerms, termStrength, type Vocabulary } from './vocabulary.ts';

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
}

/** How well one entry explains the question, word by word. */
export function coverageOf({ words, sequence }: Query, entryId: string, vocabulary: Vocabulary): Coverage {
  const phrases = phraseTerms(vocabulary, entryId, sequence);
  const title = vocabulary.titleTerms.get(entryId);
  let total = 0;
  let explained = 0;
  let evidence = 0;
  let named = 0;
  let strongest = 0;
  // A multi-word name found whole ("soft skills", "merge conflict") is as specific as its words together.
  let phrase = 0;
  for (const word of words) {
    total += word.weight;
    let best = 0;
    let partOfPhrase = false;
    for (const [term, trust] of word.terms) {
      const inPhrase = phrases.has(term);
      if (inPhrase && trust >= TRUST.corrected && !word.generic) partOfPhrase = true;
      const strength = inPhrase ? 1 : termStrength(vocabulary, entryId, term);
      best = Math.max(best, trust * strength);
      if (strength >= 1 && trust >= TRUST.corrected && !word.generic) {
        named = Math.max(named, title?.has(term) ? TITLE_NAME : word.weight);
        if (!word.everyday) strongest = Math.max(strongest, word.weight);
      }
    }
    if (partOfPhrase) phrase += word.weight;
    explained += word.weight * best;
    if (!word.generic) evidence += word.weight * best;
  }
  return {
    coverage: total > 0 ? explained / total : 0,
    evidence,
    named: Math.max(named, phrase),
    strongest: Math.max(strongest, phrase),
  };
}
