/** The node flags `npm start` passes (package.json), so benches run the bot exactly as it does. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export function npmStartNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [program, ...args] = pkg.scripts.start.split(/\s+/);
  if (program !== 'node')
    throw new Error(`npm start runs ${program}, not node: update ${import.meta.filename}`);
  return args.filter((arg) => arg.startsWith('--'));
}
