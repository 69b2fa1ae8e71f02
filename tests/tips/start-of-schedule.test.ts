/** When a new schedule starts counting: env schedules catch up today, typed ones count from their minute. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBot } from '../../src/bot.ts';
import { ensureEnvSchedule } from '../../src/tips/schedules.ts';
import { C1, cleanUp, setup, start, tickNow } from './harness.ts';
import { say } from './support.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(cleanUp);

describe('a schedule that is new today', () => {
  it('GIVEN TIP_TIME 09:00 and a bot started at 10:30 THEN it posts once, late, inside the catch-up window', async () => {
    vi.setSystemTime('2026-03-04T10:30:00Z');
    const { deps, platform } = setup({}, { tipTime: '09:00', catchupHours: 3 });
    await ensureEnvSchedule(deps, C1);
    const scheduler = start(deps, platform.delivery);
    await tickNow(scheduler);
    await tickNow(scheduler);
    expect(platform.messages).toHaveLength(1);
  });

  it('GIVEN TIP_TIME 09:00 and a bot started at 13:00 with a 3 h window THEN the day is skipped, with a reason', async () => {
    vi.setSystemTime('2026-03-04T13:00:00Z');
    const { deps, platform } = setup({}, { tipTime: '09:00', catchupHours: 3 });
    await ensureEnvSchedule(deps, C1);
    await tickNow(start(deps, platform.delivery));
    expect(platform.messages).toHaveLength(0);
    const record = Object.values((await deps.store.exportData()).posts)[0];
    expect(record?.status).toBe('skipped');
    expect(record?.reason).toBeTruthy();
  });

  it('GIVEN `schedule 10:15` typed at 10:15:40 THEN it posts in that minute', async () => {
    vi.setSystemTime('2026-03-04T10:15:40Z');
    const { deps, platform } = setup();
    await createBot(deps).handleMessage(say('schedule 10:15 UTC daily', C1));
    await tickNow(start(deps, platform.delivery));
    expect(platform.messages).toHaveLength(1);
  });

  it('GIVEN `schedule 09:00` typed at 14:00 THEN nothing is posted until tomorrow 09:00', async () => {
    vi.setSystemTime('2026-03-04T14:00:00Z');
    const { deps, platform } = setup();
    const bot = createBot(deps);
    await bot.handleMessage(say('schedule 09:00 UTC daily', C1));
    const scheduler = start(deps, platform.delivery);
    await tickNow(scheduler);
    expect(platform.messages).toHaveLength(0);
    expect((await bot.handleMessage(say('schedule', C1))).fields?.map((f) => f.value).join(' ')).toContain(
      'Thu 5 Mar',
    );
  });
});
