/**
 * From chat text to words: Unicode folding, lower case, then the content's chat language
 * (misspellings and slang, content/language/chat-language.yml) rewrites word sequences.
 * No vocabulary lives here: every word this module knows comes from the content.
 */
import type { ChatLanguage } from '../content/schema.ts';

export interface TextOptions {
  /** Rewrite slang ("k8s" → "kubernetes") before features are taken. */
  slang: boolean;
  /** Rewrite common misspellings ("databse" → "database"). */
  misspellings: boolean;
  /** Drop stop words from the word features. */
  stopwords: boolean;
  /** Drop stop words from the character features too. */
  stopwordChars: boolean;
}

// Letters and digits, keeping a trailing "+" or "#" so "c++" and "c#" stay themselves.
const WORD = /[\p{L}\p{N}]+[+#]*/gu;
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’‘`´]/g;

/** Lower-case words of `text`, accents folded, apostrophes joined ("don't" → "dont"). */
export function splitWords(text: string): string[] {
  return (
    text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(APOSTROPHES, '').match(WORD) ??
    []
  );
}

interface Rewrite {
  /** Longest source phrase, in words. */
  longest: number;
  map: Map<string, string[]>;
}

function buildRewrite(pairs: ReadonlyArray<readonly [string, string]>): Rewrite {
  const map = new Map<string, string[]>();
  let longest = 1;
  for (const [from, to] of pairs) {
    const source = splitWords(from);
    if (source.length === 0) continue;
    longest = Math.max(longest, source.length);
    map.set(source.join(' '), splitWords(to));
  }
  return { longest, map };
}

/** Replace the longest known phrase at each position; replacements are not rewritten again. */
function rewrite(words: string[], rules: Rewrite): string[] {
  if (rules.map.size === 0) return words;
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let n = Math.min(rules.longest, words.length - i); n >= 1 && matched === 0; n--) {
      const target = rules.map.get(words.slice(i, i + n).join(' '));
      if (target) {
        out.push(...target);
        matched = n;
      }
    }
    if (matched === 0) out.push(words[i] as string);
    i += Math.max(1, matched);
  }
  return out;
}

export interface ReadText {
  /** Every word, after rewriting: the character features see these. */
  words: string[];
  /** Words minus stop words: the word features see these. */
  content: string[];
}

export type TextReader = (text: string) => ReadText;

export function createTextReader(language: ChatLanguage, options: TextOptions): TextReader {
  const misspellings = buildRewrite(options.misspellings ? language.misspellings : []);
  const slang = buildRewrite(options.slang ? language.slang : []);
  const stopwords = new Set(options.stopwords ? language.stopwords.flatMap(splitWords) : []);
  return (text) => {
    const words = rewrite(rewrite(splitWords(text), misspellings), slang);
    const content = stopwords.size ? words.filter((w) => !stopwords.has(w)) : words;
    return { words: options.stopwordChars ? content : words, content };
  };
}
