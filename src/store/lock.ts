/**
 * One process per data file, across processes, pid namespaces and containers sharing a volume.
 *
 * The lock is proper-lockfile's: a directory `<file>.lock` made atomically with mkdir and kept
 * fresh by an mtime heartbeat; a lock whose heartbeat stopped for `STALE_MS` is abandoned and
 * may be taken over. Pids alone cannot tell containers apart, so they only speed one case up:
 * `<file>.lock.owner` names the holder (host, boot, pid namespace, pid), and a lock whose holder
 * ran in our own pid namespace on this boot and is gone is taken over at once, as after a crash.
 */
import {
  lstatSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import lockfile from 'proper-lockfile';
import { DataFileError } from '../errors.ts';
import type { Logger } from '../log.ts';

/** A lock whose heartbeat is older than this is abandoned. */
export const STALE_MS = 10_000;
const HEARTBEAT_MS = 2_000;

export interface DataFileLock {
  readonly path: string;
  /** Remove the lock if it is still ours. Safe to call twice. */
  release(): Promise<void>;
}

interface Owner {
  host: string;
  boot: string;
  pidNamespace: string;
  pid: number;
}

function readOr(read: () => string, fallback: string): string {
  try {
    return read().trim();
  } catch {
    return fallback;
  }
}

function thisProcess(): Owner {
  return {
    host: hostname(),
    boot: readOr(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8'), 'unknown'),
    pidNamespace: readOr(() => readlinkSync('/proc/self/ns/pid'), 'unknown'),
    pid: process.pid,
  };
}

function readOwner(ownerPath: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(ownerPath, 'utf8')) as Owner;
    return Number.isInteger(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True only when the holder provably died: same boot and pid namespace, and its pid is gone. */
function holderIsGone(owner: Owner | undefined, me: Owner): boolean {
  if (!owner || owner.boot === 'unknown' || owner.pidNamespace === 'unknown') return false;
  const sameSpace =
    owner.host === me.host && owner.boot === me.boot && owner.pidNamespace === me.pidNamespace;
  return sameSpace && owner.pid !== me.pid && !isRunning(owner.pid);
}

function describeOwner(owner: Owner | undefined): string {
  return owner ? `pid ${owner.pid} on host ${owner.host}` : 'a process that left no owner note';
}

function lockedError(file: string, lockPath: string, owner: Owner | undefined): DataFileError {
  return new DataFileError(
    `Cannot use the data file ${file}: another skillbot (${describeOwner(owner)}, perhaps in another container) holds its lock ${lockPath}. ` +
      `Stop that skillbot first, or set DATA_FILE to a different file. A lock whose holder died is taken over ${STALE_MS / 1000} s after its last heartbeat: start again then.`,
  );
}

function lockFailure(file: string, lockPath: string, error: NodeJS.ErrnoException): DataFileError {
  const code = error.code ?? 'error';
  const what =
    code === 'ENOTDIR' || code === 'ENOTEMPTY' || code === 'EEXIST'
      ? `${lockPath} is in the way (a file or a non-empty folder, not a skillbot lock). If no skillbot is running, remove it`
      : code === 'ENOSPC'
        ? 'the disk is full. Free some space'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'the folder is not writable. Make it writable for this user'
          : `${error.message}. Check the folder`;
  return new DataFileError(`Cannot lock the data file ${file} (${code}): ${what}, then start again.`);
}

/** A lock is a directory: anything else at that path is refused, never removed. */
function refuseNonDirectory(file: string, lockPath: string): void {
  try {
    if (!lstatSync(lockPath).isDirectory()) {
      throw lockFailure(file, lockPath, Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }));
    }
  } catch (error) {
    if (error instanceof DataFileError) throw error;
  }
}

/** Move an abandoned lock out of the way; the rename makes sure only one process removes it. */
function removeAbandoned(lockPath: string): void {
  const aside = `${lockPath}.${process.pid}.${Date.now()}.abandoned`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
}

async function tryLock(file: string, lockPath: string, onCompromised: (error: Error) => void) {
  return lockfile.lock(file, {
    lockfilePath: lockPath,
    realpath: false,
    stale: STALE_MS,
    update: HEARTBEAT_MS,
    retries: 0,
    onCompromised,
  });
}

/**
 * Take the lock for `file` (already resolved to the real path). Throws `DataFileError` when
 * another live skillbot holds it or the lock cannot be made; creates nothing in that case.
 * `onCompromised` runs when the heartbeat finds the lock lost (taken over after a long stall).
 */
export async function acquireLock(
  file: string,
  log: Logger,
  onCompromised: (error: Error) => void,
): Promise<DataFileLock> {
  const lockPath = `${file}.lock`;
  const ownerPath = `${lockPath}.owner`;
  const me = thisProcess();
  refuseNonDirectory(file, lockPath);
  let release: () => Promise<void>;
  try {
    release = await tryLock(file, lockPath, onCompromised);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err.code !== 'ELOCKED') throw lockFailure(file, lockPath, err);
    const owner = readOwner(ownerPath);
    if (!holderIsGone(owner, me)) throw lockedError(file, lockPath, owner);
    log.warn(
      { lock: lockPath, stalePid: owner?.pid },
      'taking over a data-file lock left by a process that is gone',
    );
    try {
      removeAbandoned(lockPath);
      release = await tryLock(file, lockPath, onCompromised);
    } catch (retryError) {
      const again = retryError as NodeJS.ErrnoException;
      if (again.code === 'ELOCKED') throw lockedError(file, lockPath, readOwner(ownerPath));
      throw lockFailure(file, lockPath, again);
    }
  }
  try {
    writeFileSync(ownerPath, `${JSON.stringify(me)}\n`);
  } catch (error) {
    rmSync(ownerPath, { force: true });
    await release().catch(() => {});
    throw lockFailure(file, ownerPath, error as NodeJS.ErrnoException);
  }
  return lockHandle(lockPath, ownerPath, release);
}

function lockHandle(lockPath: string, ownerPath: string, release: () => Promise<void>): DataFileLock {
  let released = false;
  return {
    path: lockPath,
    async release() {
      if (released) return;
      released = true;
      try {
        if (readOwner(ownerPath)?.pid === process.pid) unlinkSync(ownerPath);
      } catch {}
      // ERELEASED: the lock was compromised and is no longer ours to remove.
      await release().catch(() => {});
    },
  };
}
