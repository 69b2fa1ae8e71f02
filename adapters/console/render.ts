import type { Reply } from '../../src/types.ts';

/**
 * A reply as terminal text. Markdown is left as it is (it reads fine as plain text);
 * buttons become numbered choices the user can type.
 */
export function renderForTerminal(reply: Reply): string {
  const lines: string[] = [];
  if (reply.title) lines.push(`== ${reply.title} ==`);
  if (reply.text) lines.push(reply.text);
  for (const bullet of reply.bullets ?? []) lines.push(`  • ${bullet}`);
  for (const field of reply.fields ?? []) lines.push(`  ${field.label}: ${field.value}`);
  const buttons = reply.buttons ?? [];
  if (buttons.length > 0) {
    lines.push(buttons.map((button, index) => `  [${index + 1}] ${button.label}`).join('\n'));
    lines.push('  (type a number to choose)');
  }
  return `${lines.join('\n')}\n`;
}
