/**
 * The bad-input table: what arrives, where, and what must happen. Every row asserts the answer
 * AND that the process (or the app instance) is alive and responsive afterwards. One app per
 * platform is shared across its rows, so the table stays quick.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolePlatform } from '../../adapters/console/platform.ts';
import { discordPlatform } from '../../adapters/discord/platform.ts';
import { SLACK, slackPlatform } from '../../adapters/slack/platform.ts';
import { loadConfig } from '../../src/config.ts';
import { ConfigError, DataFileError } from '../../src/errors.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/lowdb.ts';
import { connect, type Harness as DiscordHarness, embedText, isChannelPost } from '../discord/harness.ts';
import { eventCallback, form, slashCommand } from '../fakes/slack/requests.ts';
import { type Harness as SlackHarness, startHarness, visibleText } from '../slack/harness.ts';
import { startConsole } from './support.ts';

/** No live mass mention or user/role ping anywhere in what the bot sent. */
const LIVE_PING = /(?<!\u200b)@(everyone|here)|<!(channel|here|everyone)>|<@[UW&]?\w+>/;

type ConsoleApp = Awaited<ReturnType<typeof startConsole>>;

describe('console', () => {
  let c: ConsoleApp;
  beforeAll(async () => {
    c = await startConsole();
  });
  afterAll(async () => {
    await c.close();
  });

  it.each([
    ['10,000 characters of text', 'a '.repeat(5000), /longer than 2000 characters/],
    ['@everyone and @here in a question', 'xqzv @everyone @here blorp', /\S/],
    ['only zero-width and control characters', '\u200b\u200d\u0007\ufeff', /Ask me a question/],
    ['`schedule -1`', 'schedule -1', /not a time I can use.*HH:MM/],
    ['`schedule ٠٩:٣٠` (Arabic-Indic digits)', 'schedule ٠٩:٣٠', /not a time I can use/],
    ['`schedule 09:30 EST`', 'schedule 09:30 EST', /abbreviation.*America\/New_York/],
    ['`timezone berlin`', 'timezone berlin', /Did you mean Europe\/Berlin\?/],
    ['`timezone india`', 'timezone india', /Asia\/Calcutta/],
    ['`timezone Mars/Olympus`', 'timezone Mars/Olympus', /not a timezone I know.*Area\/City/],
    ['`skill` with no name', 'skill', /Usage/],
    ['right-to-left text and emoji', 'مرحبا 👋 ما هو git', /./],
    ['a button number with no buttons on screen', '7', /./],
    ['a lone surrogate and NUL bytes', 'what is \ud800 git\u0000', /./],
    ['`timezone EST`', 'timezone EST', /abbreviation.*America\/New_York/],
    ['`schedule 25:00`', 'schedule 25:00', /not a time I can use/],
    ['ANSI escape sequences', '\u001b[2J\u001b[31mwhat is git', /version control/i],
  ])('%s: answered clearly, and the console keeps answering', async (_what, line, answer) => {
    const printed = await c.say(line);
    expect(printed).toMatch(answer);
    expect(printed).not.toMatch(LIVE_PING);
    expect(await c.alive()).toBe(true);
  });

  it('`schedule 09:30 EST` saves nothing, least of all America/Panama', async () => {
    await c.say('schedule 09:30 EST');
    expect(JSON.stringify(await c.deps.store.exportData())).not.toContain('America/Panama');
    expect(await c.alive()).toBe(true);
  });
});

describe('console, at 08:43 UTC on a Thursday', () => {
  it('timezone Pacific/Kiritimati, done, timezone Etc/GMT+12, done: one day counted, not two', async () => {
    const c = await startConsole({ clock: () => new Date('2026-03-05T08:43:00Z') });
    await c.say('timezone Pacific/Kiritimati');
    await c.say('done');
    await c.say('timezone Etc/GMT+12');
    await c.say('done');
    expect(await c.say('streak')).toMatch(/\b1 day\b/);
    const { users } = await c.deps.store.exportData();
    expect(Object.values(users).flatMap((user) => user.checkins)).toHaveLength(1);
    expect(await c.alive()).toBe(true);
    await c.close();
  });
});

