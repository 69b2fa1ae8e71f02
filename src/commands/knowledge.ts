import type { CommandModule } from '../core.ts';

export const knowledgeCommands: CommandModule = { commands: {}, actions: {} };
