import type { CommandModule } from '../core.ts';

export const tipCommands: CommandModule = { commands: {}, actions: {} };
