/**
 * The composition root: the only file in src/ that may import adapters, and the one place that
 * lists the platforms. It reads the configuration, picks the adapters whose credentials are set
 * (or the console), and runs.
 */
import { parseArgs } from 'node:util';
import { consolePlatform } from '../adapters/console/platform.ts';
import { PromptLine } from '../adapters/console/prompt.ts';
import { type DiscordConfig, discordPlatform } from '../adapters/discord/platform.ts';
import { type SlackConfig, slackPlatform } from '../adapters/slack/platform.ts';
import type { Adapter } from './adapter.ts';
import { type Config, loadConfig, loadDotEnv } from './config.ts';
import { ConfigError, ContentError, DataFileError, SkillbotError } from './errors.ts';
import { createLogger, type Logger } from './log.ts';
import type { PlatformSpec } from './platform.ts';
import { type AdapterContext, type RunningApp, startApp } from './runtime/app.ts';
import { leaderOnly } from './runtime/leader-only.ts';
import { watchLaunchers } from './runtime/orphan.ts';
import { systemClock } from './types.ts';

/** Exit status for "fix the configuration, then start again" (sysexits EX_CONFIG), so supervisors need not loop. */
const EXIT_CONFIG = 78;

type AdapterFactory = (context: AdapterContext) => Adapter;

/** A platform that runs when its variables configure it; its adapter's code loads only then. */
interface ConfigurablePlatform {
  spec: PlatformSpec;
  load(config: unknown, log: Logger): Promise<AdapterFactory>;
}

/** Pairs a platform with its adapter; `config` is what the platform's own config spec produced. */
function platform<C>(
  spec: PlatformSpec,
  load: (config: C, log: Logger) => Promise<AdapterFactory>,
): ConfigurablePlatform {
  return { spec, load: (config, log) => load(config as C, log) };
}

/**
 * Every platform skillbot can run on. @slack/bolt and discord.js are large, so each adapter is
 * imported only when its platform is configured: the console, or a Slack-only bot, does not pay
 * for the others.
 */
const PLATFORMS: readonly ConfigurablePlatform[] = [
  platform<SlackConfig>(slackPlatform, async (config, log) => {
    const { createSlackAdapter } = await import('../adapters/slack/index.ts');
    return ({ bot, readiness }) => createSlackAdapter({ config, bot, log, clock: systemClock, readiness });
  }),
  platform<DiscordConfig>(discordPlatform, async (config, log) => {
    const { createDiscordAdapter } = await import('../adapters/discord/index.ts');
    // One gateway connection per bot token: with several instances, only the leader holds it.
    return ({ bot, fatal, leadership }) =>
      leaderOnly({
        role: 'discord gateway',
        leadership,
        log,
        onFatal: fatal,
        make: () => createDiscordAdapter({ config, bot, log, clock: systemClock, onFatal: fatal }),
      });
  }),
];

/** What the core is told about every platform (the console runs when no other is configured). */
const SPECS: readonly PlatformSpec[] = [consolePlatform, ...PLATFORMS.map((p) => p.spec)];

async function platformFactories(config: Config, log: Logger): Promise<AdapterFactory[]> {
  const configured = PLATFORMS.filter((p) => config.platforms[p.spec.id] !== undefined);
  return Promise.all(configured.map((p) => p.load(config.platforms[p.spec.id], log)));
}

/** With no platform configured, the console runs; its prompt line is shared with the log sink. */
const consolePrompt = new PromptLine(process.stdout, process.stdin.isTTY === true);

/**
 * The console's code loads only when it runs: its Markdown renderer (marked-terminal, with every
 * highlight.js language) adds about 13 MB to a Slack or Discord bot that never prints to a terminal.
 */
async function consoleFactory(log: Logger, onConsoleEnd: () => void): Promise<AdapterFactory> {
  const { createConsoleAdapter } = await import('../adapters/console/index.ts');
  const { values } = parseArgs({ options: { user: { type: 'string' } }, strict: false });
  const user = typeof values.user === 'string' && values.user.trim() ? values.user.trim() : 'you';
  return ({ bot }) =>
    createConsoleAdapter({
      bot,
      log,
      clock: systemClock,
      input: process.stdin,
      output: process.stdout,
      user,
      interactive: process.stdin.isTTY === true,
      prompt: consolePrompt,
      color: process.stdout.isTTY === true,
      onEnd: onConsoleEnd,
    });
}

