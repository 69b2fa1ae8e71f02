import type { Reply } from '../types.ts';

/**
 * A reply as the Markdown a member reads, without its buttons: the title in bold, the text,
 * then bullets and fields as a list. Used where a reply leaves the bot as text (`ask --json`).
 */
export function replyMarkdown(reply: Reply): string {
  const parts: string[] = [];
  if (reply.title) parts.push(`**${reply.title}**`);
  if (reply.text.trim()) parts.push(reply.text.trim());
  const list = [
    ...(reply.bullets ?? []).map((bullet) => `- ${bullet}`),
    ...(reply.fields ?? []).map((field) => `- **${field.label}:** ${field.value}`),
  ];
  if (list.length > 0) parts.push(list.join('\n'));
  return parts.join('\n\n');
}
