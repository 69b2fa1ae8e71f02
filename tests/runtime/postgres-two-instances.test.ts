/**
 * Two Slack instances in HTTP mode sharing one PostgreSQL database, started together with a
 * TIP_TIME that fell due a few minutes ago (inside the catch-up window): the daily tip is posted
 * exactly once, because only one of them wins the post's claim.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';
import { freePort } from '../support/ports.ts';
import { describePostgres } from '../support/postgres.ts';
import { type Instance, killInstance, startInstance } from '../support/postgres-instances.ts';

const started = (line: { msg?: string }) => /^skillbot started/.test(line.msg ?? '');

/** HH:MM (UTC) a few minutes ago: due now, well inside a 3-hour catch-up window. */
function minutesAgo(minutes: number): string {
  const at = new Date(Date.now() - minutes * 60_000);
  return `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
}

describePostgres('two Slack instances sharing PostgreSQL', (databaseUrl) => {
  let slack: FakeSlack;
  const instances: Instance[] = [];

  beforeAll(async () => {
    slack = await startFakeSlack();
  });

  afterAll(async () => {
    await Promise.all(instances.map(killInstance));
    await slack?.close();
  });

  async function start(name: string, tipTime: string): Promise<Instance> {
    const instance = startInstance(name, {
      DATABASE_URL: databaseUrl(),
      SLACK_BOT_TOKEN: slack.state.botToken,
      SLACK_SIGNING_SECRET: 'two-instances-signing-secret',
      SLACK_API_URL: slack.apiUrl,
      SLACK_TIP_CHANNEL: 'C0TIPS',
      PORT: String(await freePort()),
      TIP_TIME: tipTime,
      TIP_TIMEZONE: 'UTC',
      TIP_DAYS: 'daily',
      TIP_CATCHUP_HOURS: '3',
    });
    instances.push(instance);
    return instance;
  }

  const tipPosts = () => slack.callsTo('chat.postMessage').filter((call) => call.params.channel === 'C0TIPS');

  it('GIVEN a tip due inside the catch-up window THEN exactly one of them posts it', {
    timeout: 240_000,
  }, async () => {
    // Just after midnight UTC "a few minutes ago" is yesterday; the window still covers it.
    const tipTime = minutesAgo(5);
    const [first, second] = await Promise.all([start('first', tipTime), start('second', tipTime)]);
    await Promise.all([first.waitForLog(started), second.waitForLog(started)]);
    await slack.waitFor(() => tipPosts().length > 0, 'the daily tip', 30_000);
    // Both schedulers checked at start; give the loser's tick time to (wrongly) post as well.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(tipPosts()).toHaveLength(1);
    const posted = [...first.lines, ...second.lines].filter((l) => l.msg === 'skill of the day posted');
    expect(posted).toHaveLength(1);
    // The post log agrees: one record for the channel today, settled as sent.
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ status: string }>(
        "SELECT record->>'status' AS status FROM posts WHERE channel_id = 'C0TIPS'",
      );
      expect(rows.map((row) => row.status)).toEqual(['sent']);
    } finally {
      await client.end();
    }
  });
});
