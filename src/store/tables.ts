/**
 * The in-process record tables shared by the memory store and the JSON file store.
 *
 * - Maps, never plain objects, so any id is a key (`__proto__` included).
 * - Records are frozen and replaced, never changed in place: a record handed to a caller can be
 *   shared safely, and undoing a change is putting the old reference back.
 * - Every change goes through `put`, which can journal how to undo it: the file store undoes a
 *   batch whose write failed without keeping a second copy of the data.
 */
import type { PostRecord, Schedule, StoreData, UserRecord, WorkspaceSettings } from './types.ts';
import { SCHEMA_VERSION } from './types.ts';

export type Undo = () => void;

export type Table<V> = Map<string, V>;

/** Freeze a record and the objects and arrays directly inside it. */
export function freezeRecord<T extends object>(record: T): Readonly<T> {
  for (const value of Object.values(record)) {
    if (typeof value === 'object' && value !== null) Object.freeze(value);
  }
  return Object.freeze(record);
}

export class Tables {
  readonly users: Table<UserRecord> = new Map();
  readonly workspaces: Table<WorkspaceSettings> = new Map();
  readonly schedules: Table<Schedule> = new Map();
  readonly posts: Table<PostRecord> = new Map();
  /** Top-level fields of the data file this version does not know: kept, never dropped. */
  extra: Record<string, unknown> = {};
  private journal: Undo[] | undefined;

  /** Store `value` under `key` (or delete the key when `value` is undefined), journaled. */
  put<V extends object>(table: Table<V>, key: string, value: V | undefined): void {
    if (this.journal) {
      const had = table.has(key);
      const previous = table.get(key);
      this.journal.push(() => {
        if (had) table.set(key, previous as V);
        else table.delete(key);
      });
    }
    if (value === undefined) table.delete(key);
    else table.set(key, freezeRecord(value) as V);
  }

  /**
   * Run `change` and return its result with the undo steps for what it did (newest first).
   * A change that throws is undone at once and the error passes on.
   */
  journaled<T>(change: (tables: Tables) => T): { result: T; undo: Undo[] } {
    if (this.journal) throw new Error('journaled changes do not nest');
    const steps: Undo[] = [];
    this.journal = steps;
    try {
      const result = change(this);
      return { result, undo: steps.reverse() };
    } catch (error) {
      for (const step of steps.reverse()) step();
      throw error;
    } finally {
      this.journal = undefined;
    }
  }

  isEmpty(): boolean {
    return (
      this.users.size === 0 &&
      this.workspaces.size === 0 &&
      this.schedules.size === 0 &&
      this.posts.size === 0
    );
  }

  /** Replace everything with `data`, journaled like any other change. */
  replaceAll(data: StoreData): void {
    this.extra = extraFields(data);
    const pairs: Array<[Table<object>, Record<string, object>]> = [
      [this.users, data.users],
      [this.workspaces, data.workspaces],
      [this.schedules, data.schedules],
      [this.posts, data.posts],
    ];
    for (const [table, records] of pairs) {
      for (const key of [...table.keys()]) this.put(table, key, undefined);
      for (const key of Object.keys(records)) this.put(table, key, { ...(records[key] as object) });
    }
  }

  /** Everything as the data file holds it. Objects have no prototype, so a `__proto__` key stays data. */
  toData(): StoreData {
    return {
      ...this.extra,
      version: SCHEMA_VERSION,
      users: toObject(this.users),
      workspaces: toObject(this.workspaces),
      schedules: toObject(this.schedules),
      posts: toObject(this.posts),
    };
  }
}

const KNOWN = new Set(['version', 'users', 'workspaces', 'schedules', 'posts']);

function extraFields(data: StoreData): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !KNOWN.has(key)));
}

function toObject<V>(table: Table<V>): Record<string, V> {
  const object = Object.create(null) as Record<string, V>;
  for (const [key, value] of table) object[key] = value;
  return object;
}

/** Tables holding `data` (already validated): the records are taken over, not copied. */
export function tablesFrom(data: StoreData): Tables {
  const tables = new Tables();
  tables.extra = extraFields(data);
  const load = <V extends object>(table: Table<V>, records: Record<string, V>) => {
    for (const key of Object.keys(records)) table.set(key, freezeRecord(records[key] as V) as V);
  };
  load(tables.users, data.users);
  load(tables.workspaces, data.workspaces);
  load(tables.schedules, data.schedules);
  load(tables.posts, data.posts);
  return tables;
}
