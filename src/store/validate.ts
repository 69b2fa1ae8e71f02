/**
 * Turning the data file's bytes into `StoreData`, or refusing with a message that names the file,
 * the problem and the way out. Never falls back to defaults: lowdb would, and the next write
 * would then replace the user's data.
 */
import { z } from 'zod';
import { DataFileError } from '../errors.ts';
import { migrate, type RawData, versionOf } from './migrate.ts';
import { SCHEMA_VERSION, type StoreData } from './types.ts';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
/** A platform id as its adapter registered it; records from a platform not running now are kept. */
const platform = z.string().min(1);
const dayPolicy = z.enum(['weekdays', 'daily']);

// Loose objects keep fields this version does not know, so nothing is dropped on the next write.
const UserSchema = z.looseObject({
  platform,
  workspaceId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  timezone: z.string().optional(),
  previousTimezone: z.string().optional(),
  timezoneFrom: localDate.optional(),
  checkins: z.array(localDate),
  quizAnswers: z.record(z.string(), z.number()),
});

const WorkspaceSchema = z.looseObject({
  timezone: z.string().optional(),
  learningDays: dayPolicy.optional(),
});

const ScheduleSchema = z.looseObject({
  platform,
  workspaceId: z.string(),
  channelId: z.string(),
  time: z.string(),
  timezone: z.string(),
  days: dayPolicy,
  source: z.enum(['command', 'env']),
  createdBy: z.string().optional(),
  createdAt: z.string(),
  paused: z.object({ reason: z.string(), at: z.string() }).optional(),
});

const PostSchema = z.looseObject({
  key: z.string(),
  platform,
  workspaceId: z.string(),
  channelId: z.string(),
  date: localDate,
  tipId: z.string(),
  status: z.enum(['claimed', 'sent', 'failed', 'skipped']),
  claimedAt: z.string(),
  attempts: z.number(),
  sentAt: z.string().optional(),
  messageId: z.string().optional(),
  reason: z.string().optional(),
});

const StoreSchema = z.looseObject({
  version: z.literal(SCHEMA_VERSION),
  users: z.record(z.string(), UserSchema),
  workspaces: z.record(z.string(), WorkspaceSchema),
  schedules: z.record(z.string(), ScheduleSchema),
  posts: z.record(z.string(), PostSchema),
});

const RECOVERY =
  'The file was left untouched. To recover, restore it from a backup or repair it by hand; ' +
  'or move it aside (for example, rename it to end in .broken) and start again with an empty store.';

const RECOVERY_BOM =
  'The file was left untouched. Save it again as UTF-8 without a BOM (most editors offer this under ' +
  '"encoding"), or restore it from a backup.';

function refuse(file: string, problem: string, recovery = RECOVERY): DataFileError {
  return new DataFileError(`Cannot use the data file ${file}: ${problem}. ${recovery}`);
}

function describeShape(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return `${where.replace(/^\./, '') || 'the top level'}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problems)` : '';
  return `it does not have the shape skillbot expects: ${shown.join('; ')}${more}`;
}

function parseJson(bytes: Uint8Array, file: string): unknown {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw refuse(file, 'it starts with a byte-order mark (BOM), which JSON does not allow', RECOVERY_BOM);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw refuse(file, 'it is saved as UTF-16; skillbot reads UTF-8 JSON', RECOVERY_BOM);
  }
  const text = Buffer.from(bytes).toString('utf8');
  if (text.trim() === '') throw refuse(file, `it is empty (${bytes.length} bytes)`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw refuse(file, `it is not valid JSON, perhaps cut short (${detail})`);
  }
}

export interface ParsedDataFile {
  data: StoreData;
  /** The schema version the file was written with (lower than SCHEMA_VERSION when migrated). */
  fromVersion: number;
}

/** Validate (and migrate) the data file's bytes. Throws `DataFileError`; never returns defaults. */
export function parseDataFile(bytes: Uint8Array, file: string): ParsedDataFile {
  const json = parseJson(bytes, file);
  if (json === null) throw refuse(file, 'it holds `null` instead of skillbot data');
  if (typeof json !== 'object' || Array.isArray(json)) {
    throw refuse(
      file,
      `it holds a JSON ${Array.isArray(json) ? 'array' : typeof json}, not skillbot's data object`,
    );
  }
  const raw = json as RawData;
  const fromVersion = versionOf(raw);
  if (fromVersion === undefined) throw refuse(file, '"version" is not a whole number');
  if (fromVersion > SCHEMA_VERSION) {
    throw refuse(
      file,
      `it was written by a newer skillbot (schema version ${fromVersion}; this one reads up to ${SCHEMA_VERSION})`,
      'The file was left untouched. Upgrade skillbot, or restore a backup made with this version.',
    );
  }
  const migrated = fromVersion < SCHEMA_VERSION ? migrate(raw, fromVersion) : raw;
  const result = StoreSchema.safeParse(migrated);
  if (!result.success) throw refuse(file, describeShape(result.error));
  return { data: result.data as StoreData, fromVersion };
}
