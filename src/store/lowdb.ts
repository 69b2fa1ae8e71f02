/**
 * The embedded default store: one JSON file through lowdb 7, written by lowdb's adapter (a temp
 * file renamed over the old one, so a killed process leaves the old file or the new one, never
 * half of one), with coalesced writes, rollback on failure, validation and migration on load,
 * and a lock file so only one process uses a data file.
 */

import { constants } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { DataFileError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { createCoalescingStore, type Persistence } from './coalesce.ts';
import { acquireLock } from './lock.ts';
import { emptyData, type Store, type StoreData } from './types.ts';
import { parseDataFile } from './validate.ts';

export interface OpenStoreOptions {
  file: string;
  log: Logger;
  /** The pid written to the lock file (default: this process's). */
  pid?: number;
}

interface Loaded {
  data: StoreData;
  /** The file's bytes as read, or undefined when there was no file yet. */
  bytes: Uint8Array | undefined;
  fromVersion: number;
}

async function load(file: string): Promise<Loaded> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { data: emptyData(), bytes: undefined, fromVersion: 0 };
    throw new DataFileError(
      `Cannot read the data file ${file}: ${(error as Error).message}. Check that it is a file skillbot may read and write.`,
    );
  }
  const { data, fromVersion } = parseDataFile(bytes, file);
  return { data, bytes, fromVersion };
}

/** Keep the pre-migration bytes next to the file: the first write after a migration replaces them. */
async function backUpBeforeMigration(file: string, fromVersion: number, log: Logger): Promise<void> {
  const backup = `${file}.v${fromVersion}.bak`;
  try {
    await copyFile(file, backup, constants.COPYFILE_EXCL);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  log.info(
    { file, backup, fromVersion },
    'data file migrated to the current schema; the original is kept as a backup',
  );
}

/**
 * lowdb's JSON file, remembering the text of each write so a failed write can roll memory back to
 * the last text that did reach the disk.
 */
function lowdbPersistence(file: string, loaded: Loaded): Persistence {
  let attempted = '';
  const adapter = new DataFile<StoreData>(file, {
    parse: JSON.parse,
    stringify: (data) => {
      attempted = JSON.stringify(data, null, 2);
      return attempted;
    },
  });
  const db = new Low<StoreData>(adapter, loaded.data);
  let persisted: { text: string } | { bytes: Uint8Array | undefined } = { bytes: loaded.bytes };
  return {
    async write(data) {
      db.data = data;
      await db.write();
      persisted = { text: attempted };
    },
    restore() {
      if ('text' in persisted) return JSON.parse(persisted.text) as StoreData;
      return persisted.bytes ? parseDataFile(persisted.bytes, file).data : emptyData();
    },
  };
}

/**
 * Open (or create) the data file. Throws `DataFileError` when the file is corrupt, has the wrong
 * shape, or is locked by a running process; the file is never changed in that case.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const file = resolve(options.file);
  try {
    await mkdir(dirname(file), { recursive: true });
  } catch (error) {
    throw new DataFileError(
      `Cannot create the folder for the data file ${file}: ${(error as Error).message}.`,
    );
  }
  const lock = acquireLock(file, options.pid ?? process.pid, options.log);
  try {
    const loaded = await load(file);
    if (loaded.bytes && loaded.fromVersion < loaded.data.version) {
      await backUpBeforeMigration(file, loaded.fromVersion, options.log);
    }
    return createCoalescingStore(loaded.data, lowdbPersistence(file, loaded), {
      file,
      log: options.log,
      onClose: () => lock.release(),
    });
  } catch (error) {
    lock.release();
    throw error;
  }
}
