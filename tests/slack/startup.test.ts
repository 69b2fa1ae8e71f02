/** Start-up against the fake: a wrong token stops with a message naming the variable to fix. */
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { ConfigError } from '../../src/errors.ts';
import { silentLogger } from '../../src/log.ts';
import { Secret } from '../../src/secret.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';
import { testBot } from '../support/core.ts';
import { slackConfig } from './harness.ts';

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function adapterFor(f: FakeSlack, mode: 'http' | 'socket', tokens: { bot?: string; app?: string } = {}) {
  const config = slackConfig(f, mode);
  if (tokens.bot) config.botToken = new Secret(tokens.bot);
  if (tokens.app) config.appToken = new Secret(tokens.app);
  return createSlackAdapter({ config, bot: testBot().bot, log: silentLogger, listenHost: '127.0.0.1' });
}

describe('Slack start-up', () => {
  it('creates nothing that calls Slack before start()', async () => {
    fake = await startFakeSlack();
    adapterFor(fake, 'http');
    expect(fake.calls).toHaveLength(0);
  });

  it.each([
    ['an invalid bot token', 'xoxb-wrong', 'invalid_auth'],
    ['a revoked bot token', 'xoxb-revoked', 'token_revoked'],
  ])('refuses %s with a message naming SLACK_BOT_TOKEN', async (_name, token, code) => {
    fake = await startFakeSlack({ revokedTokens: ['xoxb-revoked'] });
    const adapter = adapterFor(fake, 'http', { bot: token });
    const failure = await adapter.start().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(
      new RegExp(`^SLACK_BOT_TOKEN was refused by Slack \\(${code}\\)`),
    );
    expect((failure as Error).message).not.toContain(token);
    expect(adapter.isReady()).toBe(false);
    expect(fake.callsTo('auth.test')).toHaveLength(1);
  });

  it('refuses a wrong app token in Socket Mode with a message naming SLACK_APP_TOKEN', async () => {
    fake = await startFakeSlack();
    const adapter = adapterFor(fake, 'socket', { app: 'xapp-wrong' });
    const failure = await adapter.start().catch((error: unknown) => error);
    expect((failure as Error).message).toMatch(/^SLACK_APP_TOKEN was refused by Slack \(invalid_auth\)/);
    expect(adapter.isReady()).toBe(false);
  });

  it('starts, reports the default tip channel in the workspace auth.test named, and stops twice safely', async () => {
    fake = await startFakeSlack({ teamId: 'T0OTHER' });
    const adapter = adapterFor(fake, 'http');
    expect(adapter.defaultTipTarget()).toBeUndefined();
    await adapter.start();
    expect(adapter.isReady()).toBe(true);
    expect(adapter.defaultTipTarget()).toEqual({
      platform: 'slack',
      workspaceId: 'T0OTHER',
      channelId: 'C0TIPS',
    });
    await adapter.stop();
    await adapter.stop();
    expect(adapter.isReady()).toBe(false);
  });
});
