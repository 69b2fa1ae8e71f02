/**
 * Discord with two instances sharing a database: exactly one holds the gateway connection; when
 * it is SIGKILLed, the standby takes the leadership lock and connects, and every message sent
 * while an instance is connected gets exactly one reply.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeDiscord, type RecordedRequest, startFakeDiscord } from '../fakes/discord/index.ts';
import { describePostgres } from '../support/postgres.ts';
import { type Instance, killInstance, startInstance } from '../support/postgres-instances.ts';
import { tempDataFile } from '../support/process.ts';

const connected = (line: { msg?: string }) => line.msg === 'discord: connected';
const standingBy = (line: { msg?: string }) => /standing by/.test(line.msg ?? '');

describePostgres('the Discord gateway across two instances', (databaseUrl) => {
  let discord: FakeDiscord;
  const instances: Instance[] = [];

  beforeAll(async () => {
    discord = await startFakeDiscord();
  });

  afterAll(async () => {
    await Promise.all(instances.map(killInstance));
    await discord?.close();
  });

  function start(name: string): Instance {
    const instance = startInstance(name, {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DATABASE_URL: databaseUrl(),
      DATA_FILE: tempDataFile(),
    });
    instances.push(instance);
    return instance;
  }

  const repliesTo = (id: string) =>
    discord
      .channelPosts()
      .filter(
        (r: RecordedRequest) =>
          (r.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === id,
      );

  async function askAndExpectOneReply(question: string): Promise<void> {
    const asked = discord.sendMessage(`<@${discord.ids.bot}> ${question}`);
    await discord.rest.waitForRequest((r) => repliesTo(asked.id).includes(r), 15_000);
    // Time for a second, doubled reply to arrive if there were one.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(repliesTo(asked.id)).toHaveLength(1);
  }

  it('GIVEN the holder is killed THEN the standby connects within a minute and answers once', {
    timeout: 240_000,
  }, async () => {
    const first = start('first');
    await first.waitForLog(connected);
    const second = start('second');
    await second.waitForLog(standingBy);
    expect(discord.gateway.identifies).toHaveLength(1);
    await askAndExpectOneReply('what is a database index?');

    const killedAt = Date.now();
    await killInstance(first);
    await second.waitForLog(connected, 60_000);
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThan(60_000);
    expect(discord.gateway.identifies).toHaveLength(2);
    await askAndExpectOneReply('what is a transaction?');
    await askAndExpectOneReply('streak');
  });
});
