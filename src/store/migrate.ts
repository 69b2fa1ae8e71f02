/**
 * Schema migrations: each step brings raw data from version n to n + 1. Steps run on the parsed
 * JSON before validation, so a step only needs to know the shape it starts from.
 */
import { SCHEMA_VERSION } from './types.ts';

export type RawData = Record<string, unknown>;
export type Step = (raw: RawData) => RawData;

const isRecord = (value: unknown): value is RawData =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 0 is the prototype's file: no `version`, workspace settings under `settings`, users
 * without `quizAnswers`, and no schedules or post log yet.
 */
function v0ToV1(raw: RawData): RawData {
  const { settings, ...rest } = raw;
  // Anything unexpected is passed through untouched so validation refuses it rather than dropping it.
  const users = isRecord(rest.users)
    ? Object.fromEntries(
        Object.entries(rest.users).map(([key, user]) => [
          key,
          isRecord(user) ? { quizAnswers: {}, ...user } : user,
        ]),
      )
    : (rest.users ?? {});
  return {
    ...rest,
    version: 1,
    users,
    workspaces: rest.workspaces ?? settings ?? {},
    schedules: rest.schedules ?? {},
    posts: rest.posts ?? {},
  };
}

/** Key: the version a step starts from. */
export const MIGRATIONS: Record<number, Step> = { 0: v0ToV1 };

/** The schema version a raw file declares; a file without one is version 0. */
export function versionOf(raw: RawData): number | undefined {
  if (!('version' in raw)) return 0;
  return Number.isInteger(raw.version) && (raw.version as number) >= 0 ? (raw.version as number) : undefined;
}

/** Run every step from `from` up to `to` (default: the current schema). Throws when a step is missing. */
export function migrate(
  raw: RawData,
  from: number,
  to: number = SCHEMA_VERSION,
  steps: Record<number, Step> = MIGRATIONS,
): RawData {
  let data = raw;
  for (let version = from; version < to; version++) {
    const step = steps[version];
    if (!step) throw new Error(`no migration from schema version ${version} to ${version + 1}`);
    data = step(data);
  }
  return data;
}
