/**
 * What `ask --json` and the reply evaluation share: each question goes through the real bot as
 * a chat message from a new member in a new workspace, with a store in memory, and comes back
 * as the JSON line `ask --json` prints.
 */
import type { Answerer, AnswerResult } from '../src/answer/types.ts';
import { createBot } from '../src/bot.ts';
import type { Content } from '../src/content/load.ts';
import type { Entry } from '../src/content/schema.ts';
import type { CoreDeps, CoreSettings } from '../src/core.ts';
import { silentLogger } from '../src/log.ts';
import { replyMarkdown } from '../src/replies/markdown.ts';
import { createInMemoryStore } from '../src/store/in-memory.ts';
import type { Incoming } from '../src/types.ts';

export interface AskJson {
  question: string;
  /** True when the reply answers from a skill or FAQ entry (never for a bot reply or "did you mean"). */
  answered: boolean;
  id: string | null;
  title: string | null;
  kind: string | null;
  /** The best candidate's ranking value (0 when there is none). */
  score: number;
  suggestions: Array<{ id: string; title: string; score: number }>;
  /** The reply's Markdown exactly as a member sees it, without buttons. */
  text: string;
}

const KNOWLEDGE_KINDS = new Set(['skill', 'faq']);

/**
 * What the member got, in the classifier's terms. `result` is undefined when the bot ran a command
 * instead. `answersFrom` is the entry whose passages the reply gave: usually the classifier's
 * confident answer, but also a passage that answered plainly when the classifier was unsure, which
 * the member reads as an answer too.
 */
export function toJson(
  question: string,
  result: AnswerResult | undefined,
  text: string,
  answersFrom?: Entry,
): AskJson {
  const best = result?.tier === 'confident' ? result.best : undefined;
  const confident = best !== undefined && KNOWLEDGE_KINDS.has(best.entry.kind) ? best.entry : undefined;
  const entry = confident ?? (answersFrom && KNOWLEDGE_KINDS.has(answersFrom.kind) ? answersFrom : undefined);
  const suggestions = result?.suggestions ?? [];
  const score =
    best?.score ?? suggestions.find((s) => s.entry.id === entry?.id)?.score ?? suggestions[0]?.score ?? 0;
  return {
    question,
    answered: entry !== undefined,
    id: entry?.id ?? null,
    title: entry?.title ?? null,
    kind: entry?.kind ?? null,
    score,
    suggestions: suggestions.map((s) => ({ id: s.entry.id, title: s.entry.title, score: s.score })),
    text,
  };
}

export interface AskSession {
  ask(question: string): Promise<AskJson>;
}

export function createAskSession(
  content: Content,
  answerer: Answerer,
  settings: CoreSettings,
  clock = () => new Date(),
): AskSession {
  let lastResult: AnswerResult | undefined;
  const recording: Answerer = {
    answer(question) {
      lastResult = answerer.answer(question);
      return lastResult;
    },
    lookup: (name, kind) => answerer.lookup(name, kind),
  };
  let member = 0;
  return {
    async ask(question) {
      member += 1;
      const deps: CoreDeps = {
        content,
        answerer: recording,
        store: createInMemoryStore(),
        clock,
        settings,
        log: silentLogger,
      };
      const msg: Incoming = {
        platform: 'console',
        workspaceId: `ask-${member}`,
        channelId: 'ask',
        userId: `member-${member}`,
        displayName: 'member',
        isAdmin: false,
        text: question,
        at: clock(),
      };
      lastResult = undefined;
      const reply = await createBot(deps).handleMessage(msg);
      const from = reply.answersFrom ? content.entry(reply.answersFrom) : undefined;
      return toJson(question, lastResult, replyMarkdown(reply), from);
    },
  };
}
