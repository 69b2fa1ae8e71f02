import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, type SkillbotError } from '../../src/errors.ts';
import { REDACT_PATHS } from '../../src/log.ts';
import { connect, type Harness, isChannelPost } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A logger writing JSON lines into an array, configured like the real one. */
function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = pino({ level: 'debug', redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
  return { log, lines };
}

/** Start against a fake set up to refuse; returns the rejection. The harness stays in `h` for checks. */
async function startFailure(options: Parameters<typeof connect>[0]): Promise<Error> {
  h = await connect({ ...options, start: false });
  const outcome = await h.adapter.start().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(outcome instanceof Error)) throw new Error('start() should have rejected');
  return outcome;
}

describe('the gateway connection', () => {
  it('resumes the session after a missed heartbeat ACK and keeps answering', async () => {
    h = await connect({ fake: { heartbeatIntervalMs: 20 } });
    const identified = h.fake.gateway.identifies.length;
    h.fake.gateway.ackHeartbeats = false;
    const resume = (await h.fake.gateway.waitFor('resume')) as { session_id: string; seq: number };
    expect(resume.session_id).toBeTruthy();
    expect(h.fake.gateway.identifies).toHaveLength(identified);
    expect(h.fake.gateway.connections).toBe(2);

    h.fake.sendMessage(`<@${h.fake.ids.bot}> top`);
    const answer = await h.fake.rest.waitForRequest(isChannelPost);
    expect(answer.status).toBe(200);
    expect(h.adapter.isReady()).toBe(true);
  });

  it('identifies with Guilds, GuildMessages and DirectMessages only (no MessageContent)', async () => {
    h = await connect();
    const intents = (h.fake.gateway.identifies[0] as { intents: number }).intents;
    expect(intents).toBe((1 << 0) | (1 << 9) | (1 << 12));
    expect(intents & (1 << 15)).toBe(0);
  });

  it('finds the workspace (guild) of DISCORD_TIP_CHANNEL for the env schedule', async () => {
    h = await connect();
    expect(h.adapter.defaultTipTarget()).toEqual({
      platform: 'discord',
      workspaceId: h.fake.ids.guild,
      channelId: h.fake.ids.channel,
    });
    expect(h.adapter.isReady()).toBe(true);
  });

  it('copes with READY listing no guilds and GUILD_CREATE coming after, without channel lookups', async () => {
    h = await connect({ fake: { guildsInReady: false, channelLookup: false } });
    expect(h.adapter.defaultTipTarget()).toEqual({
      platform: 'discord',
      workspaceId: h.fake.ids.guild,
      channelId: h.fake.ids.channel,
    });
    h.fake.sendMessage(`<@${h.fake.ids.bot}> top`);
    const answer = await h.fake.rest.waitForRequest(isChannelPost);
    expect(answer.body.allowed_mentions.parse).toEqual([]);
  });

  it('has no default target, and says why, when DISCORD_TIP_CHANNEL is not visible to the bot', async () => {
    const { log, lines } = capturingLogger();
    h = await connect({ tipChannel: '123456789012345678', adapter: { log, tipChannelWaitMs: 0 } });
    expect(h.adapter.defaultTipTarget()).toBeUndefined();
    expect(lines.join('')).toMatch(/DISCORD_TIP_CHANNEL cannot be seen/);
  });
});

describe('connections that must stop', () => {
  it('close 4014 (disallowed intents) rejects start with a clear message and no reconnect', async () => {
    const failure = await startFailure({ fake: { closeOnIdentify: 4014 } });
    expect(failure.message).toMatch(/4014/);
    expect(failure.message).toMatch(/intents/i);
    expect(h?.fake.gateway.connections).toBe(1);
    expect(h?.adapter.isReady()).toBe(false);
  });

  it('a token Discord refuses (401 on /gateway/bot) names DISCORD_TOKEN', async () => {
    const failure = await startFailure({ token: 'a-token-that-discord-does-not-know' });
    expect(failure).toBeInstanceOf(ConfigError);
    expect(failure.message).toMatch(/DISCORD_TOKEN/);
    expect(h?.fake.gateway.connections).toBe(0);
  });

  it('a gateway close 4004 at login names DISCORD_TOKEN and does not reconnect', async () => {
    const failure = await startFailure({ fake: { closeOnIdentify: 4004 } });
    expect(failure).toBeInstanceOf(ConfigError);
    expect(failure.message).toMatch(/DISCORD_TOKEN/);
    expect(h?.fake.gateway.connections).toBe(1);
  });

  it('a token revoked while running stops the adapter once and reports it', async () => {
    const fatal: SkillbotError[] = [];
    h = await connect({ adapter: { onFatal: (e) => fatal.push(e) } });
    const closed = h.fake.gateway.waitFor('close');
    h.fake.gateway.closeWith(4004);
    await closed;
    await expect.poll(() => fatal.length).toBe(1);
    expect(fatal[0]?.message).toMatch(/DISCORD_TOKEN/);
    expect(h.adapter.isReady()).toBe(false);
    expect(h.fake.gateway.connections).toBe(1);
  });

  it('never writes the token to the log', async () => {
    const { log, lines } = capturingLogger();
    h = await connect({ adapter: { log } });
    h.fake.sendMessage(`<@${h.fake.ids.bot}> top`);
    await h.fake.rest.waitForRequest(isChannelPost);
    h.fake.revokeToken();
    const target = h.adapter.defaultTipTarget();
    if (!target) throw new Error('no default target');
    await h.adapter.delivery
      .postTip(target, { text: 'hi', visibility: 'public' }, 'k')
      .catch(() => undefined);
    h.fake.gateway.closeWith(4004);
    await expect.poll(() => h?.adapter.isReady()).toBe(false);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toContain(h.fake.token.replace(/-revoked$/, ''));
  });
});
