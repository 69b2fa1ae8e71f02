import { mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/lowdb.ts';
import { userKey } from '../../src/store/types.ts';
import { tempDir } from '../store/support.ts';
import { say, streakBot } from './support.ts';

it('confirms `done` only once it is on disk, and says "not saved" when the write fails', async () => {
  const file = join(tempDir(), 'skillbot.json');
  const store = await openStore({ file, log: silentLogger });
  const { bot, deps } = streakBot({ store });
  const onDisk = () =>
    (JSON.parse(readFileSync(file, 'utf8')).users[userKey('console', 'local', 'alice')]?.checkins ??
      []) as string[];

  const saved = await bot.handleMessage(say('done', deps, { at: '2026-03-03T09:00:00Z' }));
  expect(saved.text).toMatch(/Counted Tue 3 Mar/);
  expect(onDisk()).toEqual(['2026-03-03']);

  const blocker = join(file, '..', '.skillbot.json.tmp'); // where lowdb writes before renaming
  mkdirSync(blocker);
  const failed = await bot.handleMessage(say('done', deps, { at: '2026-03-04T09:00:00Z' }));
  expect(failed.text).toMatch(/couldn't save that/);
  expect((await store.exportData()).users[userKey('console', 'local', 'alice')]?.checkins).toEqual([
    '2026-03-03',
  ]);
  expect(onDisk()).toEqual(['2026-03-03']);

  rmdirSync(blocker);
  const retried = await bot.handleMessage(say('done', deps, { at: '2026-03-04T09:05:00Z' }));
  expect(retried.text).toMatch(/Counted Wed 4 Mar.*\*\*2 days\*\*/);
  expect(onDisk()).toEqual(['2026-03-03', '2026-03-04']);
  await store.close();
});
