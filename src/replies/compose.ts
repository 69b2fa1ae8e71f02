/**
 * The short answer to a question: the passage or passages of the chosen entry that answer it
 * (at most about 600 characters), the guide they come from, a "Full guide" button and the
 * related entries. The whole entry stays one click (or `skill <name>`) away. Pure.
 */
import type { ScoredEntry } from '../answer/types.ts';
import type { Content } from '../content/load.ts';
import type { BotEntry, Entry } from '../content/schema.ts';
import { cutAtSentence } from '../text.ts';
import { ACTIONS, type Reply, type ReplyButton } from '../types.ts';
import type { Passage } from './passages.ts';
import type { PassageHit, PassageIndex } from './search.ts';
import { fillHint } from './slots.ts';
import { cutForQuestion } from './snippet.ts';
import { processedTerms } from './terms.ts';

/** What the lead passages may take together: a chat-sized answer. */
export const PASSAGE_BUDGET = 600;
/**
 * A later passage joins the best one when it scores at least this share of it: bag-of-words
 * ranking often puts the passage that answers second or third, so the reader gets those too.
 */
const RUNNER_UP_SHARE = 0.2;
/** A later passage shows its opening only (its label and first sentence, as a rule)... */
const RUNNER_UP_ROOM = 180;
/** ...and the best one keeps at least this much. */
const LEAD_ROOM = 200;
const MAX_PASSAGES = 3;

/** How a reply that is not sure what was meant starts, and how it offers the other readings. */
export const NOT_SURE = "I'm not sure I understood.";
export const DID_YOU_MEAN = 'Did you mean one of these?';

/** A guess, hedged: "not sure, but if you mean X..., or did you mean one of these?" */
const hedged = (guess: string) =>
  `${NOT_SURE} ${guess}\n\nOr ${DID_YOU_MEAN.charAt(0).toLowerCase()}${DID_YOU_MEAN.slice(1)}`;

export function fullGuideLabel(entry: Entry): string {
  return `Full guide: ${entry.title}`;
}

/** The button that opens one entry (or a reply about the bot) in full. */
export function entryButton(entry: Entry | BotEntry, label = entry.title): ReplyButton {
  return { label, actionId: ACTIONS.entry, value: entry.id };
}

function entryButtons(entry: Entry, content: Content): ReplyButton[] {
  const related = entry.related.map((id) => content.entry(id)).filter((e): e is Entry => e !== undefined);
  // Each platform keeps one row's worth of these (buttonsInOneRow): the first matter most.
  return [entryButton(entry, fullGuideLabel(entry)), ...related.map((e) => entryButton(e))];
}

/** Whether one passage repeats the other (an introduction carries the bullets of its list). */
function repeats(a: Passage, b: Passage): boolean {
  return a.text.includes(b.text) || b.text.includes(a.text);
}

/** How many passages `budget` characters hold: the best one in full, the rest by their openings. */
const passagesIn = (budget: number) =>
  Math.min(MAX_PASSAGES, 1 + Math.max(0, Math.floor((budget - LEAD_ROOM) / RUNNER_UP_ROOM)));

/**
 * The best passage, then the next ones that score close enough and say something else, as many
 * as `budget` holds: when the ranking is unsure, the reader gets the likely answers rather than
 * a coin toss.
 */
export function choosePassages(hits: PassageHit[], budget = PASSAGE_BUDGET): Passage[] {
  const [best] = hits;
  if (!best) return [];
  const chosen: Passage[] = [];
  for (const hit of hits) {
    if (chosen.length >= passagesIn(budget) || hit.score < best.score * RUNNER_UP_SHARE) break;
    if (!chosen.some((c) => repeats(c, hit.passage))) chosen.push(hit.passage);
  }
  return chosen;
}

function tipLine(passage: Passage): string {
  return passage.tipTitle ? `**Tip: ${passage.tipTitle}.** ${passage.text}` : passage.text;
}

