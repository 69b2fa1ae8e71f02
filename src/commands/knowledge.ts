/**
 * The knowledge commands: `list`, `skill <name>`, `ask <question>`, plain questions, and the
 * button that opens one entry. Knowledge replies are public (adapters may still keep them
 * private where the platform needs that); only a dead button gets a private reply.
 */
import type { AnswerResult, ScoredEntry } from '../answer/types.ts';
import type { Content } from '../content/load.ts';
import type { BotAction, BotEntry, Entry } from '../content/schema.ts';
import type { ActionModule, CoreDeps } from '../core.ts';
import {
  botGuessReply,
  briefReply,
  DID_YOU_MEAN,
  entryButton,
  guessReply,
  NOT_SURE,
  plainAnswerReply,
  plainBotEntry,
} from '../replies/compose.ts';
import { passageIndexFor } from '../replies/search.ts';
import { fillHint } from '../replies/slots.ts';
import { done, streak } from '../streaks/commands.ts';
import { quoteUserText } from '../text.ts';
import { tipCommand } from '../tips/commands.ts';
import { ACTIONS, type Incoming, type Reply } from '../types.ts';
import { arg, type Command, defineCommand } from './registry.ts';

/** A few next steps, not a table of contents; each platform's button capabilities apply on top. */
const MAX_BUTTONS = 5;
const MAX_SUGGESTIONS = 3;

const CAN_HELP_WITH =
  'I can explain backend skills such as databases, APIs, Git, deployment and security, and answer ' +
  'career questions like how to get started or what the job pays. Type `list` to see every skill, ' +
  'or `help` for all commands.';

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text.trim());
  return match?.[1] ?? text.trim();
}

/**
 * A reply about the bot itself: its body, as written in content/bot/, after its hint when the
 * message names what the hint needs ("i'm in tokyo": the exact `timezone` command).
 */
function botReply(entry: BotEntry, question = ''): Reply {
  return { text: leadWithHint(entry, question, entry.body), visibility: 'public' };
}

/** The hint is the direct answer ("type `timezone Asia/Tokyo`"): when the message fills it, it leads. */
function leadWithHint(entry: BotEntry, question: string, text: string): string {
  const hint = fillHint(entry.hint, question);
  return hint ? `${hint}\n\n${text}` : text;
}

/** One entry in depth (`skill <name>`, the Full guide button): its whole body and its related entries as buttons. */
export function entryReply(entry: Entry | BotEntry, content: Content): Reply {
  if (entry.kind === 'bot') return botReply(entry);
  const related = entry.related
    .map((id) => content.entry(id))
    .filter((e): e is Entry => e !== undefined)
    .slice(0, MAX_BUTTONS);
  return {
    title: entry.title,
    text: entry.body,
    buttons: related.length > 0 ? related.map((e) => entryButton(e)) : undefined,
    visibility: 'public',
    shareable: true,
  };
}

function listReply(content: Content, intro?: string): Reply {
  const skills = content.entries.filter((e) => e.kind === 'skill');
  const career = content.entries.filter((e) => e.kind === 'faq');
  const hint =
    'Type `skill <name>` for one skill in depth (e.g. `skill databases`), or just ask me a question, ' +
    'including the career questions below.';
  return {
    title: 'Backend skills and career questions I can explain',
    text: intro ? `${intro}\n\n${hint}` : hint,
    bullets: [
      ...skills.map((s) => `**${s.title}**: ${firstSentence(s.summary)}`),
      ...career.map((e) => `**Career:** ${e.title}`),
    ],
    visibility: 'public',
  };
}

function suggestionReply(text: string, suggestions: ScoredEntry[]): Reply {
  return {
    text,
    buttons: suggestions.slice(0, MAX_SUGGESTIONS).map((s) => entryButton(s.entry)),
    visibility: 'public',
  };
}

