/**
 * `npm run export`: the whole configured store (DATA_FILE, or PostgreSQL with DATABASE_URL) as
 * JSON on stdout, in the data file's format; logs and errors on stderr. A backup, or the first
 * half of moving a team from the file to PostgreSQL (`npm run import` is the second).
 */
import { loadConfig, loadDotEnv } from '../src/config.ts';
import { SkillbotError } from '../src/errors.ts';
import { createLogger } from '../src/log.ts';
import { describeStore, exportConfiguredStore } from '../src/store/open.ts';
import { writeStoreJson } from './store-json.ts';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? 'warn');
  const data = await exportConfiguredStore(config, log);
  await writeStoreJson(data, process.stdout);
  const users = Object.keys(data.users).length;
  const posts = Object.keys(data.posts).length;
  process.stderr.write(
    `Exported ${users} member(s) and ${posts} post record(s) from ${describeStore(config)}.\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`export failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof SkillbotError ? 78 : 1);
});