async function chooseAdapters(config: Config, log: Logger, onConsoleEnd: () => void) {
  const platforms = await platformFactories(config, log);
  const factories = platforms.length > 0 ? platforms : [await consoleFactory(log, onConsoleEnd)];
  return (context: AdapterContext): Adapter[] => factories.map((make) => make(context));
}

/** Print why start-up failed, once and without a stack trace unless the failure is unexpected. */
function explainFatal(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`skillbot cannot start: ${message}\n`);
  if (!(error instanceof SkillbotError) && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
  const needsFix =
    error instanceof ConfigError || error instanceof ContentError || error instanceof DataFileError;
  return needsFix ? EXIT_CONFIG : 1;
}

/** Shutdown is bounded step by step; this is the backstop should one step still hang. */
const SHUTDOWN_DEADLINE_MS = 9_500;

/**
 * Signals are handled from the first moment, not only once start-up returns: the health server
 * answers during start-up, so a supervisor may already send SIGTERM then. A stop asked for while
 * starting waits for the app, then shuts it down like any other.
 */
function installSignalHandlers(log: Logger): (app: RunningApp) => void {
  let stopping = false;
  let started: ((app: RunningApp) => void) | undefined;
  const running = new Promise<RunningApp>((resolve) => {
    started = resolve;
  });
  const stop = (reason: string) => {
    stopping = true;
    const deadline = setTimeout(() => {
      log.error({ reason }, `shutdown did not finish within ${SHUTDOWN_DEADLINE_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    running
      .then((app) => app.shutdown(reason))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // A second signal: leave at once.
    stop(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // Started by `npm start` and npm was killed: nothing else would ever stop us (or free the lock).
  watchLaunchers((launcher) => {
    log.warn({ launcher }, 'the process that started skillbot is gone; shutting down');
    if (!stopping) stop('launcher exited');
  });
  return (app) => started?.(app);
}

/**
 * In the console, logs stay quiet (`warn` unless LOG_LEVEL says otherwise) and go around the
 * prompt; serving a platform, `info` by default, straight to stderr.
 */
function createMainLogger(config: Config): Logger {
  const pretty = process.stderr.isTTY === true;
  const secrets = SPECS.flatMap((spec) => spec.redactPaths ?? []);
  if (Object.keys(config.platforms).length > 0) {
    return createLogger(config.logLevel ?? 'info', { pretty }, secrets);
  }
  const sink = (line: string) => consolePrompt.around(() => process.stderr.write(line));
  return createLogger(config.logLevel ?? 'warn', { pretty, sink }, secrets);
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig(undefined, SPECS);
  const log = createMainLogger(config);
  // One bad event never kills the process: log it and carry on.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
  process.on('uncaughtException', (error) => log.error({ err: error }, 'uncaught exception'));
  // The console can reach the end of its input before start-up has returned.
  let inputEnded: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    inputEnded = resolve;
  });
  const startedApp = installSignalHandlers(log);
  const app = await startApp({
    config,
    log,
    clock: systemClock,
    makeAdapters: await chooseAdapters(config, log, () => inputEnded()),
    platforms: SPECS,
    onFatal: (error) => {
      process.stderr.write(`skillbot stopped: ${error.message}\n`);
      void app.shutdown('fatal adapter error').finally(() => process.exit(EXIT_CONFIG));
    },
  });
  void ended.then(() => app.shutdown('end of input')).then(() => process.exit(0));
  startedApp(app);
  collectStartupGarbage();
}

/**
 * Start-up leaves garbage behind: the data file's text and its parsed copy (about 20 MB at 10,000
 * members), the model's and the content's. V8 would keep it until its next full collection, and
 * size the heap from it. With `--expose-gc` (which `npm start` passes), one full collection now
 * takes the bot's RSS 10-15 MB lower for good (measured at 10,000 members: 131-134 MB instead of 147
 * after 1,000 check-ins). Without the flag, nothing happens.
 */
function collectStartupGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

main().catch((error: unknown) => {
  process.exit(explainFatal(error));
});
