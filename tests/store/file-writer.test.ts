/**
 * The data-file writer copies unchanged records from the file it wrote last: whatever changes in
 * between, the file must come out byte for byte as a write from scratch would make it.
 */
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../src/store/datafile.ts';
import { DataFileWriter } from '../../src/store/file-writer.ts';
import { Tables } from '../../src/store/tables.ts';
import type { PostRecord, UserRecord } from '../../src/store/types.ts';
import { parseDataFile } from '../../src/store/validate.ts';

function member(id: string, checkins: string[]): UserRecord {
  return {
    platform: 'slack',
    workspaceId: 'T1',
    userId: id,
    displayName: `member ${id}`,
    checkins,
    quizAnswers: {},
  };
}

function post(n: number): PostRecord {
  return {
    key: `slack:T1:C${n}:2026-03-04`,
    platform: 'slack',
    workspaceId: 'T1',
    channelId: `C${n}`,
    date: '2026-03-04',
    tipId: 'tip-a',
    status: 'sent',
    claimedAt: '2026-03-04T09:00:00.000Z',
    attempts: 1,
  };
}

/** A small seeded generator, so a failure can be replayed. */
function generator(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state % below;
  };
}

/** One random change: a check-in, a new member, a removal, a record moved to a new key, or a post. */
function change(tables: Tables, pick: (below: number) => number, step: number): void {
  const keys = [...tables.users.keys()];
  const key = keys[pick(Math.max(keys.length, 1))];
  const kind = pick(6);
  if (kind === 0 || !key) tables.put(tables.users, `slack:T1:N${step}`, member(`N${step}`, []));
  else if (kind === 1) tables.put(tables.users, key, undefined);
  else if (kind === 2) {
    // The same record object under another key (and, once, under two keys at the same time).
    const record = tables.users.get(key) as UserRecord;
    tables.put(tables.users, `slack:T1:moved-${step}`, record);
    if (step % 2 === 0) tables.put(tables.users, key, undefined);
  } else if (kind === 3) tables.put(tables.posts, `post-${step}`, post(step));
  else {
    const current = tables.users.get(key) as UserRecord;
    tables.put(tables.users, key, {
      ...current,
      checkins: [...current.checkins, `2026-04-${10 + (step % 18)}`],
    });
  }
}

describe('the data-file writer', () => {
  it('writes, after any mix of changes, exactly what a write from scratch writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillbot-writer-'));
    const file = join(dir, 'data.json');
    const scratch = join(dir, 'scratch.json');
    const tables = new Tables();
    for (let i = 0; i < 200; i++) tables.put(tables.users, `slack:T1:U${i}`, member(`U${i}`, ['2026-03-01']));
    tables.extra = { note: 'kept' };
    const writer = new DataFileWriter(file);
    const pick = generator(7);
    for (let round = 0; round < 60; round++) {
      for (let n = pick(5); n > 0; n--) change(tables, pick, round * 10 + n);
      await writer.write(snapshotOf(tables));
      await new DataFileWriter(scratch).write(snapshotOf(tables));
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(scratch, 'utf8'));
    }
    const { data } = parseDataFile(readFileSync(file), file);
    expect(Object.keys(data.users).sort()).toEqual([...tables.users.keys()].sort());
    expect((data as unknown as Record<string, unknown>).note).toBe('kept');
  });

  it('writes everything anew when the file changed since its last write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillbot-writer-'));
    const file = join(dir, 'data.json');
    const tables = new Tables();
    for (let i = 0; i < 50; i++) tables.put(tables.users, `slack:T1:U${i}`, member(`U${i}`, ['2026-03-01']));
    const writer = new DataFileWriter(file);
    await writer.write(snapshotOf(tables));
    const written = readFileSync(file, 'utf8');
    // Same length, other bytes, as if someone edited the file: nothing may be copied from it.
    writeFileSync(file, written.replaceAll('member', 'MEMBER'));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    tables.put(tables.users, 'slack:T1:U0', member('U0', ['2026-03-02']));
    await writer.write(snapshotOf(tables));
    expect(readFileSync(file, 'utf8')).not.toContain('MEMBER');
    expect(readFileSync(file, 'utf8')).toContain('"2026-03-02"');
  });
});
