/** What every Slack listener needs, and the pieces they share. */
import type { Bot } from '../../src/bot.ts';
import type { Logger } from '../../src/log.ts';
import type { Clock, Origin } from '../../src/types.ts';
import type { BotIdentity } from './client.ts';
import type { SeenSet } from './dedup.ts';
import { SLACK } from './platform.ts';
import type { UserDirectory } from './users.ts';

export interface HandlerDeps {
  bot: Bot;
  users: UserDirectory;
  clock: Clock;
  log: Logger;
  identity: BotIdentity;
  /** The slash command, e.g. `/skills`. */
  command: string;
  /** Event ids and message keys already handled (redeliveries, message + app_mention twins). */
  seen: SeenSet;
}

export const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';

export interface Where {
  teamId: string | undefined;
  channelId: string;
  userId: string;
  /** A name from the payload, used when users.info cannot answer. */
  nameHint?: string;
}

/** The neutral origin of an event: who (with admin rights from users.info), where, when. */
export async function originOf(deps: HandlerDeps, where: Where): Promise<Origin> {
  const user = await deps.users.lookup(where.userId, where.nameHint || where.userId);
  return {
    platform: SLACK,
    workspaceId: where.teamId || deps.identity.teamId,
    channelId: where.channelId,
    userId: where.userId,
    displayName: user.displayName,
    isAdmin: user.isAdmin,
    at: deps.clock(),
  };
}

/**
 * Run a listener so that nothing it throws escapes into Bolt: the error is logged and the user
 * gets a short apology where possible. The process keeps serving everyone else.
 */
export function guarded<A>(
  deps: HandlerDeps,
  what: string,
  apologize: (args: A) => Promise<unknown>,
  run: (args: A) => Promise<void>,
): (args: A) => Promise<void> {
  return async (args) => {
    try {
      await run(args);
    } catch (error) {
      deps.log.error({ err: error, what }, 'slack handler failed');
      try {
        await apologize(args);
      } catch (apologyError) {
        deps.log.warn({ err: apologyError, what }, 'could not send the apology either');
      }
    }
  };
}
