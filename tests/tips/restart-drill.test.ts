/**
 * The restart drill: 50 random stop/restart moments around the scheduled minute (half of them
 * "crashes" that abandon sends in flight, which may or may not have reached the platform), with
 * one channel whose catch-up window crosses midnight. New scheduler instances share one store,
 * as a restarted process shares the data file. Zero duplicates, zero missed posts.
 */
import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeliveryError } from '../../src/errors.ts';
import { seededRandom } from '../../src/random.ts';
import { createInMemoryStore } from '../../src/store/in-memory.ts';
import { postKey, type Schedule } from '../../src/store/types.ts';
import { addDays, localDate } from '../../src/time.ts';
import { scheduledInstant } from '../../src/tips/schedule-rules.ts';
import { createScheduler, type Scheduler } from '../../src/tips/scheduler.ts';
import { addSchedule, createFakePlatform, target, tipDeps } from './support.ts';

const CREATED = '2026-03-04T12:00:00.000Z';
const MINUTE = 60_000;

/** The next `count` scheduled instants across all schedules, in time order. */
function scheduledMoments(schedules: Schedule[], count: number) {
  const moments: Array<{ schedule: Schedule; date: string; instant: Date }> = [];
  for (const schedule of schedules) {
    const first = localDate(new Date(CREATED), schedule.timezone);
    for (let day = 0; day < count; day++) {
      const date = addDays(first, day);
      const instant = scheduledInstant(schedule, date);
      if (instant.getTime() > Date.parse(CREATED)) moments.push({ schedule, date, instant });
    }
  }
  return moments.sort((a, b) => a.instant.getTime() - b.instant.getTime()).slice(0, count);
}

/** Stop and let sends in flight finish (their answers arrive on the fake clock). */
async function gracefulStop(scheduler: Scheduler): Promise<void> {
  const stopping = scheduler.stop();
  await vi.advanceTimersByTimeAsync(5_000);
  await stopping;
}

async function drill(seed: number, withFind: boolean) {
  const random = seededRandom(seed);
  const store = createInMemoryStore();
  const deps = tipDeps({ store });
  const platform = createFakePlatform({
    withFind,
    latencyMs: 3_000,
    landsOnCrash: () => random() < 0.5,
    fail: () => (random() < 0.05 ? new DeliveryError('502 from the platform', 'temporary') : undefined),
  });
  // Berlin in the morning; New York just before midnight, so late posts belong to "yesterday".
  await addSchedule(store, target('MORNING'), {
    time: '09:00',
    timezone: 'Europe/Berlin',
    createdAt: CREATED,
  });
  await addSchedule(store, target('MIDNIGHT'), {
    time: '23:55',
    timezone: 'America/New_York',
    createdAt: CREATED,
  });
  const moments = scheduledMoments(Object.values((await store.exportData()).schedules), 50);
  expect(moments).toHaveLength(50);

  const boot = (): Scheduler => {
    const scheduler = createScheduler(deps, { backoffMs: 2_000, maxAttempts: 6 });
    scheduler.addDelivery(platform.delivery);
    scheduler.start();
    return scheduler;
  };
  vi.setSystemTime(CREATED);
  let current = boot();
  for (const { instant } of moments) {
    const midSend = random() < 0.4;
    const offset = midSend ? random() * 5_000 : (random() * 20 - 10) * MINUTE;
    const stopAt = instant.getTime() + Math.round(offset);
    // Quiet hours pass in one jump (stopped, so the ticker has no missed minutes to wade
    // through); the minutes around the post run tick by tick.
    await gracefulStop(current);
    vi.setSystemTime(Math.min(stopAt, instant.getTime()) - MINUTE);
    current = boot();
    await vi.advanceTimersByTimeAsync(stopAt - Date.now());
    if (random() < 0.5) {
      platform.crash();
      void current.stop(); // A crash: nothing is awaited, answers in flight are lost.
    } else {
      await gracefulStop(current);
    }
    // Down for up to 20 minutes: no process, so no timers to run.
    vi.setSystemTime(Date.now() + Math.round(random() * 20 * MINUTE));
    current = boot();
    await vi.advanceTimersByTimeAsync(Math.max(Date.now(), instant.getTime()) + 2 * MINUTE - Date.now());
  }
  await gracefulStop(current);

  const keys = moments.map((m) => postKey('slack', 'T1', m.schedule.channelId, m.date));
  return { keys, platform, store };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(async () => {
  for (const task of cron.getTasks().values()) await task.destroy();
  vi.useRealTimers();
});

describe('restart drill', () => {
  it.each([
    ['a platform that can look up a post by key (Slack metadata)', 20260304, true],
    ['a platform that deduplicates sends by key (Discord nonce)', 4242, false],
  ])('%s: every post exactly once across 50 stops and restarts', async (_name, seed, withFind) => {
    const { keys, platform, store } = await drill(seed, withFind);
    const perKey = keys.map((k) => platform.countFor(k));
    expect(perKey.filter((n) => n === 0)).toHaveLength(0); // nothing missed
    expect(perKey.filter((n) => n > 1)).toHaveLength(0); // nothing twice
    expect(platform.messages).toHaveLength(keys.length);
    expect(Object.values((await store.exportData()).posts).map((r) => r.status)).toEqual(
      keys.map(() => 'sent'),
    );
    // The drill did exercise recovery: some sends were cut off mid-flight and sent again.
    expect(platform.calls.length).toBeGreaterThan(keys.length);
  });
});
