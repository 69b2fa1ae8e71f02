/**
 * The daily post's buttons. "I learned it" and a quiz answer are check-ins for today, but only
 * when the post's tip is this channel's tip today; an old post still shows its explanation.
 */
import type { Tip } from '../content/schema.ts';
import type { CoreDeps } from '../core.ts';
import { recordCheckin } from '../streaks/checkin.ts';
import { days, milestoneLine } from '../streaks/render.ts';
import type { ActionEvent, Reply } from '../types.ts';
import { parsePostRef, parseQuizValue } from './post.ts';
import { todaysTip } from './today.ts';

type Outcome = Awaited<ReturnType<typeof recordCheckin>>;

const reply = (text: string): Reply => ({ text, visibility: 'private' });

function checkinLine(outcome: Outcome): string {
  const streak = `Your streak: ${days(outcome.current)} (longest ${days(outcome.longest)}).`;
  const celebration = outcome.milestone ? ` ${milestoneLine(outcome.milestone)}` : '';
  return outcome.status === 'counted'
    ? `That counts as today's check-in. ${streak}${celebration}`
    : `You had already checked in today. ${streak}`;
}

/**
 * A post counts when it is today's: dated today where it was clicked, or carrying the tip this
 * channel gets today. The date test matters where the click comes from somewhere other than the
 * post's channel, such as Slack's App Home.
 */
async function isTodaysPost(
  deps: CoreDeps,
  action: ActionEvent,
  ref: { tipId: string; date: string },
): Promise<boolean> {
  const today = await todaysTip(deps, action, action.at);
  return today.date === ref.date || today.tip?.id === ref.tipId;
}

const OLD_POST =
  "This post is from an earlier day, so it doesn't count as today's check-in. Type `tip` for today's tip, or `done` to check in.";

export async function checkinAction(action: ActionEvent, deps: CoreDeps): Promise<Reply> {
  const ref = action.value.trim() === '' ? undefined : parsePostRef(action.value);
  if (action.value.trim() !== '' && !ref) {
    return reply("I couldn't read that button. Type `done` to check in for today.");
  }
  if (ref && !(await isTodaysPost(deps, action, ref))) return reply(OLD_POST);
  return reply(`Nice work! ${checkinLine(await recordCheckin(deps, action))}`);
}

function verdict(tip: Tip, option: number): string {
  const right = tip.quiz.options[tip.quiz.answer] ?? '';
  return option === tip.quiz.answer
    ? `✅ Right: **${right}**. ${tip.quiz.explanation}`
    : `❌ Not quite. The answer is **${right}**. ${tip.quiz.explanation}`;
}

export async function quizAction(action: ActionEvent, deps: CoreDeps): Promise<Reply> {
  const parsed = parseQuizValue(action.value);
  const tip = parsed ? deps.content.tip(parsed.tipId) : undefined;
  if (!parsed || !tip || parsed.option >= tip.quiz.options.length) {
    return reply("I couldn't read that answer; the quiz may have changed. Type `tip` for today's quiz.");
  }
  const answerKey = `${parsed.tipId}@${parsed.date}`;
  const answers = (await deps.store.getMember(action))?.quizAnswers ?? {};
  if (Object.hasOwn(answers, answerKey)) {
    return reply(`You already answered this quiz. ${verdict(tip, answers[answerKey] as number)}`);
  }
  const today = await isTodaysPost(deps, action, parsed);
  if (!today) return reply(`${verdict(tip, parsed.option)}\n\n${OLD_POST}`);
  const outcome = await recordCheckin(deps, action);
  const saved = await deps.store.recordQuizAnswer(action, answerKey, parsed.option);
  if (!saved.recorded) {
    return reply(`You already answered this quiz. ${verdict(tip, saved.option)}`);
  }
  return reply(`${verdict(tip, parsed.option)}\n\n${checkinLine(outcome)}`);
}
