/**
 * Writing the data file: a snapshot of the tables streamed into `.<name>.tmp` beside the file,
 * then renamed over it, so a killed process leaves the old file or the new one, never half of one.
 *
 * A write re-serialises only the records that changed since the last one. Records are immutable
 * and replaced on every change, so a record object this writer placed in the file last time still
 * has exactly the text it had there: runs of such records are copied byte for byte from the
 * current file (which only this process writes, under the lock), and only new or changed records
 * go through `JSON.stringify`. What is kept between writes is where each record's line sits (two
 * numbers per record), never its text. At 10,000 members a write then costs a few changed records
 * and a 9 MB copy through a 1 MB buffer instead of serialising 9 MB of JSON; the first write after
 * start-up, or after the file changed under us, serialises everything.
 */
import { type FileHandle, open, rename, stat, unlink } from 'node:fs/promises';
import { tempPathFor } from './datafile.ts';
import { SCHEMA_VERSION } from './types.ts';

type Entries = Array<[string, object]>;

/** The tables as they are now: the records are immutable, so copying the references is enough. */
export interface Snapshot {
  extra: Record<string, unknown>;
  sections: Array<[string, Entries]>;
}

/** Byte range of one record's line (`    "key": {...}`, without the separator) in the file. */
interface Placed {
  /** Where the record was written: a record object put under another key is written anew. */
  section: string;
  key: string;
  start: number;
  end: number;
}

/** Between lines: a comma and a new line. */
const SEPARATOR_BYTES = 2;
/** 1 MB: at 256 KB, a 9 MB file took 74 trips to the thread pool per write, each a wait on a busy machine. */
const BUFFER_BYTES = 1024 * 1024;

/** Buffered output to the temp file that knows its position; each flush lets the event loop run. */
class Output {
  private used = 0;
  /** Bytes written so far, flushed or not. */
  position = 0;

  constructor(
    private readonly handle: FileHandle,
    private readonly buffer: Buffer,
  ) {}

  async text(text: string): Promise<void> {
    if (this.used + text.length * 3 > BUFFER_BYTES) await this.flush();
    if (text.length * 3 > BUFFER_BYTES) {
      const bytes = Buffer.from(text);
      await this.handle.write(bytes);
      this.position += bytes.length;
      return;
    }
    const written = this.buffer.write(text, this.used);
    this.used += written;
    this.position += written;
  }

  /** Copy bytes `start` to `end` of `from` to the output. */
  async copy(from: FileHandle, start: number, end: number): Promise<void> {
    let at = start;
    while (at < end) {
      if (this.used === BUFFER_BYTES) await this.flush();
      const want = Math.min(end - at, BUFFER_BYTES - this.used);
      const { bytesRead } = await from.read(this.buffer, this.used, want, at);
      if (bytesRead !== want) throw new Error('the data file changed while it was being rewritten');
      this.used += bytesRead;
      this.position += bytesRead;
      at += bytesRead;
    }
  }

  async flush(): Promise<void> {
    let done = 0;
    while (done < this.used)
      done += (await this.handle.write(this.buffer, done, this.used - done)).bytesWritten;
    this.used = 0;
  }
}

/** A run of entries (`from` to `to`, inclusive) that sit next to each other in the current file. */
interface Run {
  from: number;
  to: number;
  start: number;
  end: number;
}

/**
 * What a write changes in the placements once its file is in place: copied runs moved `by`
 * bytes, and the lines written anew. Applied only after the rename, so a failed write leaves the
 * placements describing the file that is still there.
 */
interface Placement {
  shifts: Array<{ entries: Entries; from: number; to: number; by: number }>;
  fresh: Array<[object, Placed]>;
}