describe('Slack HTTP', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'http', fake: { users: { U0ALICE: { name: 'alice' } } } });
  });
  afterAll(async () => {
    await h.close();
  });
  const slash = (text: string) => form(slashCommand({ text, responseUrl: h.fake.responseUrl('x') }));
  async function alive(): Promise<boolean> {
    const res = await h.post(slash('help'));
    return res.status === 200 && /skill/i.test(visibleText((await res.json()) as Record<string, unknown>));
  }

  it.each([
    ['a signed payload=null', 'payload=null', 400],
    ['a signed `%%%&&&==`', '%%%&&&==', 400],
    ['a signed empty body', '', 400],
    ['a signed payload={}', 'payload=%7B%7D', 400],
    ['a signed payload that is a JSON string', 'payload=%22x%22', 400],
    [
      'a signed block_actions with a null action',
      `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"},"actions":[null]}')}`,
      400,
    ],
    ['a signed JSON body nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 400],
    ['a signed payload that is an array', `payload=${encodeURIComponent('[{"type":"block_actions"}]')}`, 400],
    [
      'a signed payload with a string user',
      `payload=${encodeURIComponent('{"type":"block_actions","user":"U1","actions":[]}')}`,
      400,
    ],
  ])('%s: 400 at once, before Bolt, and the app keeps answering', async (_what, body, status) => {
    const started = performance.now();
    const res = await h.post(body);
    await res.text();
    expect(res.status).toBe(status);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(await alive()).toBe(true);
  });

  it('a signed unknown slash command: 400 at once, and the app keeps answering', async () => {
    const res = await h.post(
      form(slashCommand({ text: 'done', responseUrl: 'http://127.0.0.1:9/x', command: '/other' })),
    );
    expect(res.status).toBe(400);
    expect(await alive()).toBe(true);
  });

  it.each([
    ['an unsigned request', { omitSignatureHeaders: true }],
    ['a request signed with another secret', { secret: 'another-secret-entirely' }],
    ['a request from 10 minutes ago', { timestamp: Math.floor(Date.now() / 1000) - 600 }],
  ])('%s: 401, no handler runs, and the app keeps answering', async (_what, change) => {
    const before = h.fake.callsTo('users.info').length;
    const res = await h.post(slash('done'), change);
    expect(res.status).toBe(401);
    expect(h.fake.callsTo('users.info').length).toBe(before);
    expect(await alive()).toBe(true);
  });

  it('a body over 1 MiB: 413, and the app keeps answering', async () => {
    const res = await h.post(`text=${'a'.repeat(1024 * 1024 + 1)}`);
    expect(res.status).toBe(413);
    expect(await alive()).toBe(true);
  });

  it('GET on the events path: 405, and the app keeps answering', async () => {
    expect((await fetch(h.eventsUrl)).status).toBe(405);
    expect(await alive()).toBe(true);
  });

  it('a slash command of 10,000 characters: the "too long" answer', async () => {
    const res = await h.post(slash('b'.repeat(10_000)));
    expect(visibleText((await res.json()) as Record<string, unknown>)).toMatch(/longer than 2000/);
    expect(await alive()).toBe(true);
  });

  it('<!channel>, <!here> and a user mention in a question: echoed without pinging anyone', async () => {
    const res = await h.post(slash('xqzv <!channel> <!here> <@U0BOB> blorp'));
    const sent = visibleText((await res.json()) as Record<string, unknown>);
    expect(sent).not.toMatch(LIVE_PING);
    expect(await alive()).toBe(true);
  });

  it('an event whose `event` is a string: 400, and the app keeps answering', async () => {
    const res = await h.post('{"type":"event_callback","event":"boom"}', { contentType: 'application/json' });
    expect(res.status).toBe(400);
    expect(await alive()).toBe(true);
  });

  it('users.info answers 500: the question is still answered', async () => {
    h.fake.fail('users.info', { status: 500 }, 3);
    const res = await h.post(
      form(slashCommand({ text: 'help', userId: 'U0NEWCOMER', responseUrl: h.fake.responseUrl('y') })),
    );
    expect(res.status).toBe(200);
    expect(await alive()).toBe(true);
  });

  it('url_verification: the challenge is answered and nothing else runs', async () => {
    const res = await h.post(JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }), {
      contentType: 'application/json',
    });
    expect(await res.text()).toContain('abc123');
    expect(await alive()).toBe(true);
  });
});

