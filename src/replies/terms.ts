/**
 * How questions and passages become search terms: MiniSearch's tokenizer, no filler words, and
 * a light plural fold. Pure.
 */
import MiniSearch from 'minisearch';

/**
 * Words that carry no topic. BM25 already discounts common words, but in a question they would
 * still pull passages that happen to say "what" or "does" towards the top. Not "get": it is an
 * HTTP method and a command ("GET vs POST", `git fetch` vs `git pull`, Redis GET).
 */
const FILLER = new Set(
  (
    'a an the and or but not no of to in on at by for with from into about as is are was were be been ' +
    'being am do does did doing have has had i me my we our you your it its this that these those there ' +
    'what whats which who whom whose why how when where can could should would will shall may might must ' +
    'vs versus v difference between mean means meaning explain tell please pls plz stand stands ' +
    'example examples really just like so if then than also any some more most very much got use ' +
    'using used one thing things way ways work works something anyone someone need want know ' +
    // Chat noise: interjections and hedges that never name a topic ("wtf is sharding").
    'wtf lol lmao ugh hmm ok okay yeah yo hey hi hello guys basically actually literally honestly quick'
  ).split(/\s+/),
);

/**
 * Lower case, no filler, and a light plural fold so "indexes" finds "index", "queues" "queue"
 * and "cookies" "cookie" ("-ies" and "-ie" both end up as "-y": "tries" and "trie" meet too).
 */
export function processTerm(term: string): string | null {
  // Code in the content is written `like this`: the backticks are not part of the term.
  const word = term.toLowerCase().replace(/^`+|`+$/g, '');
  if (word.length < 2 || FILLER.has(word)) return null;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('ie')) return `${word.slice(0, -2)}y`;
  if (word.length > 4 && /(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

export function processedTerms(text: string): string[] {
  return tokenize(text)
    .map(processTerm)
    .filter((t): t is string => typeof t === 'string' && t.length > 0);
}
