/**
 * The only module that reads the environment. Everything else receives a validated `Config`.
 * A wrong value stops start-up with the variable's name and the fix; secret values are never echoed.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from './errors.ts';
import type { LogLevel } from './log.ts';
import { Secret } from './secret.ts';
import type { DayPolicy } from './store/types.ts';
import { isValidTimeZone } from './time.ts';

export interface SlackConfig {
  botToken: Secret;
  signingSecret?: Secret;
  appToken?: Secret;
  apiUrl?: string;
  command: string;
  tipChannel?: string;
  port: number;
}

export interface DiscordConfig {
  token: Secret;
  apiUrl?: string;
  guildId?: string;
  tipChannel?: string;
}

export interface TipDefaults {
  time?: string;
  timezone?: string;
  days: DayPolicy;
  catchupHours: number;
}

export interface Config {
  dataFile: string;
  /** PostgreSQL instead of the data file, for several instances sharing one database. */
  databaseUrl?: Secret;
  contentDir: string;
  defaultTimezone: string;
  /** Unset: `warn` in the local console (a quiet terminal), `info` when serving a platform. */
  logLevel?: LogLevel;
  tips: TipDefaults;
  healthPort?: number;
  slack?: SlackConfig;
  discord?: DiscordConfig;
}

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const timeZone = z
  .string()
  .refine(isValidTimeZone, 'is not an IANA timezone name (example: Europe/Berlin, UTC)');
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time HH:MM (example: 09:30)');
const port = z.coerce.number().int().min(1).max(65535, 'must be a port number from 1 to 65535');
const httpUrl = z
  .string()
  .url('must be a URL (example: https://slack.com/api/)')
  .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://');
/** The URL itself may carry a password, so messages describe it without quoting it. */
const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/skillbot');
const prefixed = (prefix: string) =>
  z
    .string()
    .refine(
      (v) => v.startsWith(prefix),
      `must start with "${prefix}" (copy it again from the app's settings)`,
    );

const EnvSchema = z.object({
  DATA_FILE: z.preprocess(blankToUndefined, z.string().default('./data/skillbot.json')),
  DATABASE_URL: optional(postgresUrl),
  CONTENT_DIR: z.preprocess(blankToUndefined, z.string().default('./content')),
  DEFAULT_TIMEZONE: z.preprocess(blankToUndefined, timeZone.default('UTC')),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ),
  TIP_TIME: optional(clockTime),
  TIP_TIMEZONE: optional(timeZone),
  TIP_DAYS: z.preprocess(blankToUndefined, z.enum(['weekdays', 'daily']).default('weekdays')),
  TIP_CATCHUP_HOURS: z.preprocess(blankToUndefined, z.coerce.number().min(0).max(23).default(3)),
  HEALTH_PORT: optional(port),
  SLACK_BOT_TOKEN: optional(prefixed('xoxb-')),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, 'looks too short to be a signing secret')),
  SLACK_APP_TOKEN: optional(prefixed('xapp-')),
  SLACK_API_URL: optional(httpUrl),
  SLACK_COMMAND: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\/[a-z0-9_-]{1,31}$/, 'must be a slash command such as /skills')
      .default('/skills'),
  ),
  SLACK_TIP_CHANNEL: optional(z.string().regex(/^[CG][A-Z0-9]+$/, 'must be a channel id such as C0123ABCD')),
  PORT: z.preprocess(blankToUndefined, port.default(3000)),
  DISCORD_TOKEN: optional(z.string().min(20, 'looks too short to be a bot token')),
  DISCORD_API_URL: optional(httpUrl),
  DISCORD_GUILD_ID: optional(z.string().regex(/^\d{5,25}$/, 'must be a numeric server (guild) id')),
  DISCORD_TIP_CHANNEL: optional(z.string().regex(/^\d{5,25}$/, 'must be a numeric channel id')),
});

type Env = z.infer<typeof EnvSchema>;

const SECRET_VARIABLES = new Set([
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DISCORD_TOKEN',
  'DATABASE_URL',
]);

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      // zod may quote the received value in its message; for secrets only our own wording is used.
      const message =
        SECRET_VARIABLES.has(name) && issue.code === 'invalid_type' ? 'has the wrong type' : issue.message;
      return `  ${name} ${message}`;
    })
    .join('\n');
}

function slackConfig(env: Env): SlackConfig | undefined {
  if (!env.SLACK_BOT_TOKEN) {
    if (env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) {
      throw new ConfigError(
        'SLACK_BOT_TOKEN is missing: set it to the Bot User OAuth Token (xoxb-...) to run on Slack.',
      );
    }
    return undefined;
  }
  if (!env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET is missing: set it (Basic Information > Signing Secret) for HTTP mode, ' +
        'or set SLACK_APP_TOKEN (xapp-...) for Socket Mode.',
    );
  }
  return {
    botToken: new Secret(env.SLACK_BOT_TOKEN),
    signingSecret: env.SLACK_SIGNING_SECRET ? new Secret(env.SLACK_SIGNING_SECRET) : undefined,
    appToken: env.SLACK_APP_TOKEN ? new Secret(env.SLACK_APP_TOKEN) : undefined,
    apiUrl: env.SLACK_API_URL,
    command: env.SLACK_COMMAND,
    tipChannel: env.SLACK_TIP_CHANNEL,
    port: env.PORT,
  };
}

function discordConfig(env: Env): DiscordConfig | undefined {
  if (!env.DISCORD_TOKEN) return undefined;
  return {
    token: new Secret(env.DISCORD_TOKEN),
    apiUrl: env.DISCORD_API_URL,
    guildId: env.DISCORD_GUILD_ID,
    tipChannel: env.DISCORD_TIP_CHANNEL,
  };
}

/** Validate an environment (default: this process's) into a `Config`, or throw `ConfigError`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      `Invalid configuration:\n${describeIssues(parsed.error)}\nSee .env.example for each variable.`,
    );
  }
  const e = parsed.data;
  return {
    dataFile: e.DATA_FILE,
    databaseUrl: e.DATABASE_URL ? new Secret(e.DATABASE_URL) : undefined,
    contentDir: e.CONTENT_DIR,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    tips: { time: e.TIP_TIME, timezone: e.TIP_TIMEZONE, days: e.TIP_DAYS, catchupHours: e.TIP_CATCHUP_HOURS },
    healthPort: e.HEALTH_PORT,
    slack: slackConfig(e),
    discord: discordConfig(e),
  };
}

/** Load `.env` from the working directory into the process environment when one exists (never overriding). */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** This process's environment with `overrides`, for starting the bot as a child (benchmarks, drills). */
export function childEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
