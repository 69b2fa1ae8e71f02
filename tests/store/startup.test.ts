import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/errors.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/lowdb.ts';
import { migrate } from '../../src/store/migrate.ts';
import { userKey } from '../../src/store/types.ts';
import { tempDir } from './support.ts';

const valid = { version: 1, users: {}, workspaces: {}, schedules: {}, posts: {} };
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('a data file that cannot be used stops start-up and stays untouched', () => {
  it.each([
    ['empty', Buffer.alloc(0), /is empty \(0 bytes\)/],
    ['only whitespace', Buffer.from('  \n'), /is empty/],
    [
      'truncated',
      Buffer.from(JSON.stringify(valid, null, 2).slice(0, 40)),
      /not valid JSON, perhaps cut short/,
    ],
    ['not JSON at all', Buffer.from('users: alice'), /not valid JSON/],
    ['a BOM', Buffer.concat([BOM, Buffer.from(JSON.stringify(valid))]), /byte-order mark.*without a BOM/],
    ['UTF-16', Buffer.from(`\ufeff${JSON.stringify(valid)}`, 'utf16le'), /UTF-16/],
    ['null', Buffer.from('null'), /holds `null`/],
    ['an array', Buffer.from('[]'), /holds a JSON array/],
    ['a number', Buffer.from('42'), /holds a JSON number/],
    ['a version that is not a number', Buffer.from('{"version":"one"}'), /"version" is not a whole number/],
    [
      'a newer schema',
      Buffer.from(JSON.stringify({ ...valid, version: 99 })),
      /newer skillbot \(schema version 99/,
    ],
    [
      'the wrong shape',
      Buffer.from(JSON.stringify({ ...valid, users: { 'console:local:a': { checkins: 'yesterday' } } })),
      /does not have the shape skillbot expects: users\.console:local:a\.platform/,
    ],
    [
      'a v0 file whose users are not an object',
      Buffer.from('{"users":"alice,bob"}'),
      /users: must be an object of records/,
    ],
    [
      'a bad date',
      Buffer.from(
        JSON.stringify({
          ...valid,
          users: {
            k: {
              platform: 'slack',
              workspaceId: 'T',
              userId: 'U',
              displayName: 'U',
              checkins: ['4 March'],
              quizAnswers: {},
            },
          },
        }),
      ),
      /users\.k\.checkins\[0\]: must be a date YYYY-MM-DD/,
    ],
  ])('%s', async (_name, bytes, problem) => {
    const dir = tempDir();
    const file = join(dir, 'skillbot.json');
    writeFileSync(file, bytes);
    const opening = openStore({ file, log: silentLogger });
    await expect(opening).rejects.toBeInstanceOf(DataFileError);
    await expect(opening).rejects.toThrow(problem);
    await expect(opening).rejects.toThrow(file);
    await expect(opening).rejects.toThrow(/left untouched/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['skillbot.json']); // no temp file, no lock left behind
  });

  it('refuses a path that is a folder', async () => {
    const dir = tempDir();
    await expect(openStore({ file: dir, log: silentLogger })).rejects.toThrow(/is a folder, not a file/);
  });
});

describe('schema migration', () => {
  const v0 = {
    users: {
      'slack:T1:U1': {
        platform: 'slack',
        workspaceId: 'T1',
        userId: 'U1',
        displayName: 'Ada',
        checkins: ['2026-03-02', '2026-03-03'],
      },
    },
    settings: { 'slack:T1': { timezone: 'Europe/Berlin', learningDays: 'daily' } },
  };

  it('brings a v0 file (no version, settings, no quiz answers) to v1 and keeps the original', async () => {
    const dir = tempDir();
    const file = join(dir, 'skillbot.json');
    const original = JSON.stringify(v0);
    writeFileSync(file, original);
    const store = await openStore({ file, log: silentLogger });
    expect((await store.exportData()).version).toBe(1);
    expect((await store.exportData()).workspaces).toEqual({
      'slack:T1': { timezone: 'Europe/Berlin', learningDays: 'daily' },
    });
    expect((await store.exportData()).users[userKey('slack', 'T1', 'U1')]).toMatchObject({
      displayName: 'Ada',
      checkins: ['2026-03-02', '2026-03-03'],
      quizAnswers: {},
    });
    expect((await store.exportData()).schedules).toEqual({});
    expect(readFileSync(`${file}.v0.bak`, 'utf8')).toBe(original);

    await store.checkIn(
      { platform: 'slack', workspaceId: 'T1', userId: 'U1', displayName: 'Ada' },
      () => '2026-03-04',
    );
    await store.close();
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.version).toBe(1);
    expect('settings' in written).toBe(false);
  });

  it('runs steps in order and refuses a gap in the table', () => {
    const steps = {
      0: (raw: Record<string, unknown>) => ({ ...raw, version: 1, trail: ['0→1'] }),
      1: (raw: Record<string, unknown>) => ({
        ...raw,
        version: 2,
        trail: [...(raw.trail as string[]), '1→2'],
      }),
    };
    expect(migrate({}, 0, 2, steps)).toEqual({ version: 2, trail: ['0→1', '1→2'] });
    expect(() => migrate({}, 0, 3, steps)).toThrow(/no migration from schema version 2 to 3/);
  });
});