describe('Slack Socket Mode', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'socket' });
  });
  afterAll(async () => {
    await h.close();
  });
  const within = <T>(work: Promise<T>, ms = 3000) =>
    Promise.race([work, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);
  async function alive(): Promise<boolean> {
    const ack = await within(
      h.fake.socket.deliver(
        'slash_commands',
        slashCommand({ text: 'help', responseUrl: h.fake.responseUrl('s') }),
      ),
      8000,
    );
    return /skill/i.test(JSON.stringify(ack?.payload ?? ''));
  }

  it.each([
    ['an envelope whose payload is null', 'events_api', null],
    [
      'an events_api payload whose event is a string',
      'events_api',
      { type: 'event_callback', event: 'boom', team_id: 'T0FAKE' },
    ],
    ['an interactive payload with no actions', 'interactive', { type: 'block_actions', user: { id: 'U1' } }],
    [
      'a slash command for another app',
      'slash_commands',
      slashCommand({ text: 'done', responseUrl: 'http://127.0.0.1:9/x', command: '/other' }),
    ],
  ] as const)(
    '%s: acknowledged at once, no reply, and the next command is answered',
    async (_what, type, payload) => {
      // Unacknowledged, Slack would deliver the envelope again and again.
      expect(await within(h.fake.socket.deliver(type, payload), 1000)).toBeDefined();
      expect(h.fake.state.messages.length).toBe(0);
      expect(await alive()).toBe(true);
    },
  );

  it('an app_mention carrying <!everyone>: the reply pings nobody', async () => {
    const event = {
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@U0BOT> xqzv <!everyone> blorp',
      channel: 'C0GENERAL',
      ts: '1.1',
      event_ts: '1.1',
    };
    await h.fake.socket.deliver('events_api', eventCallback(event));
    const posted = await h.fake.waitFor(
      () => [...h.fake.state.messages, ...h.fake.state.ephemerals][0],
      'reply',
    );
    expect(JSON.stringify(posted)).not.toMatch(LIVE_PING);
    expect(await alive()).toBe(true);
  });
});

