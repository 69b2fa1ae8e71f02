import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { Secret } from '../../src/secret.ts';
import type { Campaign } from '../../src/store/leadership.ts';
import { postgresLeadership } from '../../src/store/postgres/leader.ts';
import { describePostgres } from '../support/postgres.ts';

const FAST = { retryMs: 100, heartbeatMs: 100, idleSessionMs: 5_000 };

interface Candidate {
  name: string;
  events: string[];
  campaign: Campaign;
}

const running: Candidate[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.campaign.resign()));
});

function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

const leading = (c: Candidate) => c.events.at(-1) === 'elected';

describePostgres('leadership through an advisory lock', (databaseUrl) => {
  function candidate(name: string, role = 'gateway'): Candidate {
    const events: string[] = [];
    const leadership = postgresLeadership(new Secret(databaseUrl()), silentLogger, FAST);
    const campaign = leadership.campaign(role, {
      elected: () => events.push('elected'),
      standby: () => events.push('standby'),
      deposed: () => events.push('deposed'),
    });
    const c = { name, events, campaign };
    running.push(c);
    return c;
  }

  it('GIVEN three instances THEN exactly one leads and the others wait as standbys', async () => {
    const all = [candidate('a'), candidate('b'), candidate('c')];
    await until(() => all.every((c) => c.events.length > 0), 'every candidate to hear back');
    await new Promise((r) => setTimeout(r, 400));
    expect(all.filter(leading)).toHaveLength(1);
    expect(all.filter((c) => c.events.join() === 'standby')).toHaveLength(2);
  });

  it('GIVEN different roles THEN each has its own leader', async () => {
    const a = candidate('a', 'role-one');
    const b = candidate('b', 'role-two');
    await until(() => leading(a) && leading(b), 'both to lead their own role');
  });

  it('GIVEN the leader resigns THEN a standby takes over', async () => {
    const first = candidate('first');
    await until(() => leading(first), 'the first to lead');
    const second = candidate('second');
    await until(() => second.events.includes('standby'), 'the second to stand by');
    await first.campaign.resign();
    await until(() => leading(second), 'the standby to take over');
  });

  it('GIVEN the leader loses its database connection THEN it steps down before a standby takes over', async () => {
    const order: string[] = [];
    const first = candidate('first');
    await until(() => leading(first), 'the first to lead');
    const second = candidate('second');
    await until(() => second.events.includes('standby'), 'the second to stand by');
    const watch = setInterval(() => {
      if (first.events.includes('deposed') && !order.includes('first deposed')) order.push('first deposed');
      if (leading(second) && !order.includes('second elected')) order.push('second elected');
    }, 1);
    // The server ends the holder's session, as when its network fails or an operator kills it.
    const admin = new pg.Client({ connectionString: databaseUrl() });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'skillbot leader gateway' " +
        "AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)",
    );
    await admin.end();
    await until(() => leading(second), 'the standby to take over');
    clearInterval(watch);
    expect(first.events).toContain('deposed');
    expect(order[0]).toBe('first deposed');
    // The old leader campaigns again and becomes the standby.
    await until(() => first.events.at(-1) === 'standby', 'the old leader to stand by');
  });
});
