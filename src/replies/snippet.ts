/**
 * Cutting a passage to fit a reply, the way a search engine cuts a snippet: the opening sentence
 * (it says what the passage is about), then the sentences that speak to the question, in their
 * order, with "…" where some were left out. "big O of sorting" keeps the sentence of a long bullet
 * that gives O(n log n), not only its first 180 characters. Pure.
 */
import { cutAtSentence } from '../text.ts';
import { processedTerms } from './terms.ts';

const GAP = ' … ';

/** Sentence ends: a full stop, question or exclamation mark, then a space and a capital or code. */
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z`*"(])/;

function sentencesOf(text: string): string[] {
  return text.split(SENTENCE_END).filter((s) => s.trim() !== '');
}

function matches(sentence: string, asked: ReadonlySet<string>): number {
  return new Set(processedTerms(sentence).filter((t) => asked.has(t))).size;
}

/** Which sentences to keep: the first, then the best matching ones that still fit `max`. */
function keptSentences(sentences: string[], asked: ReadonlySet<string>, max: number): Set<number> {
  const kept = new Set([0]);
  let length = sentences[0]?.length ?? 0;
  const ranked = sentences
    .map((sentence, at) => ({ at, score: matches(sentence, asked), size: sentence.length }))
    .filter(({ at, score }) => at > 0 && score > 0)
    .sort((a, b) => b.score - a.score || a.at - b.at);
  for (const { at, size } of ranked) {
    if (length + GAP.length + size > max) continue;
    kept.add(at);
    length += GAP.length + size;
  }
  return kept;
}

/**
 * `text` cut to `max` characters, keeping the sentences that hold the question's terms (`asked`,
 * as processedTerms reads them). Falls back to a plain cut at a sentence when the opening alone
 * does not fit, when no later sentence matches, or for a passage with lines of its own (a list).
 */
export function cutForQuestion(text: string, max: number, asked: ReadonlySet<string>): string {
  if (text.length <= max) return text;
  const sentences = sentencesOf(text);
  const first = sentences[0] ?? '';
  if (text.includes('\n') || first.length > max || asked.size === 0) return cutAtSentence(text, max);
  const kept = keptSentences(sentences, asked, max - GAP.length);
  if (kept.size === 1) return cutAtSentence(text, max);
  const parts: string[] = [];
  sentences.forEach((sentence, at) => {
    if (!kept.has(at)) return;
    if (parts.length > 0 && !kept.has(at - 1)) parts.push('…');
    parts.push(sentence);
  });
  const tail = kept.has(sentences.length - 1) ? '' : ' …';
  return `${parts.join(' ')}${tail}`;
}
