/**
 * Started through `npm start` (npm → sh -c → tsx → node), the bot is the last of a chain of
 * launchers. Killing npm (SIGTERM or SIGKILL) does not reach it: it would keep running, holding
 * the data file's lock, with nothing left to stop it. So it watches the launchers it was started
 * by, and shuts down cleanly when one of them is gone. A bot started by a supervisor, a shell or
 * `node` directly has no launcher above it and watches nothing.
 *
 * Linux only (it reads /proc); elsewhere there is nothing to watch.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export const ORPHAN_CHECK_MS = 1_000;

interface ProcessInfo {
  ppid: number;
  /** Start time in clock ticks since boot: a reused pid has another. */
  started: string;
  argv: string[];
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: parse after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { ppid: Number(fields[1]), started: fields[19] ?? '', argv };
  } catch {
    return undefined;
  }
}

const LAUNCHER_SCRIPTS = new Set(['npm', 'npx', 'tsx', 'npm-cli.js', 'npx-cli.js']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh']);

/** npm, npx, tsx (as themselves or as `node <their script>`), or a shell running `-c` for one. */
export function isLauncher(argv: readonly string[]): boolean {
  const [program = '', first = '', second = ''] = argv.map((arg) => arg.trim());
  // npm sets its title to `npm start`, which replaces its whole command line.
  const name = basename(program.split(' ')[0] ?? '');
  if (LAUNCHER_SCRIPTS.has(name)) return true;
  if (SHELLS.has(name)) return first === '-c' && /\b(npm|npx|tsx|node)\b/.test(second);
  if (name === 'node' || name === 'nodejs') {
    const script = argv.slice(1).find((arg) => !arg.startsWith('-')) ?? '';
    return /(^|\/)(npm|npx|tsx)(\/|$)|npm-cli\.js$|npx-cli\.js$|\/\.bin\/tsx$/.test(script);
  }
  return false;
}

interface Watched {
  pid: number;
  started: string;
}

/** The unbroken run of launchers directly above `pid`. */
export function launchersAbove(pid: number, read = readProcess): Watched[] {
  const chain: Watched[] = [];
  let current = read(pid);
  while (current && current.ppid > 1 && chain.length < 16) {
    const parent = read(current.ppid);
    if (!parent || !isLauncher(parent.argv)) break;
    chain.push({ pid: current.ppid, started: parent.started });
    current = parent;
  }
  return chain;
}

/**
 * Call `onOrphaned` once when any launcher above this process is gone. Returns a function that
 * stops watching. The timer never keeps the process alive by itself.
 */
export function watchLaunchers(onOrphaned: (pid: number) => void, read = readProcess): () => void {
  const chain = launchersAbove(process.pid, read);
  if (chain.length === 0) return () => {};
  const timer = setInterval(() => {
    const gone = chain.find((launcher) => read(launcher.pid)?.started !== launcher.started);
    if (!gone) return;
    clearInterval(timer);
    onOrphaned(gone.pid);
  }, ORPHAN_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
