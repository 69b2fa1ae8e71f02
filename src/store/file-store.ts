/**
 * The JSON file store's write discipline over in-memory tables.
 *
 * A change is applied to the tables at once (journaled) and joins the next batch; its promise
 * settles with the write that holds it. One write runs at a time; everything changed while it
 * runs shares the next single write. When a write fails, the failed batch and every change made
 * after it are undone from their journals, the later changes are applied again (their results
 * recomputed), and the failed batch's callers get `StoreWriteError`: nobody is told "saved" for
 * what is not on disk, and no second copy of the data is kept to roll back to.
 */
import { StoreWriteError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { leaderboard } from './board.ts';
import * as ops from './operations.ts';
import type { StorePort } from './port.ts';
import type { Tables, Undo } from './tables.ts';
import type { StoreData } from './types.ts';

interface Change {
  apply: (tables: Tables) => unknown;
  undo: Undo[];
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

export interface FileStoreOptions {
  file: string;
  log: Logger;
  /** Persist the tables as they are now (snapshot taken before the first await). */
  write: (tables: Tables) => Promise<void>;
  /** Runs once on close, after the final flush. */
  onClose: () => Promise<void>;
}

const undoAll = (changes: Change[]) => {
  for (const change of [...changes].reverse()) for (const step of change.undo) step();
};

export class FileStore implements StorePort {
  readonly kind = 'file';
  readonly shared = false;
  private collecting: Batch | undefined;
  private writing: Batch | undefined;
  private scheduled = false;
  private closed = false;
  private lost: Error | undefined;
  private writes = 0;

  constructor(
    private readonly tables: Tables,
    private readonly options: FileStoreOptions,
  ) {}

  /** How many file writes happened (for benchmarks and tests). */
  get writeCount(): number {
    return this.writes;
  }

  /** The lock was lost (another process took over after a long stall): refuse every later change. */
  lockLost(error: Error): void {
    this.lost = error;
    this.options.log.error(
      { err: error, file: this.options.file },
      'lost the data-file lock; changes are refused from now on',
    );
  }

  getMember: StorePort['getMember'] = (ref) => this.read((t) => ops.getMember(t, ref));
  checkIn: StorePort['checkIn'] = (who, dateFor) => this.change((t) => ops.checkIn(t, who, dateFor));
  setTimezone: StorePort['setTimezone'] = (who, rule) => this.change((t) => ops.setTimezone(t, who, rule));
  recordQuizAnswer: StorePort['recordQuizAnswer'] = (who, key, option) =>
    this.change((t) => ops.recordQuizAnswer(t, who, key, option));
  deleteMember: StorePort['deleteMember'] = (ref) => this.change((t) => ops.deleteMember(t, ref));
  leaderboard: StorePort['leaderboard'] = (query) => this.read((t) => leaderboard(t, query));
  getWorkspace: StorePort['getWorkspace'] = (ref) => this.read((t) => ops.getWorkspace(t, ref));
  updateWorkspace: StorePort['updateWorkspace'] = (ref, patch) =>
    this.change((t) => ops.updateWorkspace(t, ref, patch));
  getSchedule: StorePort['getSchedule'] = (ref) => this.read((t) => t.schedules.get(ops.channelKeyOf(ref)));
  updateSchedule: StorePort['updateSchedule'] = (ref, change) =>
    this.change((t) => ops.updateSchedule(t, ref, change));
  listSchedules: StorePort['listSchedules'] = (filter) => this.read((t) => ops.listSchedules(t, filter));
  getPosts: StorePort['getPosts'] = (keys) => this.read((t) => ops.getPosts(t, keys));
  claimPost: StorePort['claimPost'] = (record) => this.change((t) => ops.claimPost(t, record));
  leaseClaim: StorePort['leaseClaim'] = (key, expected, until) =>
    this.change((t) => ops.leaseClaim(t, key, expected, until));
  settlePost: StorePort['settlePost'] = (key, outcome) => this.change((t) => ops.settlePost(t, key, outcome));
  channelPosts: StorePort['channelPosts'] = (ref) => this.read((t) => ops.channelPosts(t, ref));
  prunePosts: StorePort['prunePosts'] = (before, channel) =>
    this.change((t) => ops.prunePosts(t, before, channel));
  exportData: StorePort['exportData'] = () => this.read((t) => t.toData());
  importData: StorePort['importData'] = (data: StoreData) => this.change((t) => t.replaceAll(data));
  isEmpty: StorePort['isEmpty'] = () => this.read((t) => t.isEmpty());

  async health(): Promise<{ ok: boolean; detail: string }> {
    if (this.closed) return { ok: false, detail: 'file store closed' };
    if (this.lost) return { ok: false, detail: `lost the lock on ${this.options.file}` };
    return { ok: true, detail: `file store ${this.options.file}` };
  }

  /** Wait until everything changed so far is on disk; rejects when that write failed. */
  async flush(): Promise<void> {
    const last = this.collecting ?? this.writing;
    if (last) await last.done;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.flush().catch(() => {});
    } finally {
      await this.options.onClose();
    }
  }

  private async read<T>(operation: (tables: Tables) => T): Promise<T> {
    if (this.closed) throw new Error(`The store for ${this.options.file} is closed.`);
    return operation(this.tables);
  }

  private async change<T>(apply: (tables: Tables) => T): Promise<T> {
    if (this.closed) throw new Error(`The store for ${this.options.file} is closed.`);
    if (this.lost) throw new StoreWriteError(`Could not write ${this.options.file}: ${this.lost.message}`);
    const { result, undo } = this.tables.journaled(apply);
    if (undo.length === 0) {
      // Nothing changed, but what the answer rests on may still be on its way to disk.
      await this.flush();
      return result;
    }
    const change: Change = { apply, undo, result };
    this.collecting ??= newBatch();
    const batch = this.collecting;
    batch.changes.push(change);
    this.schedule();
    await batch.done;
    if (change.error) throw change.error;
    return change.result as T;
  }

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    // A microtask, not a timer: everything changed in this turn joins, and fake timers cannot stall it.
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
      await this.options.write(this.tables);
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
    const later = this.collecting?.changes ?? [];
    undoAll(later);
    undoAll(batch.changes);
    for (const change of later) {
      try {
        const again = this.tables.journaled(change.apply);
        change.result = again.result;
        change.undo = again.undo;
      } catch (replayError) {
        change.error = replayError;
        change.undo = [];
      }
    }
    const reason = (error as Error)?.message ?? String(error);
    batch.reject(new StoreWriteError(`Could not write ${file}: ${reason}`, { cause: error }));
  }
}
