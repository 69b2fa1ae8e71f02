import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreWriteError } from '../../src/errors.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/lowdb.ts';
import type { StorePort } from '../../src/store/port.ts';
import { type StoreData, userKey } from '../../src/store/types.ts';
import { captureLog, tempDir } from './support.ts';

const readJson = (file: string): StoreData => JSON.parse(readFileSync(file, 'utf8'));

const who = (id: string) =>
  ({ platform: 'console', workspaceId: 'local', userId: id, displayName: id }) as const;

/** A check-in for `id` on 2026-03-04: the way these tests add a user. */
const addUser = (store: StorePort, id: string) => store.checkIn(who(id), () => '2026-03-04');

/** The store writes `.<name>.tmp` next to the file; a folder there makes every write fail. */
const blockWrites = (file: string) => mkdirSync(join(file, '..', `.${file.split('/').at(-1)}.tmp`));
const unblockWrites = (file: string) => rmdirSync(join(file, '..', `.${file.split('/').at(-1)}.tmp`));

describe('openStore', () => {
  it('creates the folder, starts empty, and keeps what was committed across a reopen', async () => {
    const file = join(tempDir(), 'nested', 'deeper', 'skillbot.json');
    const store = await openStore({ file, log: silentLogger });
    expect((await store.exportData()).users).toEqual({});
    await addUser(store, 'alice');
    expect(readJson(file).users[userKey('console', 'local', 'alice')]?.checkins).toEqual(['2026-03-04']);
    await store.close();

    const again = await openStore({ file, log: silentLogger });
    expect(Object.keys((await again.exportData()).users)).toEqual([userKey('console', 'local', 'alice')]);
    await again.close();
  });

  it('resolves a commit only once the file holds the change', async () => {
    const file = join(tempDir(), 'data.json');
    const store = await openStore({ file, log: silentLogger });
    await Promise.all(
      ['a', 'b', 'c'].map(async (id) => {
        await addUser(store, id);
        expect(readJson(file).users[userKey('console', 'local', id)]).toBeDefined();
      }),
    );
    await store.close();
  });

  it('coalesces: changes made while a write is in flight share the next single write', async () => {
    const file = join(tempDir(), 'data.json');
    const store = await openStore({ file, log: silentLogger });
    const first = addUser(store, 'first');
    await Promise.resolve(); // the first write has started and is now waiting on the disk
    const rest = Array.from({ length: 200 }, (_, i) => addUser(store, `u${i}`));
    await Promise.all([first, ...rest]);
    expect(store.writeCount).toBe(2);
    expect(Object.keys(readJson(file).users)).toHaveLength(201);
    await store.close();
  });

  it('on a failed write: rejects with StoreWriteError, rolls back, logs, and keeps working', async () => {
    const file = join(tempDir(), 'data.json');
    const { log, lines } = captureLog();
    const store = await openStore({ file, log });
    await addUser(store, 'kept');
    blockWrites(file);
    await expect(addUser(store, 'lost')).rejects.toBeInstanceOf(StoreWriteError);
    expect(Object.keys((await store.exportData()).users)).toEqual([userKey('console', 'local', 'kept')]);
    expect(lines.some((l) => l.level === 50 && String(l.msg).includes('write failed'))).toBe(true);

    unblockWrites(file);
    expect((await addUser(store, 'later')).status).toBe('counted');
    expect(Object.keys(readJson(file).users).sort()).toEqual([
      userKey('console', 'local', 'kept'),
      userKey('console', 'local', 'later'),
    ]);
    await store.close();
  });

  it('keeps changes made during a failed write and recomputes their results', async () => {
    const file = join(tempDir(), 'data.json');
    // The disk "recovers" the moment the failure is logged: after the failed write, before the next.
    const { log } = captureLog((line) => {
      if (line.level === 50) unblockWrites(file);
    });
    const store = await openStore({ file, log });
    blockWrites(file);
    const failing = addUser(store, 'alice');
    await Promise.resolve(); // the failing write is now in flight
    const during = store.checkIn({ ...who('alice'), displayName: 'Alice' }, () => '2026-03-04');
    await expect(failing).rejects.toBeInstanceOf(StoreWriteError);
    // It found the date already there when it ran; after the rollback it is the one that counted it.
    expect((await during).status).toBe('counted');
    expect(readJson(file).users[userKey('console', 'local', 'alice')]).toMatchObject({
      displayName: 'Alice',
      checkins: ['2026-03-04'],
    });
    await store.close();
  });

  it('changes nothing when a rule throws, and rethrows its error', async () => {
    const file = join(tempDir(), 'data.json');
    const store = await openStore({ file, log: silentLogger });
    await addUser(store, 'a');
    const broken = store.checkIn(who('half'), () => {
      throw new Error('boom');
    });
    await expect(broken).rejects.toThrow('boom');
    expect(Object.keys((await store.exportData()).users)).toEqual([userKey('console', 'local', 'a')]);
    await store.close();
  });

  it('fails a write when the folder disappears, and says so', async () => {
    const dir = tempDir();
    const file = join(dir, 'sub', 'data.json');
    const store = await openStore({ file, log: silentLogger });
    rmSync(join(dir, 'sub'), { recursive: true });
    await expect(addUser(store, 'x')).rejects.toThrow(/Could not write .*data\.json/);
    await store.close();
  });

  it('close() flushes pending changes, removes the lock, and refuses later commits', async () => {
    const file = join(tempDir(), 'data.json');
    const store = await openStore({ file, log: silentLogger });
    expect(existsSync(`${file}.lock`)).toBe(true);
    const pending = addUser(store, 'last');
    await store.close();
    await pending;
    expect(readJson(file).users[userKey('console', 'local', 'last')]).toBeDefined();
    expect(existsSync(`${file}.lock`)).toBe(false);
    await expect(addUser(store, 'too-late')).rejects.toThrow(/closed/);
    await store.close();
  });

  it('leaves no temp file behind and writes through a rename', async () => {
    const dir = tempDir();
    const file = join(dir, 'data.json');
    const store = await openStore({ file, log: silentLogger });
    await Promise.all(Array.from({ length: 20 }, (_, i) => addUser(store, `u${i}`)));
    await store.close();
    expect(readdirSync(dir)).toEqual(['data.json']);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('keeps fields it does not know (written by a newer feature) through a write', async () => {
    const file = join(tempDir(), 'data.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        users: {},
        workspaces: {},
        schedules: {},
        posts: {},
        extra: { keep: true },
      }),
    );
    const store = await openStore({ file, log: silentLogger });
    await addUser(store, 'a');
    await store.close();
    expect((readJson(file) as unknown as { extra: unknown }).extra).toEqual({ keep: true });
  });
});