/** The reply to a free-text question, by the answerer's tier. */
export function answerReply(question: string, result: AnswerResult, content: Content): Reply {
  if (result.tier === 'confident' && result.best) {
    if (result.best.entry.kind === 'bot') return botReply(result.best.entry, question);
    return briefReply(question, result.best.entry, content, passageIndexFor(content));
  }
  if (result.tier === 'unsure' && result.suggestions.length > 0) {
    const aboutBot = plainBotEntry(question, result.suggestions);
    if (aboutBot) return botReply(aboutBot, question);
    const likeliest = result.suggestions[0]?.entry;
    const plain = plainAnswerReply(question, likeliest, content, passageIndexFor(content));
    if (plain) return plain;
    const guess = guessReply(question, result.suggestions, content, passageIndexFor(content));
    if (guess) return guess;
    const botGuess = botGuessReply(question, result.suggestions);
    if (botGuess) return botGuess;
    return suggestionReply(`${NOT_SURE} ${DID_YOU_MEAN}`, result.suggestions);
  }
  // The classifier knows entries by their example questions; a term only a bullet defines
  // ("what is the WAL") can still have a passage that plainly answers it.
  const plain = plainAnswerReply(question, undefined, content, passageIndexFor(content));
  if (plain) return plain;
  return {
    text: `Sorry, “${quoteUserText(question)}” is outside what I know. ${CAN_HELP_WITH}`,
    visibility: 'public',
  };
}

/** What a bot entry's `action` does: the command the message plainly asks for. */
const BOT_ACTIONS: Record<
  BotAction,
  (msg: Incoming, args: unknown, deps: CoreDeps) => Reply | Promise<Reply>
> = {
  checkin: done,
  streak,
  tip: tipCommand,
};

/**
 * A free-text question: everything the parser does not read as a command. The model decides
 * between knowledge, a reply about the bot itself (which may act, e.g. check the member in) and
 * an honest refusal.
 */
export function question(msg: Incoming, args: string, deps: CoreDeps): Reply | Promise<Reply> {
  if (args.trim() === '') {
    return { text: `Ask me anything about backend development. ${CAN_HELP_WITH}`, visibility: 'public' };
  }
  const result = deps.answerer.answer(args);
  const best = result.tier === 'confident' ? result.best?.entry : undefined;
  if (best?.kind === 'bot' && best.action)
    return withHint(best, args, BOT_ACTIONS[best.action](msg, {}, deps));
  return answerReply(args, result, deps.content);
}

/** An acting reply about the bot leads with its hint too, when the message fills it. */
async function withHint(entry: BotEntry, question: string, reply: Reply | Promise<Reply>): Promise<Reply> {
  const done = await reply;
  return { ...done, text: leadWithHint(entry, question, done.text) };
}

function skill(_msg: Incoming, args: string, deps: CoreDeps): Reply {
  const asSkill = deps.answerer.lookup(args, 'skill');
  if (asSkill.tier === 'confident' && asSkill.best) return entryReply(asSkill.best.entry, deps.content);
  // "skill salary" names an FAQ entry rather than a skill; show it rather than refuse.
  const anyKind = deps.answerer.lookup(args);
  if (anyKind.tier === 'confident' && anyKind.best) return entryReply(anyKind.best.entry, deps.content);
  const quoted = quoteUserText(args);
  const suggestions = asSkill.suggestions.length > 0 ? asSkill.suggestions : anyKind.suggestions;
  if (suggestions.length > 0) {
    return suggestionReply(
      `I don't know a skill called “${quoted}”. Did you mean one of these?`,
      suggestions,
    );
  }
  return listReply(deps.content, `I don't know a skill called “${quoted}”.`);
}

/** Leaves room for the command word inside the 2,000-character limit of a message. */
const QUESTION_MAX = 1500;

export const knowledgeCommands: readonly Command[] = [
  defineCommand({
    name: 'ask',
    args: { question: arg.text('Your question', { maxLength: QUESTION_MAX }) },
    audience: 'everyone',
    visibility: 'public',
    help: 'ask about backend skills or careers, or just type the question',
    example: 'ask how do I undo a bad commit?',
    run: (msg, { question: asked }, deps) => question(msg, asked, deps),
  }),
  defineCommand({
    name: 'skill',
    args: { name: arg.text('The skill', { maxLength: 100, complete: 'skill' }) },
    audience: 'everyone',
    visibility: 'public',
    help: 'one skill in depth',
    example: 'skill databases',
    run: (msg, { name }, deps) => skill(msg, name, deps),
  }),
  defineCommand({
    name: 'list',
    aliases: ['skills'],
    args: {},
    audience: 'everyone',
    visibility: 'public',
    help: 'every skill and career question I can explain',
    example: 'list',
    run: (_msg, _args, deps) => listReply(deps.content),
  }),
];

export const knowledgeActions: ActionModule = {
  [ACTIONS.entry]: (action, deps) => {
    const entry = deps.content.entry(action.value) ?? deps.content.bot.find((b) => b.id === action.value);
    if (entry) return entryReply(entry, deps.content);
    return {
      text: "Sorry, I can't find that topic any more. Type `list` to see what I can explain.",
      visibility: 'private',
    };
  },
};
