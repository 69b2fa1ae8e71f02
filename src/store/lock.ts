/**
 * One process per data file: `<file>.lock` holds the owner's pid. A second process refuses to
 * start; a lock left by a process that no longer runs is taken over.
 */
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { DataFileError } from '../errors.ts';
import type { Logger } from '../log.ts';

export interface DataFileLock {
  readonly path: string;
  /** Remove the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/** Locks held by this process. A pid alone cannot tell us apart from an earlier run that had our pid (pid 1 in a container). */
const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Create the lock with its content in one step: a reader never sees an empty lock file. */
function createLock(lockPath: string, pid: number): boolean {
  const temp = `${lockPath}.${pid}.${process.hrtime.bigint()}.tmp`;
  writeFileSync(temp, `${pid}\n`);
  try {
    linkSync(temp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function isStale(lockPath: string, holder: number | undefined, pid: number): boolean {
  if (holder === undefined) return true;
  if (holder === pid) return !heldHere.has(lockPath);
  return !isRunning(holder);
}

function inUse(file: string, lockPath: string, holder: number | undefined): DataFileError {
  return new DataFileError(
    `Cannot use the data file ${file}: another skillbot process (pid ${holder}) is using it. ` +
      `Stop that process first, or set DATA_FILE to a different file. If no skillbot is running, delete ${lockPath}.`,
  );
}

/**
 * Move the stale lock aside atomically and check it was the one we judged stale: two processes
 * taking over at once must not delete each other's fresh lock. False when we lost that race.
 */
function removeStale(lockPath: string, stalePid: number | undefined): boolean {
  const aside = `${lockPath}.${process.pid}.${process.hrtime.bigint()}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  if (readHolder(aside) === stalePid) {
    unlinkSync(aside);
    return true;
  }
  // We moved a live lock created meanwhile: put it back (unless yet another one appeared) and give up.
  try {
    linkSync(aside, lockPath);
  } catch {}
  unlinkSync(aside);
  return false;
}

export function acquireLock(file: string, pid: number, log: Logger): DataFileLock {
  const lockPath = `${file}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let created: boolean;
    try {
      created = createLock(lockPath, pid);
    } catch (error) {
      throw new DataFileError(
        `Cannot create the lock file ${lockPath}: ${(error as Error).message}. Check that the folder is writable.`,
      );
    }
    if (created) {
      heldHere.add(lockPath);
      return lockHandle(lockPath, pid);
    }
    const holder = readHolder(lockPath);
    if (!isStale(lockPath, holder, pid)) throw inUse(file, lockPath, holder);
    log.warn(
      { lock: lockPath, stalePid: holder },
      'taking over a data-file lock left by a process that is gone',
    );
    if (!removeStale(lockPath, holder)) throw inUse(file, lockPath, readHolder(lockPath));
  }
  throw inUse(file, lockPath, readHolder(lockPath));
}

function lockHandle(lockPath: string, pid: number): DataFileLock {
  let released = false;
  return {
    path: lockPath,
    release() {
      if (released) return;
      released = true;
      heldHere.delete(lockPath);
      // Only remove it if it is still ours (it may have been taken over after a long stall).
      if (readHolder(lockPath) !== pid) return;
      try {
        unlinkSync(lockPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },
  };
}
