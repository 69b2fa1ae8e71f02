/**
 * Every command family, in the order `help` and platform command lists show them. A new command
 * goes into its family's file; a new family is one more line here.
 */
import { rightsCommands } from '../rights/commands.ts';
import { streakCommands } from '../streaks/commands.ts';
import { tipCommands } from '../tips/commands.ts';
import { createRegistry } from './dispatch.ts';
import { knowledgeCommands } from './knowledge.ts';
import type { Command } from './registry.ts';

export const COMMANDS: readonly Command[] = [
  ...knowledgeCommands,
  ...streakCommands,
  ...tipCommands,
  ...rightsCommands,
];

/** Every command a bot serves by default, `help` included: what platforms register. */
export function servedCommands(): readonly Command[] {
  return createRegistry(COMMANDS).commands;
}
