import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { ContentError } from '../../src/errors.ts';

const dirs: string[] = [];

function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'skillbot-content-'));
  dirs.push(dir);
  cpSync('content', dir, { recursive: true });
  return dir;
}

function loadError(dir: string): ContentError {
  try {
    loadContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected the content to be refused');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the shipped content', () => {
  it('has the 11 skills and 8 FAQ entries, all valid', () => {
    const content = loadContent('content');
    expect(content.entries.filter((e) => e.kind === 'skill')).toHaveLength(11);
    expect(content.entries.filter((e) => e.kind === 'faq')).toHaveLength(8);
  });

  it('never repeats the seed articles mistakes', () => {
    const text = loadContent('content')
      .entries.map((e) => e.body)
      .join('\n');
    expect(text).not.toMatch(/jscript/i);
    expect(text).not.toMatch(/PHP is (basically )?not open source/i);
    expect(text).not.toMatch(/cloud-based database/i);
  });

  it('states the facts the first version got wrong correctly', () => {
    const body = (id: string) => loadContent('content').entry(id)?.body ?? '';
    expect(body('version-control')).not.toMatch(/older systems include[^.]*mercurial/i);
    expect(body('version-control')).toMatch(/Mercurial[^.]*distributed/);
    expect(body('data-structures-algorithms')).toMatch(/quicksort[^.]*O\(n²\)/i);
    expect(body('data-structures-algorithms')).toMatch(/O\(1\) only when you already hold the node/);
    expect(body('security')).toMatch(/OAuth 2\.0:\*\* an authorization framework/);
    expect(body('security')).not.toMatch(/tokens \(JWT, OAuth 2\.0\)/);
  });

  it('keeps every paragraph and bullet of a skill short enough to be quoted as an answer', () => {
    for (const entry of loadContent('content').entries.filter((e) => e.kind === 'skill')) {
      const long = entry.body.split('\n').filter((line) => line.length > 600);
      expect(long, entry.id).toEqual([]);
    }
  });
});

describe('invalid content is refused with the file and the field', () => {
  it('GIVEN a skill without a title THEN the error names the file and "title"', () => {
    const dir = contentCopy();
    writeFileSync(
      join(dir, 'skills', 'broken.md'),
      '---\nid: broken\nkind: skill\nsummary: x\n---\nA body that is long enough to count as a body.\n',
    );
    const error = loadError(dir);
    expect(error.file).toContain('broken.md');
    expect(error.field).toBe('title');
  });

  it('GIVEN a tip whose answer is not one of its options THEN quiz.answer is named', () => {
    const dir = contentCopy();
    const tip = [
      '---',
      'id: broken-tip',
      'kind: tip',
      'skill: databases',
      'title: A tip',
      'task: Do a thing for fifteen minutes.',
      'quiz:',
      '  question: Which?',
      '  options: [one, two, three]',
      '  answer: four',
      '  explanation: Because.',
      '---',
      'Body.',
    ].join('\n');
    writeFileSync(join(dir, 'tips', 'broken-tip.md'), tip);
    const error = loadError(dir);
    expect(error.message).toContain('broken-tip.md');
    expect(error.field).toBe('quiz.answer');
  });

  it('GIVEN related naming a missing entry THEN "related" is named', () => {
    const dir = contentCopy();
    writeFileSync(
      join(dir, 'faq', 'orphan.md'),
      '---\nid: orphan\nkind: faq\ntitle: Orphan?\nsummary: An orphan.\nrelated: [no-such-entry]\n---\nA body that is long enough to count as a body.\n',
    );
    expect(loadError(dir).field).toBe('related');
  });

  it('GIVEN asks keyed by a label no bullet has THEN "asks" is named with the label', () => {
    const dir = contentCopy();
    writeFileSync(
      join(dir, 'faq', 'asks.md'),
      '---\nid: asks-typo\nkind: faq\ntitle: Asks?\nsummary: Asks.\nasks:\n  "Cursor paging": ["page 9000 is slow"]\n---\n- **Cursor pagination:** each page returns a cursor built from the last item.\n',
    );
    const error = loadError(dir);
    expect(error.field).toBe('asks');
    expect(error.message).toContain('Cursor paging');
  });

  it('GIVEN broken YAML THEN the front matter is named', () => {
    const dir = contentCopy();
    writeFileSync(join(dir, 'skills', 'yaml.md'), '---\nid: [unclosed\n---\nbody\n');
    const error = loadError(dir);
    expect(error.file).toContain('yaml.md');
    expect(error.field).toBe('front matter');
  });
});
