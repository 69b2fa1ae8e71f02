/**
 * The configured store: PostgreSQL when DATABASE_URL is set (its client loads only then), else
 * the JSON data file. The bot, `npm run export` and `npm run import` all open it here.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { readDataFileUnlocked } from './datafile.ts';
import { openStore } from './lowdb.ts';
import type { StorePort } from './port.ts';
import type { StoreData } from './types.ts';

type StoreConfig = Pick<Config, 'dataFile' | 'databaseUrl'>;

export async function openConfiguredStore(config: StoreConfig, log: Logger): Promise<StorePort> {
  if (config.databaseUrl) {
    const { openPostgresStore } = await import('./postgres/store.ts');
    return openPostgresStore({ url: config.databaseUrl, log });
  }
  return openStore({ file: config.dataFile, log });
}

/** Where the configured store lives, for messages (never the database password). */
export function describeStore(config: StoreConfig): string {
  return config.databaseUrl ? 'the PostgreSQL database (DATABASE_URL)' : `the data file ${config.dataFile}`;
}

/**
 * Everything in the configured store, for `npm run export`. A data file is read without taking
 * its lock (writes replace it whole, so any read is a consistent snapshot): a backup can be made
 * while the bot runs.
 */
export async function exportConfiguredStore(config: StoreConfig, log: Logger): Promise<StoreData> {
  if (!config.databaseUrl) return readDataFileUnlocked(config.dataFile);
  const store = await openConfiguredStore(config, log);
  try {
    return await store.exportData();
  } finally {
    await store.close();
  }
}
