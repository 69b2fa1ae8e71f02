/** Fake-timer harness for scheduler tests: start instances, restart them, move the clock. */
import cron from 'node-cron';
import { vi } from 'vitest';
import type { CoreDeps } from '../../src/core.ts';
import type { Delivery } from '../../src/delivery.ts';
import { postKey } from '../../src/store/types.ts';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../../src/tips/scheduler.ts';
import { createFakePlatform, type FakePlatformOptions, target, tipDeps } from './support.ts';

export const C1 = target('C1');
export const C2 = target('C2');
const running: Scheduler[] = [];

export function start(deps: CoreDeps, delivery: Delivery, options: SchedulerOptions = {}): Scheduler {
  const scheduler = createScheduler(deps, options);
  scheduler.addDelivery(delivery);
  scheduler.start();
  running.push(scheduler);
  return scheduler;
}

async function stopAll(graceMs: number): Promise<void> {
  const stopping = Promise.all(running.splice(0).map((s) => s.stop()));
  await vi.advanceTimersByTimeAsync(graceMs);
  await stopping;
}

/** Stop every running scheduler, move the clock, and start a fresh one on the same store. */
export async function restartAt(iso: string, deps: CoreDeps, delivery: Delivery): Promise<Scheduler> {
  await stopAll(5_000);
  vi.setSystemTime(iso);
  return start(deps, delivery);
}

/** For afterEach: stop everything, destroy node-cron tasks, real timers again. */
export async function cleanUp(): Promise<void> {
  await stopAll(120_000);
  for (const task of cron.getTasks().values()) await task.destroy();
  vi.useRealTimers();
}

export const advanceTo = (iso: string) => vi.advanceTimersByTimeAsync(Date.parse(iso) - Date.now());

/** Seconds are what matter: node-cron fires a millisecond after the minute. */
export const times = (messages: Array<{ at: Date }>) =>
  messages.map((m) => `${m.at.toISOString().slice(0, 19)}Z`);

/** Run a check now, letting the fake platform's timers run while it works. */
export async function tickNow(scheduler: Scheduler): Promise<void> {
  const done = scheduler.tick();
  await vi.advanceTimersByTimeAsync(1_000);
  await done;
}

export const key = (where = C1, date = '2026-03-04') =>
  postKey(where.platform, where.workspaceId, where.channelId, date);

export function setup(
  platformOptions: FakePlatformOptions = {},
  depsOptions: Parameters<typeof tipDeps>[0] = {},
) {
  return { deps: tipDeps(depsOptions), platform: createFakePlatform(platformOptions) };
}
