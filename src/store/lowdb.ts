/**
 * The embedded default store: one JSON file, written through lowdb 7 with our own adapter (a
 * snapshot streamed to a temp file and renamed over the old one), coalesced writes, rollback on
 * failure, validation and migration on load, and a lock that holds across containers.
 */
import { constants } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { Logger } from '../log.ts';
import { readDataFile, removeLeftoverTemp, resolveDataFile, snapshotOf } from './datafile.ts';
import { FileStore } from './file-store.ts';
import { DataFileWriter, type Snapshot } from './file-writer.ts';
import { acquireLock } from './lock.ts';
import { SCHEMA_VERSION } from './types.ts';

export interface OpenStoreOptions {
  file: string;
  log: Logger;
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

/** lowdb's database over our snapshot adapter: `write` persists the tables as they are at the call. */
function lowdbWriter(file: string): (tables: import('./tables.ts').Tables) => Promise<void> {
  const writer = new DataFileWriter(file);
  const db = new Low<Snapshot>(
    { read: async () => null, write: (snapshot) => writer.write(snapshot) },
    { extra: {}, sections: [] },
  );
  return (tables) => {
    db.data = snapshotOf(tables);
    return db.write();
  };
}

/**
 * Open (or create) the data file. Throws `DataFileError` when the file is corrupt, has the wrong
 * shape, is read-only, or is locked by a running skillbot; the file is never changed then, and
 * nothing is left behind.
 */
export async function openStore(options: OpenStoreOptions): Promise<FileStore> {
  const { log } = options;
  const file = await resolveDataFile(options.file);
  let store: FileStore | undefined;
  const lock = await acquireLock(file, log, (error) => store?.lockLost(error));
  try {
    await removeLeftoverTemp(file);
    const loaded = await readDataFile(file);
    if (loaded.existed && loaded.fromVersion < SCHEMA_VERSION) {
      await backUpBeforeMigration(file, loaded.fromVersion, log);
    }
    store = new FileStore(loaded.tables, {
      file,
      log,
      write: lowdbWriter(file),
      onClose: () => lock.release(),
    });
    return store;
  } catch (error) {
    await lock.release();
    throw error;
  }
}
