/**
 * The only module that reads the environment. Everything else receives a validated `Config`.
 * A wrong value stops start-up with the variable's name and the fix; secret values are never echoed.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { resolveTimeZone } from './commands/resolvers.ts';
import { ConfigError } from './errors.ts';
import type { LogLevel } from './log.ts';
import { Secret } from './secret.ts';
import type { DayPolicy } from './store/types.ts';

export interface TipDefaults {
  time?: string;
  timezone?: string;
  days: DayPolicy;
  catchupHours: number;
  /** Days the post log keeps (each channel's current rotation cycle is kept regardless). Default 60. */
  postRetentionDays?: number;
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
  /** Each configured platform's own settings, by platform id; a platform its variables leave off is absent. */
  platforms: Readonly<Record<string, unknown>>;
}

/**
 * A platform's configuration, owned by its adapter: its environment variables (validated here,
 * with the core's, so every problem is reported the same way) and how they become its settings.
 */
export interface PlatformConfigSpec<T> {
  schema: z.ZodObject;
  /** Variables holding secrets: a message about them never quotes the value. */
  secretVariables: readonly string[];
  /** The platform's settings, or undefined when its variables leave it off; throws `ConfigError` for half a setup. */
  settings(env: Record<string, unknown>): T | undefined;
}

/** A platform as the config module sees it. */
export interface ConfiguredPlatform {
  id: string;
  config?: PlatformConfigSpec<unknown>;
}

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);

/** The same rule as the `timezone` command: IANA names only, abbreviations refused with the zones they likely mean. */
const timeZone = z.string().transform((value, ctx) => {
  const result = resolveTimeZone(value);
  if (result.ok) return result.value;
  const suggestions = result.suggestions.slice(0, 3);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(' or ')}?` : '';
  ctx.addIssue({
    code: 'custom',
    message: `is not an IANA timezone name (example: Europe/Berlin, UTC): ${result.problem}${hint}`,
  });
  return z.NEVER;
});
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

/** Building blocks for platforms' variables: blank counts as unset, and messages name the fix. */
export const envVar = { optional, withDefault, port, httpUrl, prefixed };

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
  POST_RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(7).max(3650).default(60)),
  HEALTH_PORT: optional(port),
});

/** Core variables holding secrets; each platform names its own (`secretVariables`). */
const CORE_SECRET_VARIABLES = ['DATABASE_URL'];

function describeIssues(error: z.ZodError, secrets: ReadonlySet<string>): string {
  return error.issues
    .map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      // zod may quote the received value in its message; for secrets only our own wording is used.
      const message =
        secrets.has(name) && issue.code === 'invalid_type' ? 'has the wrong type' : issue.message;
      return `  ${name} ${message}`;
    })
    .join('\n');
}

function platformSettings(platforms: readonly ConfiguredPlatform[], env: Record<string, unknown>) {
  const settings: Record<string, unknown> = {};
  for (const platform of platforms) {
    const value = platform.config?.settings(env);
    if (value !== undefined) settings[platform.id] = value;
  }
  return settings;
}

/**
 * Validate an environment (default: this process's) into a `Config`, or throw `ConfigError`.
 * `platforms` add their own variables; the composition root passes every platform it knows.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  platforms: readonly ConfiguredPlatform[] = [],
): Config {
  const shape = Object.assign({}, EnvSchema.shape, ...platforms.map((p) => p.config?.schema.shape ?? {}));
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    const secrets = new Set([
      ...CORE_SECRET_VARIABLES,
      ...platforms.flatMap((p) => p.config?.secretVariables ?? []),
    ]);
    throw new ConfigError(
      `Invalid configuration:\n${describeIssues(parsed.error, secrets)}\nSee .env.example for each variable.`,
    );
  }
  const e = parsed.data as z.infer<typeof EnvSchema>;
  return {
    dataFile: e.DATA_FILE,
    databaseUrl: e.DATABASE_URL ? new Secret(e.DATABASE_URL) : undefined,
    contentDir: e.CONTENT_DIR,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    tips: {
      time: e.TIP_TIME,
      timezone: e.TIP_TIMEZONE,
      days: e.TIP_DAYS,
      catchupHours: e.TIP_CATCHUP_HOURS,
      postRetentionDays: e.POST_RETENTION_DAYS,
    },
    healthPort: e.HEALTH_PORT,
    platforms: platformSettings(platforms, parsed.data),
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
