import type { Answerer } from './answer/types.ts';
import type { TipDefaults } from './config.ts';
import type { Content } from './content/load.ts';
import type { Logger } from './log.ts';
import type { Store } from './store/types.ts';
import type { ActionEvent, Clock, Incoming, Reply } from './types.ts';

/** Settings the core needs from the configuration (never the whole config: no secrets in the core). */
export interface CoreSettings {
  defaultTimezone: string;
  tips: TipDefaults;
}

/** Everything a command needs, passed in explicitly: no globals, no service locator. */
export interface CoreDeps {
  content: Content;
  answerer: Answerer;
  store: Store;
  clock: Clock;
  settings: CoreSettings;
  log: Logger;
}

export type CommandHandler = (msg: Incoming, args: string, deps: CoreDeps) => Reply | Promise<Reply>;
export type ActionHandler = (action: ActionEvent, deps: CoreDeps) => Reply | Promise<Reply>;

/** A feature area contributes the commands and button actions it owns. */
export interface CommandModule {
  commands: Partial<Record<string, CommandHandler>>;
  actions: Partial<Record<string, ActionHandler>>;
}
