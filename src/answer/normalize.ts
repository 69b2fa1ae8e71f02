/**
 * Text normalization shared by the index and the queries, so both sides agree on every term:
 * lower-case, punctuation and accents removed, tech spellings unified ("C#", "Node.js",
 * "n+1"), chat words dropped, and a light suffix stemmer ("commits", "committed" -> "commit").
 */
import { resolveAmbiguous, technicalReading } from './ambiguous.ts';
import { CONTROL, resolveCapitals, unifySpellings, withoutApostrophes } from './spellings.ts';

/** Words whose final "s" is no plural: HTTPS is not several HTTPs. */
const UNSTEMMED = new Set(['https']);

/**
 * Words that carry no topic: English function words plus the filler of team chat.
 * Domain-generic words ("backend", "learn") stay: the index weights them down by itself.
 */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any anyone anybody anything are aren as at
  be been before being below between both but by can cannot could couldn did didn do does doesn doing
  don done down during each even ever every few for from further get gets getting got gonna gotta had
  has hasn have haven having he hed hell her here hers herself hes him himself his how hows i id if
  ill im in into is isn it its itself ive just kinda kind let lets like ll me might mine more most
  much must my myself need needs no nor not now of off ok okay on once only or other our ours
  ourselves out over own please pls plz quick quickly re really s same shall she should shouldn so
  some someone something sort still such t than thank thanks that thats thx the their theirs them
  themselves then there theres these they theyre this those though through to too u ur under until
  up us ve very via wanna want wants was wasn way we were weren what whats when where
  wheres whether which while who whos whom why will with won would wouldn y ya yeah yes yet you
  youd youll your youre yours yourself yourselves hey hi hello guys folks team quick question
  q anyway basically honestly literally actually maybe probably sure lol haha ah oh um uh hmm btw
  imo tbh idk afaik pretty super stuff thing things tell explain know mean means say says said
  dont doesnt didnt cant wont isnt arent wasnt werent shouldnt wouldnt couldnt havent hasnt hadnt
  aint ive youve youd theyve weve
  think thought wondering wonder help thoughts idea ideas tips advice
  sorry ppl yrs yr rn tho imho fwiw ngl smh ty cheers obviously seriously totally completely
  objectively genuinely truly exactly certainly definitely absolutely somehow dumb silly stupid`.split(/\s+/),
);

/**
 * Everyday English words that may occur in the content but say nothing about a topic
 * ("put", "whole", "tomorrow"). They still match, but weigh little either way, so they neither
 * make an off-topic question look answerable nor drown a real one.
 */
const GENERIC_WORDS = new Set(
  `get make making made take taking took give giving gave put putting set see seeing seen saw look
  looking find finding found keep keeping let try trying tried use using used work working worked
  run running come coming came going goes went stop stopping send sending
  show showing call calling bring hit hitting happen happened happens feel feeling felt leave
  leaving left move moving turn turning change changing changed add adding added open opening
  good bad big small little new old real right fine whole great nice cool awesome ok sure weird
  lot lots bit bunch everyone everybody everything someone somebody nobody nothing else instead
  without never always sometimes often again already almost enough every far near next last one two
  three four five ten first second today tomorrow yesterday tonight morning evening night week weeks
  weekend month months year years day days hour hours minute minutes ago later soon now time times
  way ways thing people person place part kind type guy guys friend friends mom dad kid kids
  folks man woman world life home house room office anyone currently recently lately certain
  different important possible hard easy simple quick happy sad worried worry afraid glad other
  others another typical typically usual usually normal normally common commonly general generally item items worth best better pro pros con cons advantages disadvantages upside upsides downside
  downsides benefit benefits drawback drawbacks machine machines cover covers hand hands
  basic basics intro introduction overview fundamentals tutorial tutorials guide explained 101
  chat blog shop webshop ecommerce todo forum marketplace name names naming handle handling
  actual deal dealing show shows figure bother care difference differences vs compare comparison
  compared
  realistic realistically confused confusing scary avoid twice lose loses losing besides supposed
  forever useless hate hates love loves mention mentioned past complain complains seem seems accept
  less extra mostly honest sane saner myth modern opinion cleanest plenty annoying annoyed wherever
  painful anymore nightmare moment trust expensive cheap cheapest cheaper terrible awful ugly messy
  lazy entire recent apart explicit bigger smaller simplest smarter spent yay nay sooo ugh
  embarrassing embarrassed overwhelmed overwhelming realize realise trouble winner deep reason
  brain mind heart tiny huge massive insane crazy wild fun funny magic magical level levels
  scared worth meme memes total beginner beginners newbie newbies noob noobs`.split(/\s+/),
);

export function isGenericWord(word: string): boolean {
  // Numbers in chat are quantities ("10 million rows", "100k items"), not topics; HTTP status
  // codes ("404", "500s") are the exception.
  return (
    GENERIC_WORDS.has(word) ||
    GENERIC_STEMS.has(stem(word)) ||
    (/^\d+[kmx]?$/.test(word) && !/^[1-5]\d\d$/.test(word)) ||
    /^\d{1,2}(am|pm)$/.test(word)
  );
}

/** Lower-case, strip accents and control characters, unify special spellings. */
export function normalizeText(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(CONTROL, ' ');
  return withoutApostrophes(unifySpellings(` ${resolveCapitals(plain).toLowerCase()} `));
}

/** Split normalized text into raw words (letters and digits only). */
export function splitWords(normalized: string): string[] {
  return normalized.split(/[^a-z0-9]+/).filter((w) => w.length > 0 && w.length <= 40);
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

const VOWEL = /[aeiouy]/;

function undouble(word: string): string {
  const last = word.at(-1) ?? '';
  return word.length > 3 && last === word.at(-2) && !'lsz'.includes(last) ? word.slice(0, -1) : word;
}

/** The generic words' stems, so that every inflection ("shows", "handled") is generic too. */
const GENERIC_STEMS = new Set([...GENERIC_WORDS].map((word) => stem(word)));

/** A deliberately small stemmer: plurals, -ing, -ed, a trailing e or y. Same rules on both sides. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word) || UNSTEMMED.has(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}i`;
  else if (/(ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length >= 5 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
  // "query" and "queries" meet at "queri", "cookie" and "cookies" at "cooki".
  if (w.endsWith('y') && w.length > 3 && !VOWEL.test(w.at(-2) ?? '')) w = `${w.slice(0, -1)}i`;
  return w;
}

/** The word spelled out ("k8s" -> "kubernetes"); "constructor" is a word, not Object's own key. */
function spelledOut(slang: Readonly<Record<string, string>>, word: string): string {
  return Object.hasOwn(slang, word) ? (slang[word] ?? word) : word;
}

/**
 * The whole text as idioms see it: normalized, slang spelled out ("fe or be" -> "frontend or
 * backend"), every word kept, so that phrases with function words ("go back to") still match.
 * Takes normalizeText's output.
 */
export function idiomText(normalized: string, slang: Readonly<Record<string, string>>): string {
  const words = splitWords(normalized);
  return words.map((word, i) => technicalReading(words, i) ?? spelledOut(slang, word)).join(' ');
}

/** chatWords for text already through normalizeText. */
export function normalizedChatWords(normalized: string, slang: Readonly<Record<string, string>>): string[] {
  return resolveAmbiguous(splitWords(normalized))
    .map((w) => w.replace(/^([1-5]\d\d|[1-5]xx)s$/, '$1'))
    .flatMap((w) => spelledOut(slang, w).split(' '));
}

/** Words of a text after normalization, disambiguation and slang, before stop words and stemming. */
export function chatWords(text: string, slang: Readonly<Record<string, string>>): string[] {
  return normalizedChatWords(normalizeText(text), slang);
}
