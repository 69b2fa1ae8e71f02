import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
      /users: Invalid input: expected record/,
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
    await expect(openStore({ file: dir, log: silentLogger })).rejects.toThrow(/Cannot read the data file/);
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
    expect(store.data.version).toBe(1);
    expect(store.data.workspaces).toEqual({
      'slack:T1': { timezone: 'Europe/Berlin', learningDays: 'daily' },
    });
    expect(store.data.users[userKey('slack', 'T1', 'U1')]).toMatchObject({
      displayName: 'Ada',
      checkins: ['2026-03-02', '2026-03-03'],
      quizAnswers: {},
    });
    expect(store.data.schedules).toEqual({});
    expect(readFileSync(`${file}.v0.bak`, 'utf8')).toBe(original);

    await store.commit((data) => {
      data.users[userKey('slack', 'T1', 'U1')]?.checkins.push('2026-03-04');
    });
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
  it('a second store on the same file refuses with a clear message; after close it may open', async () => {
    const file = join(tempDir(), 'skillbot.json');
    const first = await openStore({ file, log: silentLogger });
    const second = openStore({ file, log: silentLogger });
    await expect(second).rejects.toBeInstanceOf(DataFileError);
    await expect(second).rejects.toThrow(`another skillbot process (pid ${process.pid}) is using it`);
    await expect(second).rejects.toThrow(`${file}.lock`);
    expect(readFileSync(`${file}.lock`, 'utf8').trim()).toBe(String(process.pid));
    await first.close();
    const third = await openStore({ file, log: silentLogger });
    await third.close();
  });

  it('a lock held by a live process refuses', async () => {
    const file = join(tempDir(), 'skillbot.json');
    writeFileSync(`${file}.lock`, String(process.ppid)); // our parent is certainly running
    await expect(openStore({ file, log: silentLogger })).rejects.toThrow(`(pid ${process.ppid})`);
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(String(process.ppid));
  });

  it.each([
    ['a process that has exited', () => String(spawnSync(process.execPath, ['-e', '']).pid)],
    ['our own pid from an earlier run (pid 1 in a container)', () => String(process.pid)],
    ['unreadable content', () => 'not a pid'],
  ])('a stale lock left by %s is taken over', async (_name, content) => {
    const file = join(tempDir(), 'skillbot.json');
    writeFileSync(`${file}.lock`, content());
    const store = await openStore({ file, log: silentLogger });
    expect(readFileSync(`${file}.lock`, 'utf8').trim()).toBe(String(process.pid));
    await store.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('writes the given pid to the lock', async () => {
    const file = join(tempDir(), 'skillbot.json');
    const store = await openStore({ file, log: silentLogger, pid: 4242 });
    expect(readFileSync(`${file}.lock`, 'utf8').trim()).toBe('4242');
    await store.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
