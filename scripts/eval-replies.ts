/**
 * `npm run eval:replies [-- path.jsonl] [-- --misses]`: how well replies answer specific
 * questions, through the same path as `ask --json` (the real bot, a new member each time).
 * Each line of the set is {"question","expected","facts":[["alt1","alt2"],["alt3"]]}: a reply
 * delivers the fact when every group has one alternative (case-insensitive) in the first 700
 * characters of its text. Prints the share that delivers the fact, the share at most 1,200
 * characters long, and the share whose answer is the expected entry. Lines whose label names no
 * knowledge entry ("greeting", "feature", a bot reply's id) are chat basics: they count as answered correctly when they
 * deliver the fact and are neither refused nor met with "did you mean". `ask --json` reports no
 * id for them, so the expected-entry share covers the specific questions only.
 */
import { createAnswerer } from '../src/answer/engine.ts';
import { loadConfig, loadDotEnv } from '../src/config.ts';
import { loadContent } from '../src/content/load.ts';
import { type AskJson, createAskSession } from './ask-session.ts';
import { exitQuietlyWhenStdoutCloses } from './pipe.ts';
import {
  deliversFacts,
  FACT_WINDOW,
  isChatBasic,
  readSet,
  SHORT_REPLY,
  type SpecificQuestion,
} from './reply-facts.ts';

exitQuietlyWhenStdoutCloses();

const REFUSALS = /outside what I know|I'm not sure I understood/;

const percent = (n: number, of: number) => `${n}/${of} (${((100 * n) / Math.max(1, of)).toFixed(1)}%)`;

function missLine(q: SpecificQuestion, got: AskJson, facts: boolean, basic: boolean): string {
  const wrongEntry = !basic && got.id !== q.expected;
  const hedged = basic && REFUSALS.test(got.text) ? 'refused or hedged' : '';
  const why = [
    facts ? '' : 'fact missing',
    hedged,
    got.text.length > SHORT_REPLY ? `${got.text.length} chars` : '',
  ]
    .concat(wrongEntry ? `got ${got.id ?? 'none'}, expected ${q.expected}` : '')
    .filter(Boolean)
    .join('; ');
  return `- ${q.question} (${why})\n    ${got.text.slice(0, 300).replace(/\n/g, ' ')}`;
}

async function main(argv: string[]): Promise<void> {
  const path = argv.find((a) => a.endsWith('.jsonl')) ?? 'tests/fixtures/dev-specific.jsonl';
  loadDotEnv();
  const config = loadConfig();
  const content = loadContent(config.contentDir);
  const settings = { defaultTimezone: config.defaultTimezone, tips: config.tips };
  const session = createAskSession(content, createAnswerer(content), settings);
  const set = readSet(path);
  let facts = 0;
  let short = 0;
  let right = 0;
  let chat = 0;
  let chatRight = 0;
  const misses: string[] = [];
  const lengths: number[] = [];
  for (const q of set) {
    const got = await session.ask(q.question);
    const delivered = deliversFacts(got.text, q.facts);
    facts += delivered ? 1 : 0;
    short += got.text.length <= SHORT_REPLY ? 1 : 0;
    const basic = isChatBasic(q, content);
    chat += basic ? 1 : 0;
    const basicRight = basic && delivered && !REFUSALS.test(got.text);
    chatRight += basicRight ? 1 : 0;
    right += !basic && got.id === q.expected ? 1 : 0;
    lengths.push(got.text.length);
    if (!delivered || got.text.length > SHORT_REPLY || (basic ? !basicRight : got.id !== q.expected))
      misses.push(missLine(q, got, delivered, basic));
  }
  lengths.sort((a, b) => a - b);
  console.log(`Replies on ${path} (${set.length} questions)`);
  console.log(`  fact in the first ${FACT_WINDOW} characters: ${percent(facts, set.length)}`);
  console.log(`  text at most ${SHORT_REPLY} characters:     ${percent(short, set.length)}`);
  console.log(`  specific questions, expected entry:  ${percent(right, set.length - chat)}`);
  if (chat > 0) console.log(`  chat basics answered correctly:      ${percent(chatRight, chat)}`);
  console.log(`  median length: ${lengths[Math.floor(lengths.length / 2)] ?? 0} characters`);
  if (argv.includes('--misses')) console.log(misses.join('\n'));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`eval:replies failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
