/**
 * Several skillbot instances (the real entry point, as `npm start` runs it) sharing one database,
 * for the multi-instance drills: start them, read their JSON log lines, stop them.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { collect, type Finished, startBot } from './process.ts';

/** Start-up goes through tsx: on a loaded 2-core machine it can take many seconds. */
export const START_GUARD_MS = 90_000;

export type LogLine = Record<string, unknown> & { msg?: string };

export interface Instance {
  name: string;
  child: ChildProcessWithoutNullStreams;
  finished: Promise<Finished>;
  /** Every JSON log line so far. */
  lines: LogLine[];
  /** Resolves with the first log line (past or future) matching; rejects if the instance exits first. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
}

function parse(raw: string): LogLine | undefined {
  if (!raw.startsWith('{')) return undefined;
  try {
    return JSON.parse(raw) as LogLine;
  } catch {
    return undefined;
  }
}

export function startInstance(name: string, env: Record<string, string>): Instance {
  const child = startBot({ LOG_LEVEL: 'info', ...env });
  const finished = collect(child);
  const lines: LogLine[] = [];
  let pending = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const parts = (pending + chunk.toString()).split('\n');
    pending = parts.pop() ?? '';
    for (const raw of parts) {
      const line = parse(raw);
      if (line) lines.push(line);
    }
  });
  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs = START_GUARD_MS) =>
    new Promise<LogLine>((resolve, reject) => {
      const poll = setInterval(() => {
        const found = lines.find(match);
        if (found) done(() => resolve(found));
        else if (child.exitCode !== null || child.signalCode !== null) {
          done(() => reject(new Error(`${name} exited before the log line:\n${JSON.stringify(lines)}`)));
        }
      }, 20);
      const timer = setTimeout(
        () => done(() => reject(new Error(`${name}: no matching log line:\n${JSON.stringify(lines)}`))),
        timeoutMs,
      );
      const done = (settle: () => void) => {
        clearInterval(poll);
        clearTimeout(timer);
        settle();
      };
    });
  return { name, child, finished, lines, waitForLog };
}

/** SIGKILL an instance that is still running and wait until it is gone. */
export async function killInstance(instance: Instance | undefined): Promise<void> {
  if (!instance) return;
  const { child } = instance;
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await instance.finished;
}