describe('Discord gateway', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await connect();
  });
  afterAll(async () => {
    await h.close();
  });
  /** A new leaderboard post answers a new `top`: earlier requests do not count. */
  async function alive(): Promise<boolean> {
    const from = h.fake.rest.requests.length;
    h.fake.sendMessage(`<@${h.fake.ids.bot}> top`);
    const post = await h.fake.rest.waitForRequest(
      (r) =>
        h.fake.rest.requests.indexOf(r) >= from && isChannelPost(r) && /leaderboard/i.test(embedText(r.body)),
      8000,
    );
    return post !== undefined;
  }
  const nextPost = async (before: number) => {
    await h.fake.rest.waitForRequest(() => h.fake.channelPosts().length > before, 8000);
    return h.fake.channelPosts()[before];
  };

  it('@everyone, @here and a role mention in a question: the reply pings nobody', async () => {
    const before = h.fake.channelPosts().length;
    h.fake.sendMessage(`<@${h.fake.ids.bot}> xqzv @everyone @here <@&${h.fake.ids.adminRole}>`, {
      mentionEveryone: true,
    });
    const post = await nextPost(before);
    expect(post?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(JSON.stringify(post?.body)).not.toMatch(/(?<!\u200b)@(everyone|here)/);
    expect(await alive()).toBe(true);
  });

  it('4,000 characters after the mention: the "too long" answer', async () => {
    const before = h.fake.channelPosts().length;
    h.fake.sendMessage(`<@${h.fake.ids.bot}> ${'c'.repeat(4000)}`);
    expect(embedText((await nextPost(before))?.body)).toMatch(/longer than 2000/);
    expect(await alive()).toBe(true);
  });

  it('a mention and nothing else: the prompt to ask', async () => {
    const before = h.fake.channelPosts().length;
    h.fake.sendMessage(`<@${h.fake.ids.bot}>`);
    expect(embedText((await nextPost(before))?.body)).toMatch(/Ask me a question/);
    expect(await alive()).toBe(true);
  });

  it('messages from bots and unmentioned messages: ignored', async () => {
    const before = h.fake.channelPosts().length;
    h.fake.sendMessage(`<@${h.fake.ids.bot}> done`, { author: h.fake.users.bot });
    h.fake.sendMessage('done', { mentionBot: false });
    expect(await alive()).toBe(true);
    expect(h.fake.channelPosts().length).toBe(before + 1);
  });

  it('a reply answered with 429 then 500: no crash, and the next question is answered', async () => {
    const { rateLimited, error } = await import('../fakes/discord/index.ts');
    h.fake.rest.failNext('POST', /^\/channels\/\d+\/messages$/, rateLimited(0.05));
    h.fake.rest.failNext('POST', /^\/channels\/\d+\/messages$/, error(500, 0, 'boom'));
    h.fake.sendMessage(`<@${h.fake.ids.bot}> what is a database`);
    expect(await alive()).toBe(true);
  });

  it('an unknown slash subcommand: a private answer, and the bot keeps answering', async () => {
    h.fake.sendSlash('no-such-subcommand', {});
    const callback = await h.fake.rest.waitForRequest((r) => r.path.endsWith('/callback'), 8000);
    expect(callback.status).toBeLessThan(500);
    expect(await alive()).toBe(true);
  });

  it.each([
    ['a custom_id this process never made', 'zz:unknown'],
    ['a custom_id of 100 characters with control bytes', `\u0000\u001b[2J${'x'.repeat(95)}`],
  ])('a button click carrying %s: a private answer, and the bot keeps answering', async (_what, customId) => {
    const click = h.fake.clickButton(customId);
    const answer = await h.fake.waitForAnswer(click.token as string);
    expect(answer.status).toBeLessThan(500);
    expect(JSON.stringify(answer.body)).not.toMatch(/(?<!\u200b)@(everyone|here)/);
    expect(await alive()).toBe(true);
  });

  it('a slash question of 6,000 characters: the "too long" answer, and the bot keeps answering', async () => {
    const slash = h.fake.sendSlash('ask', { question: 'd'.repeat(6000) });
    const answer = await h.fake.waitForAnswer(slash.token as string, (r) =>
      /longer than \d+ characters/.test(JSON.stringify(r.body)),
    );
    expect(answer.status).toBeLessThan(500);
    expect(await alive()).toBe(true);
  });

  it('an autocomplete with 500 characters typed: answered with at most 25 choices', async () => {
    h.fake.sendAutocomplete('skill', 'name', 'x'.repeat(500));
    const answer = await h.fake.rest.waitForRequest(
      (r) => r.path.endsWith('/callback') && r.body?.type === 8,
      8000,
    );
    expect((answer.body.data.choices as unknown[]).length).toBeLessThanOrEqual(25);
    expect(await alive()).toBe(true);
  });
});

