/**
 * "Share in channel": a private answer gets a button that posts the same answer publicly,
 * marked "Shared by <name>" in plain text (a name, never a mention). The button carries what
 * produced the answer, not the answer: clicking asks the core again, so nothing is stored and a
 * button still works after a restart.
 */
import type { RespondFn } from '@slack/bolt';
import type { Origin, Reply, ReplyButton } from '../../src/types.ts';
import type { HandlerDeps } from './context.ts';
import { LIMITS, renderReply } from './render.ts';

/** Adapter-owned; the core never sees it. */
export const SHARE_ACTION = 'skillbot.slack.share';

export type ShareSource =
  | { kind: 'message'; text: string }
  | { kind: 'action'; actionId: string; value: string };

export function encodeShare(source: ShareSource): string {
  return source.kind === 'message' ? `m:${source.text}` : `a:${source.actionId}\n${source.value}`;
}

export function decodeShare(value: string): ShareSource | undefined {
  if (value.startsWith('m:')) return { kind: 'message', text: value.slice(2) };
  if (value.startsWith('a:')) {
    const newline = value.indexOf('\n');
    if (newline < 0) return undefined;
    return { kind: 'action', actionId: value.slice(2, newline), value: value.slice(newline + 1) };
  }
  return undefined;
}

/** The share button for a private, shareable reply; none when the source does not fit in a button. */
export function shareButtons(reply: Reply, source: ShareSource): ReplyButton[] {
  if (!reply.shareable) return [];
  const value = encodeShare(source);
  if (value.length > LIMITS.buttonValue) return [];
  return [{ label: 'Share in channel', actionId: SHARE_ACTION, value }];
}

function rerun(deps: HandlerDeps, origin: Origin, source: ShareSource): Promise<Reply> {
  return source.kind === 'message'
    ? deps.bot.handleMessage({ ...origin, text: source.text })
    : deps.bot.handleAction({ ...origin, actionId: source.actionId, value: source.value });
}

/** Post the answer publicly through the response_url (works even where the bot is not a member). */
export async function shareInChannel(
  deps: HandlerDeps,
  origin: Origin,
  value: string,
  respond: RespondFn,
): Promise<void> {
  const source = decodeShare(value);
  const reply = source ? await rerun(deps, origin, source) : undefined;
  if (!reply?.shareable) {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'That answer can no longer be shared. Ask again to get a fresh one.',
    });
    return;
  }
  const message = renderReply(reply, { footnote: `Shared by ${origin.displayName}` });
  await respond({ response_type: 'in_channel', replace_original: false, ...message });
  await respond({ delete_original: true });
}
