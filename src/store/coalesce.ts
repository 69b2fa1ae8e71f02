/**
 * The write discipline behind the file store: memory = last persisted state + pending changes.
 *
 * `commit` applies a change to memory at once and joins the next batch. One write runs at a time;
 * every change made while it runs shares the next single write. A caller's promise settles with
 * the write that holds its change. When a write fails, memory is rebuilt from the last persisted
 * state plus the changes that were not part of the failed write (their results recomputed), and
 * the failed batch's callers get `StoreWriteError`.
 */
import { StoreWriteError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Store, StoreData } from './types.ts';

export interface Persistence {
  /** Write a snapshot of `data`; the snapshot is taken synchronously, before the first await. */
  write(data: StoreData): Promise<void>;
  /** A fresh copy of the state most recently persisted (or loaded). */
  restore(): StoreData;
}

interface Change {
  apply: (data: StoreData) => unknown;
  result?: unknown;
  error?: unknown;
}

interface Batch {
  changes: Change[];
  done: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Every batch has awaiting callers; this only keeps a rejection from counting as unhandled.
  done.catch(() => {});
  return { changes: [], done, resolve, reject };
}

export interface CoalescingOptions {
  file: string;
  log: Logger;
  /** Runs once on close, after the final flush (success or not). */
  onClose?: () => void;
}

export function createCoalescingStore(
  initial: StoreData,
  persistence: Persistence,
  options: CoalescingOptions,
): Store {
  let data = initial;
  let collecting: Batch | undefined;
  let writing: Batch | undefined;
  let scheduled = false;
  let closed = false;
  let writeCount = 0;

  /** Memory from the persisted state plus `changes`, each result recomputed; a change that now throws is left out. */
  function rebuild(changes: Change[]): void {
    let remaining = changes;
    for (;;) {
      data = persistence.restore();
      const failed = remaining.find((change) => {
        try {
          change.result = change.apply(data);
          return false;
        } catch (error) {
          change.error = error;
          return true;
        }
      });
      if (!failed) return;
      remaining = remaining.filter((change) => change !== failed);
    }
  }

  // A function, not an inline read: `collecting` changes across the awaits in writeNext.
  const pendingChanges = (): Change[] => collecting?.changes ?? [];

  function schedule(): void {
    if (scheduled || writing) return;
    scheduled = true;
    // A microtask, not a timer: everything committed in this turn joins, and fake timers cannot stall it.
    queueMicrotask(() => {
      scheduled = false;
      void writeNext();
    });
  }

  async function writeNext(): Promise<void> {
    if (writing || !collecting) return;
    const batch = collecting;
    collecting = undefined;
    writing = batch;
    try {
      await persistence.write(data);
      writeCount++;
      batch.resolve();
    } catch (error) {
      options.log.error(
        { err: error, file: options.file, changes: batch.changes.length },
        'data file write failed; the changes were rolled back',
      );
      rebuild(pendingChanges());
      const reason = (error as Error)?.message ?? String(error);
      batch.reject(new StoreWriteError(`Could not write ${options.file}: ${reason}`, { cause: error }));
    } finally {
      writing = undefined;
      if (collecting) schedule();
    }
  }

  async function commit<T>(apply: (data: StoreData) => T): Promise<T> {
    if (closed) throw new Error(`The store for ${options.file} is closed.`);
    const change: Change = { apply };
    try {
      change.result = apply(data);
    } catch (error) {
      // The change may have half-mutated memory: rebuild without it.
      rebuild([...(writing?.changes ?? []), ...pendingChanges()]);
      throw error;
    }
    collecting ??= newBatch();
    const batch = collecting;
    batch.changes.push(change);
    schedule();
    await batch.done;
    if (change.error) throw change.error;
    return change.result as T;
  }

  async function flush(): Promise<void> {
    const last = collecting ?? writing;
    if (last) await last.done;
  }

  return {
    get data() {
      return data;
    },
    get writeCount() {
      return writeCount;
    },
    commit,
    flush,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await flush();
      } finally {
        options.onClose?.();
      }
    },
  };
}
