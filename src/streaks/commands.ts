import type { CommandModule } from '../core.ts';

export const streakCommands: CommandModule = { commands: {}, actions: {} };
