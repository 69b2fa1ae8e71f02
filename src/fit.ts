/** A reply made to fit what the asker's platform can show. Pure. */
import type { Capabilities } from './platform.ts';
import { cutAtSentence } from './text.ts';
import type { Reply } from './types.ts';

/** Said where the text had to be cut; the rest is one narrower question away. */
export const SHORTENED = '… _(shortened: ask about one part for more)_';

/** How many of a reply's buttons the platform shows: one row's worth for a row of next steps. */
function buttonCap(reply: Reply, capabilities: Capabilities): number {
  const { perRow, total } = capabilities.buttons;
  return reply.buttonsInOneRow ? Math.min(perRow, total) : total;
}

/**
 * Buttons beyond the platform's total (or beyond one row, for a row of next steps) are dropped
 * (the first ones matter most), a share offer
 * goes where sharing exists, and text beyond the platform's length is cut at a sentence.
 */
export function fitReply(reply: Reply, capabilities: Capabilities): Reply {
  const fitted: Reply = { ...reply };
  const cap = buttonCap(reply, capabilities);
  if (reply.buttons && reply.buttons.length > cap) fitted.buttons = reply.buttons.slice(0, cap);
  if (reply.shareable && !capabilities.sharePrivateAnswers) delete fitted.shareable;
  if (reply.text.length > capabilities.maxTextLength) {
    fitted.text = cutAtSentence(reply.text, capabilities.maxTextLength, SHORTENED);
  }
  return fitted;
}
