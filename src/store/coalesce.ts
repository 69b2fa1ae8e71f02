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

class CoalescingStore implements Store {
  private current: StoreData;
  private collecting: Batch | undefined;
  private writing: Batch | undefined;
  private scheduled = false;
  private closed = false;
  private writes = 0;

  constructor(
    initial: StoreData,
    private readonly persistence: Persistence,
    private readonly options: CoalescingOptions,
  ) {
    this.current = initial;
  }

  get data(): StoreData {
    return this.current;
  }

  get writeCount(): number {
    return this.writes;
  }

  async commit<T>(apply: (data: StoreData) => T): Promise<T> {
    if (this.closed) throw new Error(`The store for ${this.options.file} is closed.`);
    const change: Change = { apply };
    try {
      change.result = apply(this.current);
    } catch (error) {
      // The change may have half-mutated memory: rebuild without it.
      this.rebuild([...(this.writing?.changes ?? []), ...this.pendingChanges()]);
      throw error;
    }
    this.collecting ??= newBatch();
    const batch = this.collecting;
    batch.changes.push(change);
    this.schedule();
    await batch.done;
    if (change.error) throw change.error;
    return change.result as T;
  }

  async flush(): Promise<void> {
    const last = this.collecting ?? this.writing;
    if (last) await last.done;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.flush();
    } finally {
      this.options.onClose?.();
    }
  }

  // A method, not a field read: `collecting` changes across the awaits in writeNext.
  private pendingChanges(): Change[] {
    return this.collecting?.changes ?? [];
  }

  /** Memory from the persisted state plus `changes`, each result recomputed; a change that now throws is left out. */
  private rebuild(changes: Change[]): void {
    let remaining = changes;
    for (;;) {
      const data = this.persistence.restore();
      this.current = data;
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

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    // A microtask, not a timer: everything committed in this turn joins, and fake timers cannot stall it.
    queueMicrotask(() => {
      this.scheduled = false;
      void this.writeNext();
    });
  }

  private async writeNext(): Promise<void> {
    if (this.writing || !this.collecting) return;
    const batch = this.collecting;
    this.collecting = undefined;
    this.writing = batch;
    try {
      await this.persistence.write(this.current);
      this.writes++;
      batch.resolve();
    } catch (error) {
      this.rollBack(batch, error);
    } finally {
      this.writing = undefined;
      if (this.collecting) this.schedule();
    }
  }

  private rollBack(batch: Batch, error: unknown): void {
    const { file, log } = this.options;
    log.error(
      { err: error, file, changes: batch.changes.length },
      'data file write failed; the changes were rolled back',
    );
    this.rebuild(this.pendingChanges());
    const reason = (error as Error)?.message ?? String(error);
    batch.reject(new StoreWriteError(`Could not write ${file}: ${reason}`, { cause: error }));
  }
}

export function createCoalescingStore(
  initial: StoreData,
  persistence: Persistence,
  options: CoalescingOptions,
): Store {
  return new CoalescingStore(initial, persistence, options);
}
