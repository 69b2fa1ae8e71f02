/**
 * Bench sections that measure the bot's own code run it compiled, as `npm start` does
 * (scripts/start.mjs): the section's file bundled by esbuild with node_modules left external,
 * run by node with npm start's flags. No TypeScript loader sits in the measured process.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { npmStartNodeFlags } from './start-flags.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Bundle `entry` (a bench file) into dist/bench/<name>.mjs; returns its path. */
export async function compileBench(entry: string, name: string): Promise<string> {
  const outfile = join(ROOT, 'dist/bench', `${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile,
    // Every bundled module would otherwise see the bundle's own URL and take itself for the main
    // module (`import.meta.url === argv[1]`), running its own section too. The children are told
    // what to do by their arguments instead.
    define: { 'import.meta.url': '"bundled:bench"' },
    logLevel: 'error',
  });
  return outfile;
}

/** Run a compiled bench file with npm start's node flags; returns the last line it printed, parsed. */
export function runCompiled<T>(file: string, args: string[]): T {
  const out = execFileSync(process.execPath, [...npmStartNodeFlags(), file, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1) as string) as T;
}
