import { helpCommands } from './commands/help.ts';
import { knowledgeCommands } from './commands/knowledge.ts';
import { type CommandName, parseCommand } from './commands/parse.ts';
import type { ActionHandler, CommandHandler, CommandModule, CoreDeps } from './core.ts';
import { StoreWriteError } from './errors.ts';
import { homeReply } from './home.ts';
import { streakCommands } from './streaks/commands.ts';
import { tipCommands } from './tips/commands.ts';
import type { ActionEvent, Incoming, Origin, Reply, Visibility } from './types.ts';

/** What adapters talk to. */
export interface Bot {
  handleMessage(msg: Incoming): Promise<Reply>;
  handleAction(action: ActionEvent): Promise<Reply>;
  /**
   * Whether the reply to `text` will be public or private, known before any work is done
   * (Discord must choose when it defers, and cannot change it afterwards).
   */
  visibilityOf(text: string): Visibility;
  /** The personal overview (streak, last 14 days, today's tip, rank) for Slack's App Home. */
  home(origin: Origin): Promise<Reply>;
}

const MODULES: CommandModule[] = [helpCommands, knowledgeCommands, streakCommands, tipCommands];

/** Results about one person stay private; knowledge is public where the platform allows. */
const PRIVATE_COMMANDS = new Set<CommandName>([
  'help',
  'done',
  'streak',
  'timezone',
  'schedule',
  'settings',
  'empty',
  'too_long',
]);

function merge<T>(pick: (m: CommandModule) => Partial<Record<string, T>>): Map<string, T> {
  const merged = new Map<string, T>();
  for (const module of MODULES) {
    for (const [name, handler] of Object.entries(pick(module))) if (handler) merged.set(name, handler);
  }
  return merged;
}

function failureReply(error: unknown): Reply {
  if (error instanceof StoreWriteError) {
    return {
      text: "Sorry, I couldn't save that just now, so nothing was recorded. Please try again in a moment.",
      visibility: 'private',
    };
  }
  return { text: 'Sorry, something went wrong on my side. Please try again.', visibility: 'private' };
}

export function createBot(deps: CoreDeps): Bot {
  const commands = merge<CommandHandler>((m) => m.commands);
  const actions = merge<ActionHandler>((m) => m.actions);

  async function guarded(origin: Origin, what: string, run: () => Reply | Promise<Reply>): Promise<Reply> {
    try {
      return await run();
    } catch (error) {
      deps.log.error({ err: error, platform: origin.platform, what }, 'handler failed');
      return failureReply(error);
    }
  }

  return {
    handleMessage(msg) {
      const parsed = parseCommand(msg.text);
      const handler = commands.get(parsed.name) ?? commands.get('question');
      return guarded(msg, `command:${parsed.name}`, () => {
        if (!handler)
          return { text: "I can't do that yet. Type `help` to see what I can do.", visibility: 'private' };
        return handler(msg, parsed.args, deps);
      });
    },
    handleAction(action) {
      const handler = actions.get(action.actionId);
      return guarded(action, `action:${action.actionId}`, () => {
        if (!handler)
          return {
            text: 'That button is no longer supported. Type `help` to see what I can do.',
            visibility: 'private',
          };
        return handler(action, deps);
      });
    },
    home(origin) {
      return guarded(origin, 'home', () => homeReply(deps, origin));
    },
    visibilityOf(text) {
      return PRIVATE_COMMANDS.has(parseCommand(text).name) ? 'private' : 'public';
    },
  };
}
