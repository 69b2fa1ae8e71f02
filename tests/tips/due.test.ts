import { describe, expect, it } from 'vitest';
import type { PostRecord, Schedule } from '../../src/store/types.ts';
import { dueWork } from '../../src/tips/due.ts';
import { nextPostInstant, parseScheduleArgs } from '../../src/tips/schedule-rules.ts';

const schedule = (fields: Partial<Schedule> = {}): Schedule => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  time: '09:00',
  timezone: 'Europe/Berlin',
  days: 'weekdays',
  source: 'command',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

const at = (iso: string) => new Date(iso);
const schedules = (...list: Schedule[]) => list;
const posts = (records: Record<string, PostRecord>) => new Map(Object.entries(records));
/** The post log holding one record: channel C1's post for 4 March, with `fields`. */
const todaysPost = (fields: Pick<PostRecord, 'status' | 'claimedAt' | 'attempts'> & Partial<PostRecord>) =>
  posts({
    'slack:T1:C1:2026-03-04': {
      key: 'slack:T1:C1:2026-03-04',
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'C1',
      date: '2026-03-04',
      tipId: 't',
      ...fields,
    },
  });
const summary = (actions: ReturnType<typeof dueWork>) => actions.map((a) => `${a.kind} ${a.date}`);

describe('parseScheduleArgs', () => {
  it.each([
    ['09:30', { kind: 'set', time: '09:30' }],
    ['9:30', { kind: 'set', time: '09:30' }],
    ['9:30 Europe/Berlin daily', { kind: 'set', time: '09:30', timezone: 'Europe/Berlin', days: 'daily' }],
    [
      '17:05 weekdays america/new_york',
      { kind: 'set', time: '17:05', timezone: 'America/New_York', days: 'weekdays' },
    ],
    ['00:00 UTC', { kind: 'set', time: '00:00', timezone: 'UTC' }],
    ['off', { kind: 'off' }],
    ['', { kind: 'show' }],
    ['show', { kind: 'show' }],
  ])('%s', (args, expected) => {
    expect(parseScheduleArgs(args)).toEqual(expected);
  });

  it.each(['25:00', '9am', '9', '09:60', '9.30'])('refuses the time %s with an example', (args) => {
    const parsed = parseScheduleArgs(args);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toMatch(/HH:MM.*schedule 09:30/);
  });

  it('refuses an unknown timezone with an example', () => {
    const parsed = parseScheduleArgs('09:00 Mars/Olympus');
    expect(parsed.kind === 'error' && parsed.message).toMatch(/Mars\/Olympus.*timezone.*Europe\/Berlin/);
  });
});

