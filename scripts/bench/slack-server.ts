/**
 * One process of the Slack benchmark (see slack.ts), so the load generator, the fake Slack and
 * the app under test never share an event loop:
 *   fake                  the fake Slack; prints {"apiUrl"}, and on end of stdin the response log
 *   bare <apiUrl>         a Bolt app that only acks /skills
 *   skillbot <apiUrl>     the real Slack adapter in front of the real core
 *   adapter <apiUrl>      the real Slack adapter in front of a core that answers "ok" at once,
 *                         to show what the adapter itself adds to the ack
 * Each prints one JSON line when listening and exits when its stdin ends.
 */
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { App, LogLevel } from '@slack/bolt';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { createAnswerer } from '../../src/answer/engine.ts';
import { type Bot, createBot } from '../../src/bot.ts';
import { loadContent } from '../../src/content/load.ts';
import { silentLogger } from '../../src/log.ts';
import { Secret } from '../../src/secret.ts';
import { createInMemoryStore } from '../../src/store/in-memory.ts';
import { systemClock } from '../../src/types.ts';
import { startFakeSlack } from '../../tests/fakes/slack/server.ts';
import { BENCH_SECRET } from './slack.ts';

const BOT_TOKEN = 'xoxb-fake-bot-token';

const quiet = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => LogLevel.ERROR,
  setName() {},
};

function untilStdinEnds(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.on('end', resolve);
    process.stdin.resume();
  });
}

async function fake(): Promise<void> {
  const slack = await startFakeSlack();
  console.log(JSON.stringify({ apiUrl: slack.apiUrl, responseBase: slack.responseUrl('') }));
  await untilStdinEnds();
  // Epoch milliseconds, comparable with the load generator's clock on the same machine.
  const log = slack.responses.map((r) => [r.id, performance.timeOrigin + r.receivedAt]);
  process.stdout.write(`${JSON.stringify(log)}\n`);
  await slack.close();
}

async function bare(apiUrl: string): Promise<void> {
  const app = new App({
    token: BOT_TOKEN,
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    signingSecret: BENCH_SECRET,
    clientOptions: { slackApiUrl: apiUrl },
    logger: quiet,
  });
  app.command('/skills', async ({ ack }) => {
    await ack();
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
  await untilStdinEnds();
  await app.stop();
}

function noop(bot: Bot): Bot {
  return { ...bot, handleMessage: async () => ({ text: 'ok', visibility: 'private' }) };
}

async function skillbot(apiUrl: string, noopCore: boolean): Promise<void> {
  const content = loadContent('content');
  const deps = {
    content,
    answerer: createAnswerer(content),
    store: createInMemoryStore(),
    clock: systemClock,
    settings: { defaultTimezone: 'UTC', tips: { days: 'weekdays' as const, catchupHours: 3 } },
    log: silentLogger,
  };
  const adapter = createSlackAdapter({
    config: {
      botToken: new Secret(BOT_TOKEN),
      signingSecret: new Secret(BENCH_SECRET),
      apiUrl,
      command: '/skills',
      port: 0,
    },
    bot: noopCore ? noop(createBot(deps)) : createBot(deps),
    log: silentLogger,
    listenHost: '127.0.0.1',
  });
  await adapter.start();
  console.log(JSON.stringify({ port: adapter.httpPort() }));
  await untilStdinEnds();
  await adapter.stop();
}

const [role, apiUrl = ''] = process.argv.slice(2);
if (role === 'fake') await fake();
else if (role === 'bare') await bare(apiUrl);
else if (role === 'skillbot') await skillbot(apiUrl, false);
else if (role === 'adapter') await skillbot(apiUrl, true);
else throw new Error(`unknown role ${role}`);
