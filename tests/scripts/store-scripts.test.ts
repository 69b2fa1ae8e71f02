/** `npm run export` and `npm run import`, run as an operator would, on the JSON data file. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { childEnvironment } from '../../src/config.ts';

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function script(name: 'export' | 'import', dataFile: string, args: string[] = []) {
  const env = childEnvironment({ DATA_FILE: dataFile, LOG_LEVEL: 'warn' });
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run('npx', ['tsx', `scripts/${name}.ts`, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const member = (userId: string, checkins: string[]) => ({
  platform: 'slack',
  workspaceId: 'T1',
  userId,
  displayName: userId,
  checkins,
  quizAnswers: {},
});

describe('export and import', () => {
  it('exports the data file format on stdout, imports it into an empty store, and refuses a full one without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillbot-scripts-'));
    dirs.push(dir);
    const source = join(dir, 'source.json');
    // A v0 file (no version): export migrates it on the way out, leaving the file alone.
    const original = `{"users":{"slack:T1:U1":${JSON.stringify(member('U1', ['2026-03-02']))},"__proto__":${JSON.stringify(member('P', ['2026-03-03']))}}}`;
    writeFileSync(source, original);
    const exported = await script('export', source);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/Exported 2 member/);
    const data = JSON.parse(exported.stdout);
    expect(data.version).toBe(1);
    expect(Object.hasOwn(data.users, '__proto__')).toBe(true);
    expect(data.users['slack:T1:U1']).toMatchObject({ userId: 'U1', checkins: ['2026-03-02'] });
    expect(readFileSync(source, 'utf8')).toBe(original);

    const dump = join(dir, 'export.json');
    writeFileSync(dump, exported.stdout);
    const target = join(dir, 'target.json');
    expect((await script('import', target, [dump])).code).toBe(0);
    expect(JSON.parse((await script('export', target)).stdout)).toEqual(data);

    const again = await script('import', target, [dump]);
    expect(again.code).toBe(78);
    expect(again.stderr).toMatch(/already holds data; nothing was imported.*--force/);
    writeFileSync(dump, JSON.stringify({ ...data, users: { 'slack:T1:U9': member('U9', ['2026-03-04']) } }));
    expect((await script('import', target, [dump, '--force'])).code).toBe(0);
    expect(Object.keys(JSON.parse((await script('export', target)).stdout).users)).toEqual(['slack:T1:U9']);
    expect(readdirSync(dir).sort()).toEqual(['export.json', 'source.json', 'target.json']);
  }, 180_000);

  it('refuses a corrupt import file, naming it, and changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillbot-scripts-'));
    dirs.push(dir);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"version":1,"users":');
    const result = await script('import', join(dir, 'target.json'), [bad]);
    expect(result.code).toBe(78);
    expect(result.stderr).toContain(bad);
    expect(readdirSync(dir)).toEqual(['bad.json']);
  }, 120_000);
});
