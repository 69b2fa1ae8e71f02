/** Real temp folders and a log that tests can read. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'skillbot-store-'));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface CapturedLog {
  log: Logger;
  lines: Array<Record<string, unknown>>;
}

/** A logger whose lines land in `lines`; `onLine` runs synchronously as each is logged. */
export function captureLog(onLine?: (line: Record<string, unknown>) => void): CapturedLog {
  const lines: Array<Record<string, unknown>> = [];
  const write = (text: string) => {
    const line = JSON.parse(text) as Record<string, unknown>;
    lines.push(line);
    onLine?.(line);
  };
  const log = pino({ level: 'info' }, { write });
  return { log, lines };
}
