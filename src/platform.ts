/**
 * What an adapter tells the core about its platform: an id, what the platform can do, the help
 * lines only it offers, and its configuration (environment variables, secrets to redact). The
 * core builds replies against these facts and never names a platform itself; the composition
 * root is the one place that lists the platforms.
 */
import type { HelpLine } from './commands/help.ts';
import type { PlatformConfigSpec } from './config.ts';

export interface Capabilities {
  /** Replies only the asker sees. */
  privateReplies: boolean;
  /** How many buttons fit in one row, and in one reply. */
  buttons: { perRow: number; total: number };
  /** A personal home view the platform shows next to conversations. */
  homeView: boolean;
  /** A private answer can carry a button that shares it with the channel. */
  sharePrivateAnswers: boolean;
  /**
   * Whether a reply is public or private must be decided before the work is done (the command's
   * declared visibility is then binding for private commands).
   */
  visibilityUpFront: boolean;
  /** The longest reply text one message shows; longer text is cut at a sentence. */
  maxTextLength: number;
}

/** What a platform the core knows nothing about may rely on: plain text replies. */
export const BASIC_CAPABILITIES: Capabilities = {
  privateReplies: false,
  buttons: { perRow: 5, total: 5 },
  homeView: false,
  sharePrivateAnswers: false,
  visibilityUpFront: false,
  maxTextLength: 2000,
};

export interface PlatformSpec {
  /** The id events and stored records carry; lowercase, unique among the platforms. */
  readonly id: string;
  readonly capabilities: Capabilities;
  /** Help lines for what only this platform offers. */
  readonly help?: readonly HelpLine[];
  /** The platform's environment variables; the platform runs when they configure it. */
  readonly config?: PlatformConfigSpec<unknown>;
  /** Log paths holding this platform's secrets, blanked in every log line. */
  readonly redactPaths?: readonly string[];
}

/** The platforms by id, with a lookup that falls back to the basic capabilities. */
export interface Platforms {
  readonly list: readonly PlatformSpec[];
  capabilities(id: string): Capabilities;
  help(id: string): readonly HelpLine[];
}

export function platformTable(list: readonly PlatformSpec[]): Platforms {
  const byId = new Map<string, PlatformSpec>();
  for (const spec of list) {
    if (byId.has(spec.id)) throw new Error(`two platforms register the id "${spec.id}"`);
    byId.set(spec.id, spec);
  }
  return {
    list,
    capabilities: (id) => byId.get(id)?.capabilities ?? BASIC_CAPABILITIES,
    help: (id) => byId.get(id)?.help ?? [],
  };
}
