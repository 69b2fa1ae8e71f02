/**
 * `npm run import -- FILE [--force]`: load a data file or an export into the configured store
 * (DATA_FILE, or PostgreSQL with DATABASE_URL). Refuses a store that already holds anything unless
 * --force is given, and then replaces everything in it. Stop the bot first: the data file's lock
 * refuses a second process.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, loadDotEnv } from '../src/config.ts';
import { SkillbotError } from '../src/errors.ts';
import { createLogger } from '../src/log.ts';
import { describeStore, openConfiguredStore } from '../src/store/open.ts';
import { parseDataFile } from '../src/store/validate.ts';

class UsageError extends SkillbotError {}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [source] = positionals;
  if (!source || positionals.length > 1) throw new UsageError('usage: npm run import -- FILE [--force]');
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? 'warn');
  const path = resolve(source);
  const bytes = await readFile(path).catch((error: Error) => {
    throw new UsageError(`Cannot read ${path}: ${error.message}`);
  });
  const { data } = parseDataFile(bytes, path);
  const target = describeStore(config);
  const store = await openConfiguredStore(config, log);
  try {
    if (!(await store.isEmpty()) && !values.force) {
      throw new UsageError(
        `${target} already holds data; nothing was imported. Run \`npm run export\` first if you want a backup, then add --force to replace everything in it.`,
      );
    }
    await store.importData(data);
  } finally {
    await store.close();
  }
  const users = Object.keys(data.users).length;
  process.stderr.write(
    `Imported ${users} member(s), ${Object.keys(data.schedules).length} schedule(s) and ${Object.keys(data.posts).length} post record(s) into ${target}.\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`import failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof SkillbotError ? 78 : 1);
});
