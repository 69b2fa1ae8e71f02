import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import { ContentError } from '../errors.ts';
import { labelsIn } from './labels.ts';
import {
  type BotEntry,
  BotFrontMatter,
  type ChatLanguage,
  ChatLanguageSchema,
  type Entry,
  EntryFrontMatter,
  OffTopicFrontMatter,
  TIP_BODY_MAX,
  type Tip,
  TipFrontMatter,
} from './schema.ts';

/** Shared chat language (slang, misspellings, stop words), relative to the content directory. */
export const LANGUAGE_FILE = join('language', 'chat-language.yml');

/** Everything the bot knows, validated and cross-checked. */
export interface Content {
  /** Knowledge: skills and FAQ answers. */
  entries: readonly Entry[];
  tips: readonly Tip[];
  /** Replies about the bot itself (greetings, help, streaks...). */
  bot: readonly BotEntry[];
  /** Examples of questions to refuse. */
  offTopic: readonly string[];
  language: ChatLanguage;
  entry(id: string): Entry | undefined;
  tip(id: string): Tip | undefined;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.md') && d.name.toLowerCase() !== 'readme.md')
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

function fail(file: string, error: z.ZodError): never {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : 'front matter';
  throw new ContentError(file, field, issue?.message ?? 'is invalid');
}

function parseFile(path: string, name: string): { data: Record<string, unknown>; body: string } {
  try {
    const parsed = matter(readFileSync(path, 'utf8'));
    if (Object.keys(parsed.data).length === 0) throw new Error('no front matter between --- lines');
    return { data: parsed.data, body: parsed.content.trim() };
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw new ContentError(
      name,
      'front matter',
      `cannot be read: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

function toEntry(name: string, data: Record<string, unknown>, body: string): Entry {
  const parsed = EntryFrontMatter.safeParse(data);
  if (!parsed.success) fail(name, parsed.error);
  if (body.length < 40) throw new ContentError(name, 'body', 'is missing or shorter than 40 characters');
  const labels = labelsIn(body);
  const stray = Object.keys(parsed.data.asks).find((label) => !labels.has(label));
  if (stray !== undefined)
    throw new ContentError(name, 'asks', `names "${stray}", which no bullet of the body is labelled`);
  return { ...parsed.data, body, file: name };
}

function toBotEntry(name: string, data: Record<string, unknown>, body: string): BotEntry {
  const parsed = BotFrontMatter.safeParse(data);
  if (!parsed.success) fail(name, parsed.error);
  if (body.length === 0)
    throw new ContentError(name, 'body', 'is missing: write the reply below the front matter');
  return { ...parsed.data, body, file: name };
}

function toOffTopic(name: string, data: Record<string, unknown>): string[] {
  const parsed = OffTopicFrontMatter.safeParse(data);
  if (!parsed.success) fail(name, parsed.error);
  return parsed.data.questions;
}

/** The language file is optional: a content directory without one simply gets no normalisation. */
function loadLanguage(dir: string): ChatLanguage {
  const path = join(dir, LANGUAGE_FILE);
  if (!existsSync(path)) return ChatLanguageSchema.parse({});
  const name = relative(process.cwd(), path);
  let data: unknown;
  try {
    // gray-matter's YAML reader (already a dependency) parses a bare YAML document as front matter.
    data = matter(`---\n${readFileSync(path, 'utf8')}\n---\n`).data;
  } catch (error) {
    throw new ContentError(name, 'file', `cannot be read: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = ChatLanguageSchema.safeParse(data ?? {});
  if (!parsed.success) fail(name, parsed.error);
  return parsed.data;
}

function toTip(name: string, data: Record<string, unknown>, body: string): Tip {
  const parsed = TipFrontMatter.safeParse(data);
  if (!parsed.success) fail(name, parsed.error);
  if (body.length === 0)
    throw new ContentError(name, 'body', 'is missing: write the tip below the front matter');
  if (body.length > TIP_BODY_MAX) {
    throw new ContentError(
      name,
      'body',
      `has ${body.length} characters; a tip explanation allows ${TIP_BODY_MAX}`,
    );
  }
  const { quiz, ...rest } = parsed.data;
  return { ...rest, body, file: name, quiz: { ...quiz, answer: quiz.options.indexOf(quiz.answer) } };
}

function checkReferences(entries: Entry[], tips: Tip[], bot: BotEntry[]): void {
  const ids = new Map<string, string>();
  for (const item of [...entries, ...tips, ...bot]) {
    const previous = ids.get(item.id);
    if (previous) throw new ContentError(item.file, 'id', `"${item.id}" is already used by ${previous}`);
    ids.set(item.id, item.file);
  }
  const entryIds = new Set(entries.map((e) => e.id));
  const skillIds = new Set(entries.filter((e) => e.kind === 'skill').map((e) => e.id));
  for (const entry of entries) {
    const unknown = entry.related.find((r) => !entryIds.has(r));
    if (unknown)
      throw new ContentError(entry.file, 'related', `names "${unknown}", which is not an entry id`);
  }
  for (const tip of tips) {
    if (!skillIds.has(tip.skill))
      throw new ContentError(tip.file, 'skill', `"${tip.skill}" is not a skill id`);
  }
}

/** Read and validate every Markdown file under `dir`. Throws `ContentError` naming the file and field. */
export function loadContent(dir: string): Content {
  const entries: Entry[] = [];
  const tips: Tip[] = [];
  const bot: BotEntry[] = [];
  const offTopic: string[] = [];
  for (const path of markdownFiles(dir)) {
    const name = relative(process.cwd(), path);
    const { data, body } = parseFile(path, name);
    if (data.kind === 'tip') tips.push(toTip(name, data, body));
    else if (data.kind === 'bot') bot.push(toBotEntry(name, data, body));
    else if (data.kind === 'offtopic') offTopic.push(...toOffTopic(name, data));
    else entries.push(toEntry(name, data, body));
  }
  if (entries.length === 0) throw new ContentError(dir, 'files', 'has no skill or FAQ entries');
  checkReferences(entries, tips, bot);
  const byId = new Map<string, Entry>(entries.map((e) => [e.id, e]));
  const tipById = new Map<string, Tip>(tips.map((t) => [t.id, t]));
  return {
    entries,
    tips,
    bot,
    offTopic,
    language: loadLanguage(dir),
    entry: (id) => byId.get(id),
    tip: (id) => tipById.get(id),
  };
}
