/** Who is an admin (users.info, cached ten minutes) and which events were already handled. */

import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createSeenSet } from '../../adapters/slack/dedup.ts';
import { createUserDirectory } from '../../adapters/slack/users.ts';
import { silentLogger } from '../../src/log.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function movableClock(start = Date.parse('2026-03-04T10:00:00Z')) {
  let now = start;
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('the user directory', () => {
  it('treats admins and owners as admins, looks each user up once per ten minutes', async () => {
    fake = await startFakeSlack({
      users: {
        U0ADMIN: { name: 'ada', isAdmin: true },
        U0OWNER: { name: 'olu', isOwner: true },
        U0BOB: { name: 'bob', displayName: 'Bobby' },
      },
    });
    const time = movableClock();
    const client = new webApi.WebClient(fake.state.botToken, { slackApiUrl: fake.apiUrl });
    const users = createUserDirectory(client, time.clock, silentLogger);
    expect(await users.lookup('U0ADMIN')).toEqual({ displayName: 'ada', isAdmin: true });
    expect(await users.lookup('U0OWNER')).toMatchObject({ isAdmin: true });
    expect(await Promise.all([users.lookup('U0BOB'), users.lookup('U0BOB')])).toEqual([
      { displayName: 'Bobby', isAdmin: false },
      { displayName: 'Bobby', isAdmin: false },
    ]);
    expect(fake.callsTo('users.info')).toHaveLength(3);
    time.advance(9 * 60_000);
    await users.lookup('U0BOB');
    expect(fake.callsTo('users.info')).toHaveLength(3);
    time.advance(2 * 60_000);
    await users.lookup('U0BOB');
    expect(fake.callsTo('users.info')).toHaveLength(4);
  });

  it('falls back to a non-admin with the payload name when Slack cannot answer', async () => {
    fake = await startFakeSlack();
    fake.fail('users.info', { error: 'missing_scope' });
    const client = new webApi.WebClient(fake.state.botToken, { slackApiUrl: fake.apiUrl });
    const users = createUserDirectory(client, movableClock().clock, silentLogger);
    expect(await users.lookup('U0X', 'xavier')).toEqual({ displayName: 'xavier', isAdmin: false });
  });
});

describe('the redelivery filter', () => {
  it('lets a key through once within ten minutes, and again after', () => {
    const time = movableClock();
    const seen = createSeenSet(time.clock, 10 * 60_000);
    expect(seen.firstTime('event:Ev1')).toBe(true);
    time.advance(9 * 60_000);
    expect(seen.firstTime('event:Ev1')).toBe(false);
    expect(seen.firstTime('event:Ev2')).toBe(true);
    time.advance(60_000);
    expect(seen.firstTime('event:Ev1')).toBe(true);
    expect(seen.size).toBe(2);
  });
});
