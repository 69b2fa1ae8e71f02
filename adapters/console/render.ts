import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import type { Reply } from '../../src/types.ts';

/**
 * marked-terminal renders headings, bold, lists and code for a terminal. It is pinned with
 * marked 12: with marked 13 and later it leaves `**bold**` inside list items as raw asterisks
 * (marked-terminal issue #304).
 */
const layout = { showSectionPrefix: false, reflowText: false, tab: 2, emoji: false } as const;

const plainStyle = (text: string) => text;
const PLAIN_STYLES = Object.fromEntries(
  ['code', 'blockquote', 'html', 'heading', 'firstHeading', 'hr', 'listitem', 'table', 'paragraph']
    .concat(['strong', 'em', 'codespan', 'del', 'link', 'href'])
    .map((name) => [name, plainStyle]),
);

const styled = new Marked(markedTerminal(layout));
const plain = new Marked(markedTerminal({ ...layout, ...PLAIN_STYLES }));

export interface TerminalStyle {
  /** ANSI colours and bold on a terminal; plain text when output is piped or redirected. */
  color: boolean;
}

function markdown(text: string, style: TerminalStyle): string {
  const rendered = (style.color ? styled : plain).parse(text, { async: false }) as string;
  return rendered.replace(/\n{3,}/g, '\n\n').trimEnd();
}

/** One line of Markdown (a bullet, a field), without the paragraph spacing a block gets. */
function inline(text: string, style: TerminalStyle): string {
  return markdown(text, style).replace(/\n+/g, ' ');
}

/** A reply as terminal text: Markdown rendered, buttons as numbered choices the user can type. */
export function renderForTerminal(reply: Reply, style: TerminalStyle = { color: false }): string {
  const lines: string[] = [];
  if (reply.title)
    lines.push(style.color ? `\u001b[1m== ${reply.title} ==\u001b[22m` : `== ${reply.title} ==`);
  if (reply.text) lines.push(markdown(reply.text, style));
  for (const bullet of reply.bullets ?? []) lines.push(`  • ${inline(bullet, style)}`);
  for (const field of reply.fields ?? []) lines.push(`  ${field.label}: ${inline(field.value, style)}`);
  // Printed as is, never through Markdown: a terminal has no length limit and the text stays copyable.
  if (reply.file) lines.push(`--- ${reply.file.filename} ---\n${reply.file.content}\n--- end ---`);
  const buttons = reply.buttons ?? [];
  if (buttons.length > 0) {
    lines.push(buttons.map((button, index) => `  [${index + 1}] ${button.label}`).join('\n'));
    lines.push('  (type a number to choose)');
  }
  return `${lines.join('\n')}\n`;
}
