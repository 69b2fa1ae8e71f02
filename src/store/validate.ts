/**
 * Turning the data file's bytes into `StoreData`, or refusing with a message that names the file,
 * the problem and the way out. Never falls back to defaults: lowdb would, and the next write
 * would then replace the user's data.
 */
import { z } from 'zod';
import { DataFileError } from '../errors.ts';
import { migrate, type RawData, versionOf } from './migrate.ts';
import { SCHEMA_VERSION, type StoreData } from './types.ts';

type Section = 'users' | 'workspaces' | 'schedules' | 'posts';

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
  leaseUntil: z.string().optional(),
  attempts: z.number(),
  sentAt: z.string().optional(),
  messageId: z.string().optional(),
  reason: z.string().optional(),
});

// Each section is a map checked record by record (not with z.record, which rebuilds the map as a
// plain object where a `__proto__` key would be lost).
const SECTIONS: Record<Section, z.ZodType> = {
  users: UserSchema,
  workspaces: WorkspaceSchema,
  schedules: ScheduleSchema,
  posts: PostSchema,
};

const RECOVERY =
  'The file was left untouched. To recover, restore it from a backup or repair it by hand; ' +
  'or move it aside (for example, rename it to end in .broken) and start again with an empty store.';

const RECOVERY_BOM =
  'The file was left untouched. Save it again as UTF-8 without a BOM (most editors offer this under ' +
  '"encoding"), or restore it from a backup.';

const RECOVERY_ENCODING =
  'The file was left untouched. Restore it from a backup, or save it again as UTF-8; ' +
  'or move it aside (for example, rename it to end in .broken) and start again with an empty store.';

/** Where the first byte that is not UTF-8 is, without printing it raw. */
function describeBadUtf8(bytes: Uint8Array): string {
  let low = 0;
  let high = bytes.length;
  // The longest prefix that still decodes (allowing a cut sequence at its end) ends at the bad byte.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  const at = Math.min(low, bytes.length - 1);
  return `byte ${at} is 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')}`;
}

function refuse(file: string, problem: string, recovery = RECOVERY): DataFileError {
  return new DataFileError(`Cannot use the data file ${file}: ${problem}. ${recovery}`);
}

/** Text from the file made safe to print: control and non-ASCII characters escaped, length capped. */
export function printable(text: string, max = 60): string {
  const escaped = text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > max ? `${escaped.slice(0, max)}...` : escaped;
}

function describeShape(issues: Array<{ path: PropertyKey[]; message: string }>): string {
  const shown = issues.slice(0, 3).map((issue) => {
    const where = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${printable(String(p), 40)}`))
      .join('');
    return `${where.replace(/^\./, '') || 'the top level'}: ${issue.message}`;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
  return `it does not have the shape skillbot expects: ${shown.join('; ')}${more}`;
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Check every record of every section; the maps come back without a prototype. */
function validateSections(raw: RawData): {
  data?: StoreData;
  issues: Array<{ path: PropertyKey[]; message: string }>;
} {
  const issues: Array<{ path: PropertyKey[]; message: string }> = [];
  if (raw.version !== SCHEMA_VERSION)
    issues.push({ path: ['version'], message: `must be ${SCHEMA_VERSION}` });
  const data = { ...raw, version: SCHEMA_VERSION } as unknown as StoreData;
  for (const [section, schema] of Object.entries(SECTIONS) as Array<[Section, z.ZodType]>) {
    const records = raw[section];
    if (!isMap(records)) {
      issues.push({ path: [section], message: 'must be an object of records' });
      continue;
    }
    const checked = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(records)) {
      const result = schema.safeParse(records[key]);
      if (result.success) checked[key] = result.data;
      else
        for (const issue of result.error.issues)
          issues.push({ path: [section, key, ...issue.path], message: issue.message });
      if (issues.length > 3) break;
    }
    (data as unknown as Record<string, unknown>)[section] = checked;
  }
  return issues.length > 0 ? { issues } : { data, issues };
}

function parseJson(bytes: Uint8Array, file: string): unknown {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw refuse(file, 'it starts with a byte-order mark (BOM), which JSON does not allow', RECOVERY_BOM);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw refuse(file, 'it is saved as UTF-16; skillbot reads UTF-8 JSON', RECOVERY_BOM);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse(
      file,
      `it is not valid UTF-8 text (${describeBadUtf8(bytes)}); it may be a binary file or saved in another encoding`,
      RECOVERY_ENCODING,
    );
  }
  if (text.trim() === '') throw refuse(file, `it is empty (${bytes.length} bytes)`);
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw refuse(file, `it is not valid JSON, perhaps cut short (${printable(detail, 120)})`);
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
  const result = validateSections(migrated);
  if (!result.data) throw refuse(file, describeShape(result.issues));
  return { data: result.data, fromVersion };
}
