import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnvironment } from '../../src/config.ts';
import { ROOT } from '../support/process.ts';

/** Run a script the way `npm run` does (through tsx), with `input` on stdin. */
function run(script: string, args: string[], input = '', env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: childEnvironment({ LOG_LEVEL: 'silent', ...env }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function invalidContentDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'skillbot-content-'));
  mkdirSync(join(dir, 'skills'));
  writeFileSync(
    join(dir, 'skills', 'broken.md'),
    '---\nid: broken\nkind: skill\n---\nA body that is long enough to pass.\n',
  );
  return dir;
}

describe('npm run ask -- --json', () => {
  it('GIVEN questions on stdin THEN one contract object per line and nothing else', () => {
    const { code, stdout } = run(
      'scripts/ask.ts',
      ['--json'],
      'what is git for\nwhat is the wifi password\nhelp\n',
    );
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      question: 'what is git for',
      answered: true,
      id: 'version-control',
      title: 'Version control',
      kind: 'skill',
    });
    expect(typeof lines[0].score).toBe('number');
    expect(lines[0].text).toMatch(/^\*\*Version control\*\*\n\n/);
    expect(lines[0].text).toMatch(/_From the Version control guide/);
    expect(lines[0].text.length).toBeLessThanOrEqual(1200);
    expect(lines[0].text).not.toContain('Full guide');
    expect(lines[1]).toMatchObject({ answered: false, id: null, title: null, kind: null });
    expect(lines[1].text).toMatch(/outside what I know/);
    // A command is not a knowledge answer, but its reply is still shown.
    expect(lines[2]).toMatchObject({ question: 'help', answered: false, id: null });
    expect(lines[2].text).toContain('`done`');
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(
        ['answered', 'id', 'kind', 'question', 'score', 'suggestions', 'text', 'title'].sort(),
      );
      for (const s of line.suggestions) expect(Object.keys(s).sort()).toEqual(['id', 'score', 'title']);
    }
  });
});

describe('npm run content -- --json', () => {
  it('GIVEN the content THEN every entry and tip as { id, kind, title, aliases, text }', () => {
    const { code, stdout } = run('scripts/content.ts', ['--json']);
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as Array<Record<string, unknown>>;
    const kinds = new Set(items.map((i) => i.kind));
    expect(kinds).toEqual(new Set(['skill', 'faq', 'tip']));
    expect(items.filter((i) => i.kind === 'skill')).toHaveLength(11);
    expect(items.filter((i) => i.kind === 'faq')).toHaveLength(8);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['aliases', 'id', 'kind', 'text', 'title']);
      expect(Array.isArray(item.aliases)).toBe(true);
      expect(String(item.text).length).toBeGreaterThan(20);
    }
  });

  it.each([
    ['scripts/content.ts', ['--json']],
    ['scripts/ask.ts', ['--json']],
  ])(
    'GIVEN invalid content THEN %s names the file and field on stderr, exits 1, prints nothing',
    (script, args) => {
      const { code, stdout, stderr } = run(script, args, 'what is git\n', {
        CONTENT_DIR: invalidContentDir(),
      });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/broken\.md: field "title"/);
    },
  );
});
