import type { Answerer } from './answer/types.ts';
import type { TipDefaults } from './config.ts';
import type { Content } from './content/load.ts';
import type { Logger } from './log.ts';
import type { StorePort } from './store/port.ts';
import type { ActionEvent, Clock, Reply } from './types.ts';

/** Settings the core needs from the configuration (never the whole config: no secrets in the core). */
export interface CoreSettings {
  defaultTimezone: string;
  tips: TipDefaults;
}

/** Everything a command needs, passed in explicitly: no globals, no service locator. */
export interface CoreDeps {
  content: Content;
  answerer: Answerer;
  store: StorePort;
  clock: Clock;
  settings: CoreSettings;
  log: Logger;
}

export type ActionHandler = (action: ActionEvent, deps: CoreDeps) => Reply | Promise<Reply>;

/** A feature area's button actions, keyed by the action id it put on its buttons. Commands live in the registry. */
export type ActionModule = Partial<Record<string, ActionHandler>>;
