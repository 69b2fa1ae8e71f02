/**
 * `npm run ask -- "question"` prints the bot's reply as terminal text.
 * `npm run ask -- --json` reads one message per line from stdin and writes one JSON object per
 * line (see `AskJson`): each line is handled by the real bot as a chat message from a new member
 * in a new workspace, with a store in memory. stdout carries nothing but replies or JSON;
 * problems go to stderr.
 */
import { createInterface } from 'node:readline';
import { renderForTerminal } from '../adapters/console/render.ts';
import { createAnswerer } from '../src/answer/engine.ts';
import type { Answerer } from '../src/answer/types.ts';
import { answerReply } from '../src/commands/knowledge.ts';
import { loadConfig, loadDotEnv } from '../src/config.ts';
import { type Content, loadContent } from '../src/content/load.ts';
import type { CoreSettings } from '../src/core.ts';
import { ConfigError, ContentError } from '../src/errors.ts';
import { createAskSession } from './ask-session.ts';
import { exitQuietlyWhenStdoutCloses } from './pipe.ts';

exitQuietlyWhenStdoutCloses();

async function answerLines(content: Content, answerer: Answerer, settings: CoreSettings): Promise<void> {
  const session = createAskSession(content, answerer, settings);
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    process.stdout.write(`${JSON.stringify(await session.ask(line.trim()))}\n`);
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
  const config = loadConfig();
  const content = loadContent(config.contentDir);
  const answerer = createAnswerer(content);
  if (json)
    await answerLines(content, answerer, { defaultTimezone: config.defaultTimezone, tips: config.tips });
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