describe('dueWork', () => {
  // Wednesday 4 March 2026; Berlin is UTC+1, so 09:00 there is 08:00Z.
  it('is due from the scheduled minute until the catch-up window closes, then skipped once', () => {
    const s = schedules(schedule({ createdAt: '2026-03-04T00:00:00Z' }));
    expect(dueWork(s, new Map(), at('2026-03-04T07:59:59Z'), 3)).toEqual([]);
    expect(summary(dueWork(s, new Map(), at('2026-03-04T08:00:00Z'), 3))).toEqual(['post 2026-03-04']);
    expect(summary(dueWork(s, new Map(), at('2026-03-04T10:59:00Z'), 3))).toEqual(['post 2026-03-04']);
    const late = dueWork(s, new Map(), at('2026-03-04T11:00:00Z'), 3);
    expect(summary(late)).toEqual(['skip 2026-03-04']);
    expect(late[0]?.kind === 'skip' && late[0].reason).toMatch(/09:00 to 12:00 \(Europe\/Berlin\)/);
  });

  it('never builds a backlog: after days down only today (and a closed yesterday) are looked at', () => {
    const s = schedules(schedule());
    expect(summary(dueWork(s, new Map(), at('2026-03-06T08:30:00Z'), 3))).toEqual([
      'skip 2026-03-05',
      'post 2026-03-06',
    ]);
  });

  it("catches up yesterday's post after midnight while its window is still open", () => {
    const s = schedules(schedule({ time: '23:30', timezone: 'UTC' }));
    expect(summary(dueWork(s, new Map(), at('2026-03-05T00:45:00Z'), 3))).toEqual(['post 2026-03-04']);
  });

  it('does nothing on non-learning days, for paused schedules, or for days before the schedule existed', () => {
    // Saturday; Friday's post was made.
    const friday = posts({ 'slack:T1:C1:2026-03-06': { status: 'sent' } as PostRecord });
    expect(dueWork(schedules(schedule()), friday, at('2026-03-07T08:30:00Z'), 3)).toEqual([]);
    const paused = schedule({ paused: { reason: 'gone', at: '2026-03-01T00:00:00Z' } });
    expect(dueWork(schedules(paused), new Map(), at('2026-03-04T08:30:00Z'), 3)).toEqual([]);
    const fresh = schedule({ createdAt: '2026-03-04T08:10:00Z' });
    expect(dueWork(schedules(fresh), new Map(), at('2026-03-04T08:30:00Z'), 3)).toEqual([]);
  });

  it('leaves sent, failed and skipped days alone and recovers claims', () => {
    const record = (status: PostRecord['status']) =>
      todaysPost({ status, claimedAt: '2026-03-04T08:00:00Z', attempts: 1 });
    const s = schedules(schedule({ createdAt: '2026-03-04T00:00:00Z' }));
    const now = at('2026-03-04T08:30:00Z');
    for (const status of ['sent', 'failed', 'skipped'] as const)
      expect(dueWork(s, record(status), now, 3)).toEqual([]);
    expect(summary(dueWork(s, record('claimed'), now, 3))).toEqual(['recover 2026-03-04']);
  });

  it('on a shared store, leaves a claim alone while its lease holds and recovers it after', () => {
    const claim = (leaseUntil: string) =>
      todaysPost({ status: 'claimed', claimedAt: '2026-03-04T08:29:00Z', leaseUntil, attempts: 0 });
    const s = schedules(schedule({ createdAt: '2026-03-04T00:00:00Z' }));
    const now = at('2026-03-04T08:30:00Z');
    // Another instance is sending it right now.
    expect(dueWork(s, claim('2026-03-04T08:32:00Z'), now, 3, true)).toEqual([]);
    // Its sender stopped renewing (it died): take it over.
    expect(summary(dueWork(s, claim('2026-03-04T08:29:59Z'), now, 3, true))).toEqual(['recover 2026-03-04']);
    // A store no other process shares: any claim not in flight here was left by an earlier run.
    expect(summary(dueWork(s, claim('2026-03-04T08:32:00Z'), now, 3, false))).toEqual(['recover 2026-03-04']);
  });

  it('uses the first valid minute on a spring-forward day and the first occurrence on fall-back', () => {
    const createdAt = '2026-03-01T00:00:00Z';
    const ny = schedules(schedule({ time: '02:30', timezone: 'America/New_York', days: 'daily', createdAt }));
    // 8 March 2026: 02:00 jumps to 03:00 EDT (07:00Z).
    const saturday = posts({ 'slack:T1:C1:2026-03-07': { status: 'sent' } as PostRecord });
    expect(dueWork(ny, saturday, at('2026-03-08T06:59:00Z'), 3)).toEqual([]);
    const spring = dueWork(ny, saturday, at('2026-03-08T07:00:00Z'), 3);
    expect(summary(spring)).toEqual(['post 2026-03-08']);
    expect(spring[0]?.instant).toEqual(at('2026-03-08T07:00:00Z'));
    const berlin = schedules(schedule({ time: '02:30', days: 'daily', createdAt: '2026-10-25T00:00:00Z' }));
    // 25 October 2026: 02:30 happens twice; the first is 02:30 CEST (00:30Z).
    expect(dueWork(berlin, new Map(), at('2026-10-25T00:29:00Z'), 3)).toEqual([]);
    expect(dueWork(berlin, new Map(), at('2026-10-25T00:30:00Z'), 3)[0]?.instant).toEqual(
      at('2026-10-25T00:30:00Z'),
    );
  });
});

describe('nextPostInstant', () => {
  it('skips weekends and days already posted, and says "now" inside the window', () => {
    const s = schedule();
    expect(nextPostInstant(s, new Map(), at('2026-03-06T12:00:00Z'), 3)).toEqual(at('2026-03-09T08:00:00Z'));
    expect(nextPostInstant(s, new Map(), at('2026-03-04T08:30:00Z'), 3)).toEqual(at('2026-03-04T08:00:00Z'));
    expect(
      nextPostInstant({ ...s, paused: { reason: 'x', at: '' } }, new Map(), at('2026-03-04T08:30:00Z'), 3),
    ).toBe(undefined);
  });
});
