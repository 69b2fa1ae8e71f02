/**
 * Passages: the pieces of knowledge a short reply is built from. An entry body splits into its
 * bullets (each one self-contained), its paragraphs and its numbered lists; each tip is one
 * passage of the skill it belongs to, so a tip can answer for its skill. Pure.
 */

import { labelOf } from '../content/labels.ts';
import type { Content } from '../content/load.ts';
import type { Entry, Tip } from '../content/schema.ts';

export interface Passage {
  /** Unique within the content: `<entry id>#<n>` or `tip:<tip id>`. */
  key: string;
  /** The entry this passage answers for (a tip's skill). */
  entryId: string;
  /** The section heading it sits under, or the tip's title. */
  heading: string;
  /** The bold label a bullet starts with ("401 vs 403"), if any. */
  label: string;
  /** Markdown, without a list marker. */
  text: string;
  /** Set when the passage is a tip. */
  tipTitle?: string;
  /** Messages the content says this passage answers (an entry's `asks` for its label, a tip's). */
  asks: string;
}

const BULLET = /^[-*]\s+/;
const NUMBERED = /^\d+[.)]\s+/;

interface Block {
  heading: string;
  lines: string[];
  numbered: boolean;
  bullet?: boolean;
}

/** Split a body into blocks: one per bullet, one per paragraph, one per numbered list. */
function blocks(body: string): Block[] {
  const found: Block[] = [];
  let heading = '';
  let current: Block | undefined;
  const close = () => {
    if (current && current.lines.length > 0) found.push(current);
    current = undefined;
  };
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    const headingMatch = /^#{1,6}\s+(.*)$/.exec(line);
    if (headingMatch) {
      close();
      heading = headingMatch[1]?.trim() ?? '';
    } else if (line === '') {
      if (!current?.numbered) close();
    } else if (BULLET.test(line)) {
      close();
      current = { heading, lines: [line.replace(BULLET, '')], numbered: false, bullet: true };
    } else if (NUMBERED.test(line)) {
      if (!current?.numbered) close();
      current ??= { heading, lines: [], numbered: true };
      current.lines.push(line);
    } else if (current?.numbered) {
      close();
      current = { heading, lines: [line], numbered: false };
    } else {
      current ??= { heading, lines: [], numbered: false };
      current.lines.push(line);
    }
  }
  close();
  return found;
}

/** The list right after `at` under the same heading: its bullets, or its numbered block. */
function listAfter(found: Block[], at: number): string[] {
  const first = found[at + 1];
  if (first?.numbered) return first.heading === found[at]?.heading ? first.lines : [];
  const items: string[] = [];
  for (const block of found.slice(at + 1)) {
    if (!block.bullet || block.heading !== found[at]?.heading) break;
    items.push(`- ${block.lines.join(' ')}`);
  }
  return items;
}

/**
 * A paragraph that introduces a list ("Trends worth following:") says nothing alone: as a passage
 * it carries the list, while each bullet stays a passage of its own too.
 */
function withIntroducedLists(found: Block[]): Block[] {
  return found.map((block, at) => {
    const introduces = !block.bullet && !block.numbered && block.lines.join(' ').trimEnd().endsWith(':');
    const list = introduces ? listAfter(found, at) : [];
    return list.length > 0 ? { ...block, lines: [...block.lines, ...list] } : block;
  });
}

export function entryPassages(entry: Entry): Passage[] {
  return withIntroducedLists(blocks(entry.body)).map((block, index) => {
    const text = block.lines.join('\n');
    const label = block.numbered ? '' : labelOf(text);
    return {
      key: `${entry.id}#${index}`,
      entryId: entry.id,
      heading: block.heading,
      label,
      text,
      asks: (label && entry.asks[label]?.join('\n')) || '',
    };
  });
}

/** What a passage says it is about: its bold label, or a tip's title. */
export function namedBy(passage: Passage): string {
  return passage.label || passage.tipTitle || '';
}

export function tipPassage(tip: Tip): Passage {
  return {
    key: `tip:${tip.id}`,
    entryId: tip.skill,
    heading: tip.title,
    label: '',
    text: tip.body,
    tipTitle: tip.title,
    asks: tip.asks.join('\n'),
  };
}

/** Every passage of the skills and FAQ entries and of the tips. */
export function allPassages(content: Content): Passage[] {
  const knowledge = content.entries.filter((e) => e.kind === 'skill' || e.kind === 'faq');
  return [...knowledge.flatMap(entryPassages), ...content.tips.map(tipPassage)];
}