export class DataFileWriter {
  /** Where each record written last time sits in the file; empty until the first write. */
  private readonly placed = new WeakMap<object, Placed>();
  /** Size and mtime of the file as this writer left it: anything else means it cannot be copied from. */
  private written: { size: number; mtimeMs: number } | undefined;
  /** One write runs at a time (the file store's rule), so every write can use the same buffer. */
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);

  constructor(private readonly file: string) {}

  async write(snapshot: Snapshot): Promise<void> {
    const temp = tempPathFor(this.file);
    const mode = await stat(this.file).then(
      (s) => s.mode & 0o777,
      () => undefined,
    );
    const source = await this.openSource();
    const handle = await open(temp, 'w');
    try {
      if (mode !== undefined) await handle.chmod(mode);
      const placement: Placement = { shifts: [], fresh: [] };
      await this.writeSnapshot(new Output(handle, this.buffer), snapshot, source, placement);
      const { size, mtimeMs } = await handle.stat();
      await handle.close();
      await rename(temp, this.file);
      this.apply(placement);
      this.written = { size, mtimeMs };
    } catch (error) {
      await handle.close().catch(() => {});
      await unlink(temp).catch(() => {});
      throw error;
    } finally {
      await source?.close().catch(() => {});
    }
  }

  /** Shifts first: a record also written anew (under a second key) then keeps the new line. */
  private apply({ shifts, fresh }: Placement): void {
    for (const { entries, from, to, by } of shifts) {
      for (let i = from; i <= to; i++) {
        const placed = this.placed.get((entries[i] as [string, object])[1]) as Placed;
        placed.start += by;
        placed.end += by;
      }
    }
    for (const [record, placed] of fresh) this.placed.set(record, placed);
  }

  /** The current file to copy unchanged records from, if it is still the one this writer wrote. */
  private async openSource(): Promise<FileHandle | undefined> {
    if (!this.written) return undefined;
    const handle = await open(this.file, 'r').catch(() => undefined);
    if (!handle) return undefined;
    const info = await handle.stat().catch(() => undefined);
    if (info?.size === this.written.size && info.mtimeMs === this.written.mtimeMs) return handle;
    await handle.close().catch(() => {});
    return undefined;
  }

  private async writeSnapshot(
    out: Output,
    snapshot: Snapshot,
    source: FileHandle | undefined,
    placement: Placement,
  ): Promise<void> {
    await out.text(`{\n  "version": ${SCHEMA_VERSION}`);
    for (const [key, value] of Object.entries(snapshot.extra))
      await out.text(`,\n  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    for (const [section, entries] of snapshot.sections) {
      await out.text(`,\n  "${section}": {`);
      await this.writeSection(out, { section, entries, source, placement });
      await out.text(entries.length > 0 ? '\n  }' : '}');
    }
    await out.text('\n}\n');
    await out.flush();
  }

  /** Where `record` sits in the current file, when it was written there under this section and key. */
  private findPlaced(section: string, key: string, record: object): Placed | undefined {
    const placed = this.placed.get(record);
    return placed?.key === key && placed.section === section ? placed : undefined;
  }

  /** One section's lines, separated by `,\n`: unchanged neighbours copied as one run. */
  private async writeSection(
    out: Output,
    job: { section: string; entries: Entries; source: FileHandle | undefined; placement: Placement },
  ): Promise<void> {
    const { section, entries, source, placement } = job;
    let run: Run | undefined;
    const copyRun = async () => {
      if (!run || !source) return;
      placement.shifts.push({ entries, from: run.from, to: run.to, by: out.position - run.start });
      await out.copy(source, run.start, run.end);
      run = undefined;
    };
    for (const [index, [key, record]] of entries.entries()) {
      const was = source ? this.findPlaced(section, key, record) : undefined;
      if (was && run && was.start === run.end + SEPARATOR_BYTES) {
        run.to = index;
        run.end = was.end;
        continue;
      }
      await copyRun();
      await out.text(index > 0 ? ',\n' : '\n');
      if (was) {
        run = { from: index, to: index, start: was.start, end: was.end };
        continue;
      }
      const start = out.position;
      await out.text(`    ${JSON.stringify(key)}: ${JSON.stringify(record)}`);
      placement.fresh.push([record, { section, key, start, end: out.position }]);
    }
    await copyRun();
  }
}
