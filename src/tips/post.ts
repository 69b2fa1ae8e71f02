/** The daily post as a neutral `Reply`, and the button values it carries. Pure. */
import type { Content } from '../content/load.ts';
import type { Tip } from '../content/schema.ts';
import type { LocalDate } from '../store/types.ts';
import { ACTIONS, type Reply, type ReplyButton } from '../types.ts';

export function skillTitle(content: Content, tip: Tip): string {
  return content.entry(tip.skill)?.title ?? tip.skill;
}

/** The post for `tip` on `date`: tip, task, quiz question, and the check-in and answer buttons. */
export function buildPost(content: Content, tip: Tip, date: LocalDate): Reply {
  const ref = `${tip.id}@${date}`;
  const buttons: ReplyButton[] = [
    { label: 'I learned it', actionId: ACTIONS.checkin, value: ref, style: 'primary' },
    ...tip.quiz.options.map((option, index) => ({
      label: option,
      actionId: ACTIONS.quiz,
      value: `${ref}#${index}`,
    })),
  ];
  return {
    title: `Skill of the day: ${skillTitle(content, tip)}`,
    text: [
      `**${tip.title}**`,
      tip.body,
      `**Try this today:** ${tip.task}`,
      `**Quiz:** ${tip.quiz.question}`,
    ].join('\n\n'),
    buttons,
    visibility: 'public',
  };
}

export interface PostRef {
  tipId: string;
  date: LocalDate;
}

const REF = /^([a-z0-9]+(?:-[a-z0-9]+)*)@(\d{4}-\d{2}-\d{2})$/;

/** `${tipId}@${date}`; undefined when malformed. */
export function parsePostRef(value: string): PostRef | undefined {
  const match = REF.exec(value.trim());
  if (!match?.[1] || !match[2] || Number.isNaN(Date.parse(`${match[2]}T00:00:00Z`))) return undefined;
  return { tipId: match[1], date: match[2] };
}

/** `${tipId}@${date}#${index}`; undefined when malformed. */
export function parseQuizValue(value: string): (PostRef & { option: number }) | undefined {
  const hash = value.lastIndexOf('#');
  if (hash < 0) return undefined;
  const ref = parsePostRef(value.slice(0, hash));
  const indexText = value.slice(hash + 1);
  if (!ref || !/^\d{1,2}$/.test(indexText)) return undefined;
  return { ...ref, option: Number(indexText) };
}
