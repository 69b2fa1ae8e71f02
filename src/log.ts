import pino, { type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';

export type { Logger };
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * Paths pino blanks wherever they appear in a log object, so a token never reaches a log
 * even when a whole config, request or error object is logged. Each platform adds the paths of
 * its own secrets (its `redactPaths`).
 */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'err.config.headers.Authorization',
  'err.request.headers.authorization',
];

export interface LogOutput {
  /** Readable single lines instead of JSON (a terminal is watching). */
  pretty: boolean;
  /**
   * Where each finished line goes, synchronously, in order. Default: stderr. The console passes
   * its own sink so a log line never lands in the middle of its prompt.
   */
  sink?: (line: string) => void;
}

/**
 * Logs always go to stderr so stdout stays clean for the console's replies and the scripts' JSON.
 * JSON when stderr is not a terminal; readable when it is.
 */
export function createLogger(
  level: LogLevel,
  output: LogOutput = { pretty: process.stderr.isTTY === true },
  platformPaths: readonly string[] = [],
): Logger {
  const paths = [...REDACT_PATHS, ...platformPaths];
  const options = { level, redact: { paths, censor: '[redacted]' }, base: { app: 'skillbot' } };
  const { pretty, sink } = output;
  if (sink) {
    const format = pretty
      ? prettyFactory({ colorize: true, singleLine: true, ignore: 'pid,hostname,app' })
      : undefined;
    return pino(options, { write: (line: string) => sink(format ? format(line) : line) });
  }
  if (pretty) {
    return pino(
      options,
      pino.transport({
        target: 'pino-pretty',
        options: { destination: 2, colorize: true, singleLine: true, ignore: 'pid,hostname,app' },
      }),
    );
  }
  return pino(options, pino.destination({ fd: 2, sync: true }));
}

/** A logger that drops everything, for tests and scripts that print their own output. */
export const silentLogger: Logger = pino({ level: 'silent' });