describe('one process per data file', () => {
  const ownerOf = (file: string) =>
    JSON.parse(readFileSync(`${file}.lock.owner`, 'utf8')) as { pid: number; pidNamespace: string };

  function fakeLock(file: string, owner: Record<string, unknown> | undefined, ageMs = 0): void {
    mkdirSync(`${file}.lock`);
    if (owner) writeFileSync(`${file}.lock.owner`, JSON.stringify(owner));
    const when = new Date(Date.now() - ageMs);
    utimesSync(`${file}.lock`, when, when);
  }

  const sameNamespace = (pid: number) => ({
    host: hostname(),
    boot: readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(),
    pidNamespace: readlinkSync('/proc/self/ns/pid'),
    pid,
  });

  it('a second store on the same file refuses with a clear message; after close it may open', async () => {
    const file = join(tempDir(), 'skillbot.json');
    const first = await openStore({ file, log: silentLogger });
    const second = openStore({ file, log: silentLogger });
    await expect(second).rejects.toBeInstanceOf(DataFileError);
    await expect(second).rejects.toThrow(`another skillbot (pid ${process.pid} on host ${hostname()}`);
    await expect(second).rejects.toThrow(`${file}.lock`);
    expect(ownerOf(file).pid).toBe(process.pid);
    await first.close();
    expect(readdirSync(join(file, '..'))).toEqual([]);
    const third = await openStore({ file, log: silentLogger });
    await third.close();
  });

  it('a lock held by a live process refuses and is left as it was', async () => {
    const file = join(tempDir(), 'skillbot.json');
    fakeLock(file, sameNamespace(process.ppid)); // our parent is certainly running
    await expect(openStore({ file, log: silentLogger })).rejects.toThrow(`(pid ${process.ppid} on host`);
    expect(ownerOf(file).pid).toBe(process.ppid);
    expect(existsSync(`${file}.lock`)).toBe(true);
  });

  it('a lock left by a process of this pid namespace that has exited is taken over at once', async () => {
    const file = join(tempDir(), 'skillbot.json');
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    fakeLock(file, sameNamespace(gone));
    const store = await openStore({ file, log: silentLogger });
    expect(ownerOf(file).pid).toBe(process.pid);
    await store.close();
    expect(readdirSync(join(file, '..'))).toEqual([]);
  });

  it.each([
    ['another pid namespace (another container)', { ...sameNamespace(1), pidNamespace: 'pid:[1]' }],
    ['a holder that left no owner note', undefined],
  ])('a fresh lock from %s refuses; once its heartbeat is stale it is taken over', async (_name, owner) => {
    const file = join(tempDir(), 'skillbot.json');
    fakeLock(file, owner);
    await expect(openStore({ file, log: silentLogger })).rejects.toThrow(/holds its lock/);
    rmSync(`${file}.lock`, { recursive: true });
    fakeLock(file, owner, 60_000);
    const store = await openStore({ file, log: silentLogger });
    expect(ownerOf(file).pid).toBe(process.pid);
    await store.close();
  });
});
