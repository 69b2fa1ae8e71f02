/**
 * The slash command's usage hint, generated from the core's command registry. Slack reads it
 * from the app manifest, so a test keeps `manifest.yml` in step with this.
 */
import type { Command } from '../../src/commands/registry.ts';

/** `[question] | skill <name> | list | ... | help`: a question, or any command. */
export function usageHint(commands: readonly Command[]): string {
  const words = commands.filter((c) => c.name !== 'ask' && c.name !== 'help').map((c) => c.usage);
  return ['[question]', ...words, 'help'].join(' | ');
}