/**
 * One passage reads as a paragraph; several as a list, the best one first and fullest, the others
 * by their openings. Long ones keep their opening and the sentences holding the question's words
 * (`asked`, see snippet.ts).
 */
function passageMarkdown(passages: Passage[], asked: ReadonlySet<string>, budget = PASSAGE_BUDGET): string {
  const [lead, ...others] = passages;
  if (!lead) return '';
  const cut = (p: Passage, room: number) => cutForQuestion(tipLine(p), room, asked);
  const leadRoom = Math.max(LEAD_ROOM, budget - RUNNER_UP_ROOM * others.length);
  if (others.length === 0) return cut(lead, leadRoom);
  const items = [cut(lead, leadRoom), ...others.map((p) => cut(p, RUNNER_UP_ROOM))];
  // A passage's own lines (the list an introduction carries) nest under its item.
  return items.map((text) => `- ${text.replace(/\n/g, '\n  ')}`).join('\n');
}

/** The question's terms as passage search reads them (slang and misspellings rewritten). */
const askedIn = (question: string, index: PassageIndex) => new Set(index.termsOf(question));

/**
 * A career answer's summary is the direct answer to the question its entry is named after; a
 * passage joins it only when it speaks to something the summary leaves out ("how do I negotiate").
 */
function careerLead(
  question: string,
  entry: Entry,
  index: PassageIndex,
): { lead: string; passages: Passage[] } {
  const summary = cutAtSentence(entry.summary, PASSAGE_BUDGET);
  const said = new Set(processedTerms(summary));
  const beyond = index.search(question, entry.id).filter((hit) => hit.terms.some((t) => !said.has(t)));
  const room = PASSAGE_BUDGET - summary.length;
  const passages = room >= LEAD_ROOM ? choosePassages(beyond, room) : [];
  return {
    lead:
      passages.length > 0
        ? `${summary}\n\n${passageMarkdown(passages, askedIn(question, index), room)}`
        : summary,
    passages,
  };
}

function skillLead(
  question: string,
  entry: Entry,
  index: PassageIndex,
): { lead: string; passages: Passage[] } {
  const passages = choosePassages(index.search(question, entry.id));
  const lead =
    passages.length > 0
      ? passageMarkdown(passages, askedIn(question, index))
      : cutAtSentence(entry.summary, PASSAGE_BUDGET);
  return { lead, passages };
}

function sourceLine(entry: Entry, passages: Passage[]): string {
  const headings = [...new Set(passages.filter((p) => !p.tipTitle && p.heading).map((p) => p.heading))];
  const kind = entry.kind === 'skill' ? 'guide' : 'answer';
  const where = headings.length > 0 ? ` (${headings.join(', ')})` : '';
  return `_From the ${entry.title} ${kind}${where}._`;
}

/** The short reply that answers `question` from `entry`. */
export function briefReply(question: string, entry: Entry, content: Content, index: PassageIndex): Reply {
  const { lead, passages } =
    entry.kind === 'faq' ? careerLead(question, entry, index) : skillLead(question, entry, index);
  return {
    title: entry.title,
    answersFrom: entry.id,
    text: `${lead}\n\n${sourceLine(entry, passages)}`,
    buttons: entryButtons(entry, content),
    buttonsInOneRow: true,
    visibility: 'public',
    shareable: true,
  };
}

/**
 * When the classifier is unsure which entry a question is about, a passage may still answer it
 * plainly ("what does 429 mean": the bullet labelled 429): then the short answer from its entry
 * beats a "did you mean". Not when the likeliest reading is about the bot itself ("how do I
 * change my time zone" is not a question about time-boxing). Undefined when no passage is that clear.
 */
export function plainAnswerReply(
  question: string,
  likeliest: Entry | BotEntry | undefined,
  content: Content,
  index: PassageIndex,
): Reply | undefined {
  if (likeliest?.kind === 'bot') return undefined;
  const hit = index.plainAnswer(question);
  const entry = hit ? content.entry(hit.passage.entryId) : undefined;
  if (!entry || (entry.kind !== 'skill' && entry.kind !== 'faq')) return undefined;
  return briefReply(question, entry, content, index);
}

