/**
 * The data file on disk: finding the real file behind DATA_FILE, refusing what cannot be used,
 * reading it into tables, and taking the snapshot a write saves (written by `file-writer.ts`).
 */
import { lstat, mkdir, readFile, realpath, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DataFileError } from '../errors.ts';
import type { Snapshot } from './file-writer.ts';
import { Tables, tablesFrom } from './tables.ts';
import { SCHEMA_VERSION } from './types.ts';
import { parseDataFile } from './validate.ts';

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

function cannot(file: string, problem: string, fix: string): DataFileError {
  return new DataFileError(`Cannot use the data file ${file}: ${problem}. ${fix}`);
}

/**
 * The file to read and write for DATA_FILE `requested`: a symlink is followed to its target, so
 * writes replace the target and the link stays. Creates the folder when missing. Refuses a
 * folder, a dangling link and a read-only file.
 */
export async function resolveDataFile(requested: string): Promise<string> {
  const path = resolve(requested);
  let file = path;
  const link = await lstat(path).catch((error: unknown) => {
    if (code(error) === 'ENOENT') return undefined;
    throw cannot(path, (error as Error).message, 'Check the path and its permissions.');
  });
  if (link?.isSymbolicLink()) {
    try {
      file = await realpath(path);
    } catch {
      throw cannot(
        path,
        'it is a symbolic link to a file that does not exist',
        'Point the link at an existing file, or set DATA_FILE to the file itself.',
      );
    }
  }
  let info: import('node:fs').Stats | undefined;
  try {
    info = await stat(file);
  } catch (error) {
    if (code(error) === 'ENOENT' && file !== path) {
      throw cannot(
        path,
        'it is a symbolic link to a file that does not exist',
        'Point the link at an existing file, or set DATA_FILE to the file itself.',
      );
    }
    if (code(error) !== 'ENOENT')
      throw cannot(file, (error as Error).message, 'Check the path and its permissions.');
  }
  if (info?.isDirectory())
    throw cannot(
      file,
      'it is a folder, not a file',
      'Set DATA_FILE to a file path, for example ./data/skillbot.json.',
    );
  if (info && (info.mode & 0o222) === 0) {
    throw cannot(
      file,
      'it is read-only',
      `The file was left untouched. Make it writable (chmod u+w ${file}) if skillbot should save to it, or set DATA_FILE to a writable copy.`,
    );
  }
  try {
    await mkdir(dirname(file), { recursive: true });
  } catch (error) {
    throw cannot(
      file,
      `its folder cannot be created (${(error as Error).message})`,
      'Create the folder or choose another DATA_FILE.',
    );
  }
  return file;
}

export const tempPathFor = (file: string): string => join(dirname(file), `.${basename(file)}.tmp`);

/** Remove a temp file an earlier process left when it was killed mid-write (call with the lock held). */
export async function removeLeftoverTemp(file: string): Promise<void> {
  try {
    const temp = tempPathFor(file);
    if ((await lstat(temp)).isFile()) await unlink(temp);
  } catch {}
}

export interface LoadedFile {
  tables: Tables;
  /** The schema version the file had, 0 when there was no file. */
  fromVersion: number;
  existed: boolean;
}

export async function readDataFile(file: string): Promise<LoadedFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (code(error) === 'ENOENT')
      return { tables: new Tables(), fromVersion: SCHEMA_VERSION, existed: false };
    throw cannot(
      file,
      `it cannot be read (${(error as Error).message})`,
      'Check that it is a file skillbot may read and write.',
    );
  }
  const { data, fromVersion } = parseDataFile(bytes, file);
  return { tables: tablesFrom(data), fromVersion, existed: true };
}

/** The data in the file at `requested` (symlinks followed), read and validated only: nothing is locked or written. */
export async function readDataFileUnlocked(requested: string): Promise<import('./types.ts').StoreData> {
  const path = resolve(requested);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (code(error) === 'ENOENT') return readDataFileEmpty();
    throw cannot(
      path,
      `it cannot be read (${(error as Error).message})`,
      'Check the path and its permissions.',
    );
  }
  return parseDataFile(bytes, path).data;
}

function readDataFileEmpty(): import('./types.ts').StoreData {
  return new Tables().toData();
}

/** The tables as they are now: the records are immutable, so copying the references is enough. */
export function snapshotOf(tables: Tables): Snapshot {
  return {
    extra: tables.extra,
    sections: [
      ['users', [...tables.users]],
      ['workspaces', [...tables.workspaces]],
      ['schedules', [...tables.schedules]],
      ['posts', [...tables.posts]],
    ],
  };
}
