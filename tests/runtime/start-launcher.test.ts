/**
 * `npm start` runs scripts/start.mjs: the bot compiled with esbuild, rebuilt only when a source
 * it was built from changed, and run without the TypeScript loader.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnvironment } from '../../src/config.ts';
import { collect, ROOT, tempDataFile } from '../support/process.ts';

const POINTER = join(ROOT, 'dist/start/current.json');
const COMPILED = /compiled the sources changed since the last start/;

function startLauncher(input: string, dataFile: string) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: childEnvironment({ LOG_LEVEL: 'warn', SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', DATA_FILE: dataFile }),
    stdio: 'pipe',
  });
  child.stdin.end(input);
  return collect(child);
}

describe('npm start: the compiled bot, rebuilt when its sources change', () => {
  it('reuses the build while nothing changed, rebuilds after an edit, and the bot works either way', async () => {
    const dataFile = tempDataFile();
    await startLauncher('', dataFile); // whatever state dist/start/ was in, it is built now
    const unchanged = await startLauncher('done\n', dataFile);
    expect(unchanged.code).toBe(0);
    expect(unchanged.stdout).toMatch(/Counted/);
    expect(unchanged.stderr).not.toMatch(COMPILED);

    const pointer = JSON.parse(readFileSync(POINTER, 'utf8')) as { build: string; inputs: object };
    expect(Object.keys(pointer.inputs)).toEqual(expect.arrayContaining(['src/main.ts', 'src/bot.ts']));
    expect(statSync(join(ROOT, 'dist/start', pointer.build, 'main.js')).isFile()).toBe(true);

    // Saving a source (same bytes, new mtime) is an edit: the next start compiles first.
    const bot = join(ROOT, 'src/bot.ts');
    const later = new Date(statSync(bot).mtimeMs + 1_000);
    utimesSync(bot, later, later);
    const edited = await startLauncher('streak\n', dataFile);
    expect(edited.code).toBe(0);
    expect(edited.stderr).toMatch(COMPILED);
    expect(edited.stdout).toMatch(/1-day|1 day|streak/i);
  }, 60_000);
});
