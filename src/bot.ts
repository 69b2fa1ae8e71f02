import { COMMANDS } from './commands/catalog.ts';
import { type Choice, completeFrom } from './commands/complete.ts';
import { createRegistry, invoke } from './commands/dispatch.ts';
import { emptyReply, tooLongReply, usageReply } from './commands/help.ts';
import { knowledgeActions, question } from './commands/knowledge.ts';
import type { Command, RawArgs } from './commands/registry.ts';
import type { ActionHandler, ActionModule, CoreDeps } from './core.ts';
import { StoreWriteError } from './errors.ts';
import { fitReply } from './fit.ts';
import { homeReply } from './home.ts';
import { type PlatformSpec, platformTable } from './platform.ts';
import { rightsActions } from './rights/commands.ts';
import { tipActions } from './tips/commands.ts';
import type { ActionEvent, Incoming, Origin, Reply } from './types.ts';

/** A command a platform delivered with its arguments already apart (a slash command's options). */
export interface CommandCall {
  name: string;
  args: RawArgs;
}

/** What adapters talk to. */
export interface Bot {
  /** Free text: a command typed as words, or a question. */
  handleMessage(msg: Incoming): Promise<Reply>;
  /** A structured command; its arguments are validated against the declaration, never re-parsed. */
  handleCommand(origin: Origin, call: CommandCall): Promise<Reply>;
  handleAction(action: ActionEvent): Promise<Reply>;
  /** Suggestions for `argument` of `command` while `typed` is being typed; at most `limit`. */
  complete(command: string, argument: string, typed: string, limit: number): Choice[];
  /** The personal overview (streak, last 14 days, today's tip, rank), for platforms with a home view. */
  home(origin: Origin): Promise<Reply>;
  /** The declared commands, for platforms that list them (slash commands, usage hints). */
  readonly commands: readonly Command[];
}

export interface BotOptions {
  /** The commands to serve (help is added); default every family's. */
  commands?: readonly Command[];
  /**
   * The platforms replies are made for: each reply fits its platform's capabilities, and `help`
   * adds its lines. Without them, replies go out as built (tests, scripts).
   */
  platforms?: readonly PlatformSpec[];
}

const ACTION_MODULES: ActionModule[] = [knowledgeActions, tipActions, rightsActions];

function actionTable(): Map<string, ActionHandler> {
  const merged = new Map<string, ActionHandler>();
  for (const module of ACTION_MODULES) {
    for (const [id, handler] of Object.entries(module)) if (handler) merged.set(id, handler);
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

export function createBot(deps: CoreDeps, options: BotOptions = {}): Bot {
  const platforms = options.platforms && platformTable(options.platforms);
  const registry = createRegistry(options.commands ?? COMMANDS, (id) => platforms?.help(id) ?? []);
  const actions = actionTable();

  async function guarded(origin: Origin, what: string, run: () => Reply | Promise<Reply>): Promise<Reply> {
    try {
      const reply = await run();
      return platforms ? fitReply(reply, platforms.capabilities(origin.platform)) : reply;
    } catch (error) {
      deps.log.error({ err: error, platform: origin.platform, what }, 'handler failed');
      return failureReply(error);
    }
  }

  /**
   * Where visibility is fixed before the work, a command declared private stays private whatever
   * its handler returns: the platform has already promised the asker that only they see it.
   */
  async function bindVisibility(command: Command, origin: Origin, work: Promise<Reply>): Promise<Reply> {
    const reply = await work;
    const upFront = platforms?.capabilities(origin.platform).visibilityUpFront ?? false;
    return upFront && command.visibility === 'private' ? { ...reply, visibility: 'private' } : reply;
  }

  function answerText(msg: Incoming): Reply | Promise<Reply> {
    const parsed = registry.parse(msg.text);
    if (parsed.kind === 'too_long') return tooLongReply;
    if (parsed.kind === 'empty') return emptyReply;
    if (parsed.kind === 'usage') return usageReply(parsed.command, parsed.problem);
    if (parsed.kind === 'question') return question(msg, parsed.text, deps);
    return invoke(parsed.command, parsed.raw, msg, deps);
  }

  return {
    commands: registry.commands,
    handleMessage(msg) {
      return guarded(msg, 'message', () => answerText(msg));
    },
    handleCommand(origin, call) {
      const command = registry.find(call.name);
      return guarded(origin, `command:${call.name}`, () => {
        if (!command)
          return { text: "I can't do that yet. Type `help` to see what I can do.", visibility: 'private' };
        return bindVisibility(command, origin, invoke(command, call.args, { ...origin, text: '' }, deps));
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
    complete(name, argument, typed, limit) {
      const source = registry.find(name)?.args[argument]?.complete;
      return source ? completeFrom(source, typed, limit, deps.content.entries) : [];
    },
    home(origin) {
      return guarded(origin, 'home', () => homeReply(deps, origin));
    },
  };
}