/**
 * When the classifier is unsure and no passage answers plainly, the likeliest entry's passages
 * for the question (as a brief answer would choose them), offered as a guess with the other
 * readings as buttons: "not sure, but if you mean X..." is what a colleague would say. It is not
 * an answer (`answersFrom` stays unset). Undefined when the likeliest reading is not knowledge or
 * its passages are a weak lead (PassageIndex.guess).
 */
export function guessReply(
  question: string,
  suggestions: readonly ScoredEntry[],
  content: Content,
  index: PassageIndex,
): Reply | undefined {
  const first = suggestions[0];
  if (!first || first.entry.kind === 'bot') return undefined;
  let guessed: Entry | undefined = first.entry;
  let passages = choosePassages(index.guess(question, first.entry.id, first.score));
  if (passages.length === 0) {
    guessed = content.entry(index.namedIn(question) ?? '');
    passages = guessed ? choosePassages(index.search(question, guessed.id)) : [];
  }
  if (!guessed || passages.length === 0) return undefined;
  const others = suggestions.filter((s) => s.entry.id !== guessed.id).map((s) => entryButton(s.entry));
  return {
    text: hedged(
      `If you're asking about **${guessed.title}**:\n\n${passageMarkdown(passages, askedIn(question, index))}`,
    ),
    buttons: [entryButton(guessed, fullGuideLabel(guessed)), ...others],
    buttonsInOneRow: true,
    visibility: 'public',
  };
}

/** A reading about the bot itself this likely is worth a hedged guess. */
const BOT_GUESS_SCORE = 0.3;

/**
 * When the likeliest reading is a reply about the bot itself but not clear enough to give (or
 * one that acts, like checking in), that reply's text as a guess: an entry that acts says which
 * command does it, so nothing is counted on a guess. Undefined below BOT_GUESS_SCORE.
 */
export function botGuessReply(question: string, suggestions: readonly ScoredEntry[]): Reply | undefined {
  const [first, ...others] = suggestions;
  if (first?.entry.kind !== 'bot' || first.score < BOT_GUESS_SCORE) return undefined;
  const hint = fillHint(first.entry.hint, question);
  const guess = `If you mean **${first.entry.title}**: ${first.entry.body}`;
  return {
    text: hedged(hint ? `${guess}\n\n${hint}` : guess),
    buttons: others.map((s) => entryButton(s.entry)),
    buttonsInOneRow: true,
    visibility: 'public',
  };
}

/** How far ahead of the likeliest knowledge entry a reply about the bot must be to be given unasked. */
const BOT_LEAD = 4;

/** Whether the question uses a word of the bot reply's own (its title, examples or text). */
function sharesAWord(question: string, entry: BotEntry): boolean {
  const asked = processedTerms(question);
  if (asked.length === 0) return true;
  const own = new Set(processedTerms([entry.title, ...entry.questions, entry.body].join(' ')));
  return asked.some((term) => own.has(term));
}

/**
 * When the classifier is unsure but the likeliest reading is a reply about the bot itself that
 * does nothing (no check-in), and the runner-up is another such reply or far behind, that reply
 * is the answer: "what exactly are you" between "who I am" and "what I can do" deserves either
 * rather than a "did you mean". Not when the question's words are foreign to that reply: "what is
 * a closure" leans to "who I am" only because both start "what is". Undefined otherwise.
 */
export function plainBotEntry(question: string, suggestions: readonly ScoredEntry[]): BotEntry | undefined {
  const [first, second] = suggestions;
  if (first?.entry.kind !== 'bot' || first.entry.action) return undefined;
  if (second && second.entry.kind !== 'bot' && first.score < BOT_LEAD * second.score) return undefined;
  return sharesAWord(question, first.entry) ? first.entry : undefined;
}
