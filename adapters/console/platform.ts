/** The local console as the core sees it: its id, what a terminal can do, and its own `:user` command. */
import type { PlatformSpec } from '../../src/platform.ts';

export const CONSOLE = 'console';

/** `:user NAME` switches the acting user, so one console can play a whole team. */
export const SWITCH_USER_HELP = { usage: ':user NAME', help: 'act as another team member, e.g. `:user sam`' };

export const consolePlatform: PlatformSpec = {
  id: CONSOLE,
  capabilities: {
    // One person at one terminal: every reply is theirs alone.
    privateReplies: true,
    // Buttons become numbered choices, typed as one or two digits.
    buttons: { perRow: 99, total: 99 },
    homeView: false,
    sharePrivateAnswers: false,
    visibilityUpFront: false,
    maxTextLength: Number.POSITIVE_INFINITY,
  },
  help: [SWITCH_USER_HELP],
};
