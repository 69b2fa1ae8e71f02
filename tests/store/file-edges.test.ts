/**
 * The data file's edges (issues 12 and 13): each is a clear refusal that names the path and the
 * fix, changes nothing on disk and leaves no stray file; or, for a symlink, the link is followed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataFileError, StoreWriteError } from '../../src/errors.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/lowdb.ts';
import { tempDir } from './support.ts';

const alice = { platform: 'console', workspaceId: 'local', userId: 'alice', displayName: 'alice' } as const;
const valid = (users: Record<string, unknown> = {}) =>
  `{"version":1,"users":${JSON.stringify(users)},"workspaces":{},"schedules":{},"posts":{}}`;

/** Open must refuse with `pattern`, naming the file, leaving the folder exactly as it was. */
async function expectRefusal(file: string, pattern: RegExp): Promise<string> {
  const dir = join(file, '..');
  const before = readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('hex')]);
  const error = await openStore({ file, log: silentLogger }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataFileError);
  const message = (error as Error).message;
  expect(message).toMatch(pattern);
  expect(message).toContain(file);
  const after = readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('hex')]);
  expect(after).toEqual(before);
  return message;
}

describe('symlinks and permissions', () => {
  it('follows a symlinked data file: the link stays a link and its target gets the writes', async () => {
    const real = join(tempDir(), 'real.json');
    writeFileSync(real, valid());
    const linkDir = tempDir();
    const link = join(linkDir, 'skillbot.json');
    symlinkSync(real, link);
    const store = await openStore({ file: link, log: silentLogger });
    await store.checkIn(alice, () => '2026-03-04');
    await store.close();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('"userId":"alice"');
    expect(readdirSync(linkDir)).toEqual(['skillbot.json']);
    expect(readdirSync(join(real, '..'))).toEqual(['real.json']);
  });

  it('refuses a dangling symlink', async () => {
    const link = join(tempDir(), 'skillbot.json');
    symlinkSync(join(tempDir(), 'missing.json'), link);
    await expect(openStore({ file: link, log: silentLogger })).rejects.toThrow(
      /symbolic link to a file that does not exist/,
    );
  });

  it('refuses a read-only data file and keeps its bytes and mode', async () => {
    const file = join(tempDir(), 'skillbot.json');
    writeFileSync(file, valid());
    chmodSync(file, 0o444);
    await expectRefusal(file, /read-only.*chmod u\+w/);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('keeps a private file private across writes', async () => {
    const file = join(tempDir(), 'skillbot.json');
    writeFileSync(file, valid());
    chmodSync(file, 0o600);
    const store = await openStore({ file, log: silentLogger });
    await store.checkIn(alice, () => '2026-03-04');
    await store.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('odd contents', () => {
  it('keeps a user record keyed __proto__ through a write', async () => {
    const file = join(tempDir(), 'skillbot.json');
    const proto = {
      platform: 'console',
      workspaceId: 'local',
      userId: 'proto',
      displayName: 'P',
      checkins: ['2026-03-02'],
      quizAnswers: {},
    };
    writeFileSync(file, valid({}).replace('"users":{}', `"users":{"__proto__":${JSON.stringify(proto)}}`));
    const store = await openStore({ file, log: silentLogger });
    await store.checkIn(alice, () => '2026-03-04');
    await store.close();
    const users = JSON.parse(readFileSync(file, 'utf8')).users;
    expect(Object.hasOwn(users, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(users, '__proto__')?.value).toMatchObject({ userId: 'proto' });
  });

  it('refuses invalid UTF-8 by name, pointing at the byte, without rewriting it', async () => {
    const file = join(tempDir(), 'skillbot.json');
    const text = Buffer.from(
      valid({
        'console:local:a': {
          platform: 'console',
          workspaceId: 'local',
          userId: 'a',
          displayName: 'Xx',
          checkins: [],
          quizAnswers: {},
        },
      }),
    );
    const at = text.indexOf('Xx');
    text[at] = 0xff;
    writeFileSync(file, text);
    const message = await expectRefusal(file, /not valid UTF-8 text \(byte \d+ is 0xff\)/);
    expect(message).not.toContain('\ufffd');
  });

  it.each([
    ['terminal escapes', Buffer.from('\u001b[2J\u001b[31mHELLO\u0007 not json')],
    ['binary bytes that happen to be UTF-8', Buffer.from([0x01, 0x02, 0x7f, 0x1b, 0x5b, 0x41, 0x09, 0x00])],
    ['binary bytes', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff])],
  ])('refuses a garbage file (%s) without echoing its bytes', async (_name, bytes) => {
    const file = join(tempDir(), 'skillbot.json');
    writeFileSync(file, bytes);
    const message = await expectRefusal(file, /Cannot use the data file/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is that none get through
    expect(message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/);
  });
});

describe('what is at the lock path', () => {
  it('refuses a regular file there (an older lock) and leaves it', async () => {
    const file = join(tempDir(), 'skillbot.json');
    writeFileSync(`${file}.lock`, '12345\n');
    await expectRefusal(file, /ENOTDIR.*in the way.*remove it/);
  });

  it('refuses an abandoned lock folder that holds other files, and leaves it', async () => {
    const file = join(tempDir(), 'skillbot.json');
    mkdirSync(`${file}.lock`);
    writeFileSync(join(`${file}.lock`, 'notes.txt'), 'mine');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    await expect(openStore({ file, log: silentLogger })).rejects.toThrow(/ENOTEMPTY.*in the way/);
    expect(readFileSync(join(`${file}.lock`, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(join(file, '..')).sort()).toEqual(['skillbot.json.lock']);
  });
});

const isRoot = process.getuid?.() === 0;

function mountTinyDisk(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32k', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!isRoot)('a full disk (a 32 KB tmpfs, as root)', () => {
  it('refuses to start or to save, clearly, and leaves no stray file', async () => {
    const dir = tempDir();
    if (!mountTinyDisk(dir)) return;
    try {
      const file = join(dir, 'skillbot.json');
      writeFileSync(file, valid());
      try {
        writeFileSync(join(dir, 'filler'), Buffer.alloc(64 * 1024));
      } catch {}
      const opened = await openStore({ file, log: silentLogger }).then(
        (store) => store,
        (error: unknown) => error as Error,
      );
      if (opened instanceof Error) {
        expect(opened.message).toMatch(/disk is full|ENOSPC/);
      } else {
        await expect(opened.checkIn(alice, () => '2026-03-04')).rejects.toBeInstanceOf(StoreWriteError);
        await opened.close();
      }
      expect(readdirSync(dir).sort(), String(opened)).toEqual(['filler', 'skillbot.json']);
      expect(readFileSync(file, 'utf8')).toBe(valid());
    } finally {
      execFileSync('umount', [dir]);
    }
  });
});

const HOLD_CHILD = fileURLToPath(new URL('../support/store-hold-child.ts', import.meta.url));

function inOwnPidNamespace(file: string) {
  const child = spawn(
    'unshare',
    ['--pid', '--fork', '--mount-proc', process.execPath, '--import', 'tsx', HOLD_CHILD, file],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  return { child, out: () => out, err: () => err };
}

describe.skipIf(!isRoot)('two containers sharing one data file (separate pid namespaces)', () => {
  it('the second is refused with a clear message while the first runs', async () => {
    const file = join(tempDir(), 'skillbot.json');
    const first = inOwnPidNamespace(file);
    await new Promise<void>((resolve, reject) => {
      first.child.stdout.on('data', () => first.out().includes('ready') && resolve());
      first.child.on('exit', () => reject(new Error(`first child exited: ${first.err()}`)));
    });
    const second = inOwnPidNamespace(file);
    const [code] = await once(second.child, 'exit');
    expect(code).toBe(78);
    expect(second.err()).toMatch(
      /another skillbot \(pid \d+ on host .*perhaps in another container\) holds its lock/,
    );
    first.child.stdin.end();
    await once(first.child, 'exit');
    const users = JSON.parse(readFileSync(file, 'utf8')).users;
    expect(Object.keys(users)).toHaveLength(1);
  }, 30_000);
});
