import pino from 'pino';
import { type Logger, REDACT_PATHS } from '../../src/log.ts';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A real pino logger (with the app's redaction) whose lines are kept, parsed, for assertions. */
export function captureLogger(): { log: Logger; lines: LogLine[]; text: () => string } {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const log = pino(
    { level: 'debug', redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    {
      write(chunk: string) {
        raw.push(chunk);
        lines.push(JSON.parse(chunk) as LogLine);
      },
    },
  );
  return { log, lines, text: () => raw.join('') };
}

export const WARN = 40;
