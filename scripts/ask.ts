/**
 * `npm run ask -- "question"` prints the bot's reply as terminal text.
 * `npm run ask -- --json` reads one question per line from stdin and writes one JSON object
 * per line (see `toJson`). stdout carries nothing but replies or JSON; problems go to stderr.
 */
import { createInterface } from 'node:readline';
import { renderForTerminal } from '../adapters/console/render.ts';
import { createAnswerer } from '../src/answer/engine.ts';
import type { Answerer, AnswerResult } from '../src/answer/types.ts';
import { answerReply } from '../src/commands/knowledge.ts';
import { loadConfig, loadDotEnv } from '../src/config.ts';
import { type Content, loadContent } from '../src/content/load.ts';
import { ConfigError, ContentError } from '../src/errors.ts';
import { exitQuietlyWhenStdoutCloses } from './pipe.ts';

exitQuietlyWhenStdoutCloses();

export interface AskJson {
  question: string;
  /** True only for a confident answer. */
  answered: boolean;
  id: string | null;
  title: string | null;
  kind: string | null;
  /** The best candidate's ranking value (0 when there is none). */
  score: number;
  suggestions: Array<{ id: string; title: string; score: number }>;
}

export function toJson(question: string, result: AnswerResult): AskJson {
  const best = result.tier === 'confident' ? result.best : undefined;
  return {
    question,
    answered: best !== undefined,
    id: best?.entry.id ?? null,
    title: best?.entry.title ?? null,
    kind: best?.entry.kind ?? null,
    score: best?.score ?? result.suggestions[0]?.score ?? 0,
    suggestions: result.suggestions.map((s) => ({ id: s.entry.id, title: s.entry.title, score: s.score })),
  };
}

async function answerLines(answerer: Answerer): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const question = line.trim();
    process.stdout.write(`${JSON.stringify(toJson(question, answerer.answer(question)))}\n`);
  }
}

function answerOnce(question: string, answerer: Answerer, content: Content): void {
  process.stdout.write(renderForTerminal(answerReply(question, answerer.answer(question), content)));
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const question = argv.filter((a) => a !== '--json' && a !== '--').join(' ');
  if (!json && question.trim() === '') {
    process.stderr.write(
      'Usage: npm run ask -- "your question"   or   npm run ask -- --json < questions.txt\n',
    );
    return 2;
  }
  loadDotEnv();
  const content = loadContent(loadConfig().contentDir);
  const answerer = createAnswerer(content);
  if (json) await answerLines(answerer);
  else answerOnce(question, answerer, content);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ContentError || error instanceof ConfigError) {
      process.stderr.write(`Cannot answer: ${error.message}\n`);
    } else {
      process.stderr.write(`ask failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
