/**
 * Killing the `npm start` process (SIGTERM or SIGKILL) must not leave the bot running under it,
 * still holding the data file's lock: the bot notices its launcher is gone and shuts down cleanly.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { childEnvironment } from '../../src/config.ts';
import { isLauncher, launchersAbove } from '../../src/runtime/orphan.ts';
import { collect, ROOT, tempDataFile } from '../support/process.ts';

describe('which ancestors are launchers', () => {
  it.each([
    [['npm start', '', ''], true],
    [['sh', '-c', 'tsx src/main.ts'], true],
    [['node', '/app/node_modules/.bin/tsx', 'src/main.ts'], true],
    [['/usr/bin/node', '/usr/lib/node_modules/npm/bin/npm-cli.js', 'start'], true],
    [['npx', 'tsx', 'src/main.ts'], true],
    [['-bash'], false],
    [['bash'], false],
    [['/sbin/init'], false],
    [['/usr/lib/systemd/systemd', '--user'], false],
    [['node', 'dist/src/main.js'], false],
    [['sh', '-c', 'exec ./backup.sh'], false],
  ])('%j is a launcher: %s', (argv, expected) => {
    expect(isLauncher(argv)).toBe(expected);
  });

  it('watches the unbroken run of launchers above the bot, and stops at the first that is not one', () => {
    const table: Record<number, { ppid: number; started: string; argv: string[] }> = {
      50: { ppid: 40, started: 'b', argv: ['node', 'loader', 'src/main.ts'] },
      40: { ppid: 30, started: 't', argv: ['node', '/x/node_modules/.bin/tsx', 'src/main.ts'] },
      30: { ppid: 20, started: 's', argv: ['sh', '-c', 'tsx src/main.ts'] },
      20: { ppid: 10, started: 'n', argv: ['npm start'] },
      10: { ppid: 1, started: 'z', argv: ['-bash'] },
    };
    const read = (pid: number) => table[pid];
    expect(launchersAbove(50, read).map((l) => l.pid)).toEqual([40, 30, 20]);
    expect(launchersAbove(10, read)).toEqual([]);
  });
});

/** Every process below `root`, from /proc (Linux). */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    for (const [child, parent] of parents) {
      if (parent === pid) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return done();
}

describe.each(['SIGTERM', 'SIGKILL'] as const)('%s to the npm start process', (signal) => {
  it('stops the bot under it, releases the lock and keeps the check-in', async () => {
    const dataFile = tempDataFile();
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: childEnvironment({
        LOG_LEVEL: 'warn',
        SLACK_BOT_TOKEN: '',
        DISCORD_TOKEN: '',
        DATA_FILE: dataFile,
      }),
      stdio: 'pipe',
    });
    const finished = collect(npm);
    let stdout = '';
    npm.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    npm.stdin.write('done\n');
    const counted = await until(() => /Counted/.test(stdout), 60_000);
    const below = descendants(npm.pid as number);
    try {
      expect(counted, stdout).toBe(true);
      expect(existsSync(`${dataFile}.lock`)).toBe(true);
      npm.kill(signal);
      await finished;
      // The bot (and the tsx and sh between) leave on their own within seconds.
      const gone = await until(() => below.every((pid) => !alive(pid)), 15_000);
      expect(gone).toBe(true);
      expect(existsSync(`${dataFile}.lock`)).toBe(false);
      const data = JSON.parse(readFileSync(dataFile, 'utf8'));
      expect(Object.keys(data.users)).toHaveLength(1);
    } finally {
      for (const pid of below) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  }, 90_000);
});
