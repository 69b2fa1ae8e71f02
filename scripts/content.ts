/**
 * `npm run content -- --json` prints every knowledge entry and tip as one JSON array of
 * `{ id, kind, title, aliases, text }`. Without `--json`, a short readable overview.
 * Invalid content: a clear message on stderr and exit status 1; stdout stays empty.
 */
import { loadConfig, loadDotEnv } from '../src/config.ts';
import { type Content, loadContent } from '../src/content/load.ts';
import { ConfigError, ContentError } from '../src/errors.ts';
import { exitQuietlyWhenStdoutCloses } from './pipe.ts';

exitQuietlyWhenStdoutCloses();

export interface ContentJson {
  id: string;
  kind: 'skill' | 'faq' | 'tip';
  title: string;
  aliases: string[];
  text: string;
}

/** Entries carry their summary and body; tips their explanation, task and quiz question. */
export function contentJson(content: Content): ContentJson[] {
  const entries = content.entries.map((e) => ({
    id: e.id,
    kind: e.kind,
    title: e.title,
    aliases: [...e.aliases],
    text: `${e.summary}\n\n${e.body}`,
  }));
  const tips = content.tips.map((t) => ({
    id: t.id,
    kind: 'tip' as const,
    title: t.title,
    aliases: [],
    text: `${t.body}\n\nTry this today: ${t.task}\n\nQuiz: ${t.quiz.question}`,
  }));
  return [...entries, ...tips];
}

function overview(content: Content): string {
  const lines = content.entries.map((e) => `${e.kind.padEnd(5)}  ${e.id.padEnd(32)} ${e.title}`);
  const perSkill = new Map<string, number>();
  for (const tip of content.tips) perSkill.set(tip.skill, (perSkill.get(tip.skill) ?? 0) + 1);
  const tipLine = [...perSkill].map(([skill, n]) => `${skill} ${n}`).join(', ');
  return `${lines.join('\n')}\n\n${content.entries.length} entries, ${content.tips.length} tips (${tipLine || 'none'})\n`;
}

function main(argv: string[]): void {
  loadDotEnv();
  const content = loadContent(loadConfig().contentDir);
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(contentJson(content), null, 2)}\n`);
  else process.stdout.write(overview(content));
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ContentError || error instanceof ConfigError) {
    process.stderr.write(`Invalid content or configuration: ${error.message}\n`);
  } else {
    process.stderr.write(`content failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exitCode = 1;
}
