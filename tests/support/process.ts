import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { childEnvironment } from '../../src/config.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export function tempDataFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'skillbot-run-')), 'data', 'skillbot.json');
}

/** Start the real entry point (`src/main.ts` through tsx, as `npm start` does) with `env` added. */
export function startBot(env: Record<string, string>, args: string[] = []): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: childEnvironment({ LOG_LEVEL: 'warn', SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', ...env }),
    stdio: 'pipe',
  });
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function collect(child: ChildProcessWithoutNullStreams): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolvePromise) =>
    child.on('close', (code) => resolvePromise({ code, stdout, stderr })),
  );
}

/** Run the bot with `input` piped to it and wait for it to exit. */
export function runWithInput(
  input: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<Finished> {
  const child = startBot(env, args);
  const done = collect(child);
  child.stdin.end(input);
  return done;
}
