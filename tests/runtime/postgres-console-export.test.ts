/**
 * Two console processes sharing one PostgreSQL database check in 200 members each at the same
 * time (`:user NAME` then `done`, 200 times); `npm run export` then holds all 400 check-ins.
 */
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import type { StoreData } from '../../src/store/types.ts';
import { describePostgres } from '../support/postgres.ts';
import { collect, ROOT, runWithInput } from '../support/process.ts';

const PER_PROCESS = 200;

function checkinsFor(prefix: string): string {
  return Array.from({ length: PER_PROCESS }, (_, i) => `:user ${prefix}-${i}\ndone\n`).join('');
}

describePostgres('two console processes on one database', (databaseUrl) => {
  it('GIVEN 200 check-ins from each of two processes at once THEN the export holds all 400', {
    timeout: 240_000,
  }, async () => {
    const env = { DATABASE_URL: databaseUrl(), DATA_FILE: '/nonexistent/unused.json' };
    const [first, second] = await Promise.all([
      runWithInput(checkinsFor('alpha'), env),
      runWithInput(checkinsFor('beta'), env),
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);

    const exporter = spawn('npm', ['run', '-s', 'export'], {
      cwd: ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      stdio: 'pipe',
    });
    exporter.stdin.end();
    const exported = await collect(exporter);
    expect(exported.code, exported.stderr).toBe(0);
    const data = JSON.parse(exported.stdout) as StoreData;
    const checkedIn = Object.values(data.users).filter((user) => user.checkins.length === 1);
    const names = new Set(checkedIn.map((user) => user.userId));
    for (const prefix of ['alpha', 'beta']) {
      for (let i = 0; i < PER_PROCESS; i++) expect(names.has(`${prefix}-${i}`), `${prefix}-${i}`).toBe(true);
    }
    expect(checkedIn).toHaveLength(2 * PER_PROCESS);
  });
});
