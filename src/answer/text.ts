/**
 * From chat text to words: Unicode folding, lower case, then the content's chat language
 * (slang and misspellings, content/language/chat-language.yml) rewrites word sequences.
 * No vocabulary lives here: every word this module knows comes from the content.
 */
import type { ChatLanguage } from '../content/schema.ts';

export interface TextOptions {
  /** Rewrite slang ("k8s" → "kubernetes") before features are taken. */
  slang: boolean;
  /**
   * Rewrite common misspellings ("databse" → "database"). The answering model leaves this off (no
   * gain: character n-grams match typos); passage search (src/replies) uses it.
   */
  misspellings: boolean;
}

// Letters and digits, keeping a trailing "+" or "#" so "c++" and "c#" stay themselves.
const WORD = /[\p{L}\p{N}]+[+#]*/gu;
// The same for plain ASCII text (most chat): the Unicode classes cost several times more.
const ASCII_WORD = /[a-z0-9]+[+#]*/g;
const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’‘`´]/g;

/** Lower-case words of `text`, accents folded, apostrophes joined ("don't" → "dont"). */
export function splitWords(text: string): string[] {
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(APOSTROPHES, '').match(ASCII_WORD) ?? [];
  return (
    text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(APOSTROPHES, '').match(WORD) ??
    []
  );
}

interface Rewrite {
  map: Map<string, string[]>;
  /** Every proper prefix of a phrase longer than one word: a longer match is tried only along these. */
  prefixes: Set<string>;
}

function buildRewrite(pairs: ReadonlyArray<readonly [string, string]>): Rewrite {
  const map = new Map<string, string[]>();
  const prefixes = new Set<string>();
  for (const [from, to] of pairs) {
    const source = splitWords(from);
    if (source.length === 0) continue;
    for (let n = 1; n < source.length; n++) prefixes.add(source.slice(0, n).join(' '));
    map.set(source.join(' '), splitWords(to));
  }
  return { map, prefixes };
}

/** How many words the longest known phrase at `start` spans (0 for none), and its replacement. */
function longestMatch(
  words: readonly string[],
  start: number,
  rules: Rewrite,
): [number, string[] | undefined] {
  let key = words[start] as string;
  let best: [number, string[] | undefined] = [0, rules.map.get(key)];
  if (best[1]) best[0] = 1;
  for (let end = start + 1; end < words.length && rules.prefixes.has(key); end++) {
    key = `${key} ${words[end]}`;
    const target = rules.map.get(key);
    if (target) best = [end - start + 1, target];
  }
  return best;
}

/** Replace the longest known phrase at each position; replacements are not rewritten again. */
function rewrite(words: string[], rules: Rewrite): string[] {
  if (rules.map.size === 0) return words;
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    const [matched, target] = longestMatch(words, i, rules);
    if (target) out.push(...target);
    else out.push(words[i] as string);
    i += Math.max(1, matched);
  }
  return out;
}

/** Text as the model reads it: words after rewriting, in order. */
export type TextReader = (text: string) => string[];

export function createTextReader(language: ChatLanguage, options: TextOptions): TextReader {
  const misspellings = buildRewrite(options.misspellings ? language.misspellings : []);
  const slang = buildRewrite(options.slang ? language.slang : []);
  return (text) => rewrite(rewrite(splitWords(text), misspellings), slang);
}