describe('the data file', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'skillbot-bad-'));
  /** The store still works for a good file: the "process" is fine once the file is. */
  async function alive(): Promise<boolean> {
    const store = await openStore({ file: join(dir(), 'good.json'), log: silentLogger });
    await store.checkIn(
      { platform: 'console', workspaceId: 'local', userId: 'probe', displayName: 'probe' },
      () => '2026-03-04',
    );
    await store.close();
    return true;
  }

  it.each([
    ['text that is not JSON', Buffer.from('this is not json')],
    ['a JSON array', Buffer.from('[1,2,3]')],
    ['JSON of the wrong shape', Buffer.from('{"users":"nope","version":1}')],
    ['half a JSON object (a torn write)', Buffer.from('{"version":1,"users":{"a":')],
    [
      'random binary bytes',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x1b, 0x5b]),
    ],
    [
      'invalid UTF-8 inside valid JSON',
      Buffer.from([...Buffer.from('{"version":1,"users":{"'), 0xff, ...Buffer.from('":{}}}')]),
    ],
  ])('%s: refused naming the path, bytes untouched, no stray files', async (_what, bytes) => {
    const folder = dir();
    const file = join(folder, 'skillbot.json');
    writeFileSync(file, bytes);
    const refusal = await openStore({ file, log: silentLogger }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DataFileError);
    expect((refusal as Error).message).toContain(file);
    // Nothing raw from the file reaches the terminal: no escape sequences, no NUL.
    const shown = (refusal as Error).message;
    expect([0x00, 0x1b, 0x07].some((code) => shown.includes(String.fromCharCode(code)))).toBe(false);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(folder)).toEqual(['skillbot.json']);
    expect(await alive()).toBe(true);
  });
  it('a user record keyed __proto__: kept through the next write', async () => {
    const file = join(dir(), 'skillbot.json');
    const proto = {
      platform: 'console',
      workspaceId: 'local',
      userId: 'proto',
      displayName: 'P',
      checkins: [],
      quizAnswers: {},
    };
    const member = (userId: string) => ({
      platform: 'console',
      workspaceId: 'local',
      userId,
      displayName: userId,
    });
    const first = await openStore({ file, log: silentLogger });
    await first.checkIn(member('grace'), () => '2026-03-03');
    await first.close();
    const text = readFileSync(file, 'utf8').replace(
      /"users":\s*\{/,
      `"users":{"__proto__":${JSON.stringify(proto)},`,
    );
    writeFileSync(file, text);
    const store = await openStore({ file, log: silentLogger });
    await store.checkIn(member('ada'), () => '2026-03-04');
    await store.close();
    const users = JSON.parse(readFileSync(file, 'utf8')).users;
    expect(Object.getOwnPropertyDescriptor(users, '__proto__')?.value).toMatchObject({ userId: 'proto' });
    expect(await alive()).toBe(true);
  });
});

describe('the environment', () => {
  const platforms = [consolePlatform, slackPlatform, discordPlatform];
  const base = { SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', SLACK_APP_TOKEN: '' };
  const slack = { SLACK_BOT_TOKEN: 'xoxb-secret-value-123', SLACK_SIGNING_SECRET: 'signing-secret-value' };
  /** Start-up still works with a good environment: a refusal changed nothing for the next try. */
  const alive = () => loadConfig({ ...base, ...slack }, platforms).platforms[SLACK] !== undefined;

  it.each([
    ['LOG_LEVEL=loud', { LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    ['DEFAULT_TIMEZONE=Mars/Base', { DEFAULT_TIMEZONE: 'Mars/Base' }, /DEFAULT_TIMEZONE/],
    ['DEFAULT_TIMEZONE=EST', { DEFAULT_TIMEZONE: 'EST' }, /DEFAULT_TIMEZONE.*America\/New_York/],
    ['TIP_TIMEZONE=CET', { TIP_TIMEZONE: 'CET' }, /TIP_TIMEZONE.*Europe\//],
    ['TIP_TIME=25:00', { TIP_TIME: '25:00' }, /TIP_TIME/],
    ['TIP_CATCHUP_HOURS=-1', { TIP_CATCHUP_HOURS: '-1' }, /TIP_CATCHUP_HOURS/],
    ['HEALTH_PORT=abc', { HEALTH_PORT: 'abc' }, /HEALTH_PORT/],
    ['PORT=99999 with Slack in HTTP mode', { ...slack, PORT: '99999' }, /PORT/],
    [
      'a Slack bot token without a signing secret or app token',
      { SLACK_BOT_TOKEN: slack.SLACK_BOT_TOKEN },
      /SLACK_/,
    ],
    [
      'a Slack bot token without its xoxb- prefix',
      { ...slack, SLACK_BOT_TOKEN: 'secret-value-xyz' },
      /SLACK_BOT_TOKEN/,
    ],
    ['a Discord token too short to be real', { DISCORD_TOKEN: 'secret-value' }, /DISCORD_TOKEN/],
    [
      'DATABASE_URL that is not PostgreSQL',
      { DATABASE_URL: 'mysql://bot:secret-value@127.0.0.1/skillbot' },
      /DATABASE_URL/,
    ],
  ])('%s: refused at start, naming the variable, never echoing a secret', (_what, env, expected) => {
    let refusal: unknown;
    try {
      loadConfig({ ...base, ...env }, platforms);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as Error).message).toMatch(expected);
    expect((refusal as Error).message).not.toContain('secret-value');
    expect(alive()).toBe(true);
  });
});
