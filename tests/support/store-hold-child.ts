/**
 * Child for the cross-container lock test: opens the data file given as argv[2], prints `ready`
 * and holds it until stdin closes; or prints the refusal on stderr and exits 78, as `npm start` does.
 */
import { DataFileError } from '../../src/errors.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/lowdb.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: store-hold-child <data file>');
try {
  const store = await openStore({ file, log: silentLogger });
  await store.checkIn(
    { platform: 'console', workspaceId: 'w', userId: `pid-${process.pid}`, displayName: 'x' },
    () => '2026-03-04',
  );
  process.stdout.write('ready\n');
  process.stdin.resume();
  process.stdin.on('end', () => void store.close().then(() => process.exit(0)));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(error instanceof DataFileError ? 78 : 1);
}
