/**
 * `npm start` with Slack (HTTP mode) and Discord credentials: the real entry point as a child
 * process against both fakes at once, sharing one store, one scheduler and one health server.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/store/types.ts';
import { type FakeDiscord, type RecordedRequest, startFakeDiscord } from '../fakes/discord/index.ts';
import { form, postToSlackEndpoint, slashCommand } from '../fakes/slack/requests.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';
import { freePort } from '../support/ports.ts';
import { collect, type Finished, startBot, tempDataFile } from '../support/process.ts';

const SIGNING_SECRET = 'both-platforms-signing-secret-42';
/** Guards against a hung run on a loaded 2-core machine; every wait ends on a real event first. */
const GUARD_MS = 10_000;

/** A TIP_TIME twelve hours from now (UTC): the env schedules exist but nothing is due during the run. */
function tipTimeFarFromNow(): string {
  const hour = (new Date().getUTCHours() + 12) % 24;
  return `${String(hour).padStart(2, '0')}:00`;
}

type LogLine = Record<string, unknown> & { msg?: string };

/** Resolves with the first JSON log line on the child's stderr matching `match`; rejects if it exits first. */
function waitForLog(child: ChildProcessWithoutNullStreams, match: (line: LogLine) => boolean) {
  return new Promise<LogLine>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      for (const raw of seen.split('\n')) {
        const line = parseLogLine(raw);
        if (line && match(line)) return settle(() => resolve(line));
      }
    };
    const onExit = (code: number | null) =>
      settle(() => reject(new Error(`skillbot exited (${code}) before the line; stderr:\n${seen}`)));
    const timer = setTimeout(
      () => settle(() => reject(new Error(`no matching log line; stderr:\n${seen}`))),
      GUARD_MS,
    );
    const settle = (done: () => void) => {
      clearTimeout(timer);
      child.stderr.off('data', onData);
      child.off('exit', onExit);
      done();
    };
    child.stderr.on('data', onData);
    child.once('exit', onExit);
  });
}

function parseLogLine(raw: string): LogLine | undefined {
  if (!raw.startsWith('{')) return undefined;
  try {
    return JSON.parse(raw) as LogLine;
  } catch {
    return undefined; // a line still arriving
  }
}

/** GET `url` until it answers `status`, backing off from 25 ms to 400 ms, for at most GUARD_MS. */
async function getUntil(url: string, status: number): Promise<Response> {
  const deadline = Date.now() + GUARD_MS;
  let last = 'no answer';
  for (let delay = 25; Date.now() < deadline; delay = Math.min(delay * 2, 400)) {
    try {
      const res = await fetch(url);
      if (res.status === status) return res;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  throw new Error(`${url} never answered ${status}; last: ${last}`);
}

/** Everything a Discord message body shows (content and embeds), for text assertions. */
const shownText = (body: { content?: string; embeds?: unknown[] }): string =>
  `${body.content ?? ''}\n${JSON.stringify(body.embeds ?? [])}`;

describe('npm start with Slack and Discord credentials', () => {
  const dataFile = tempDataFile();
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let child: ChildProcessWithoutNullStreams;
  let finished: Promise<Finished>;
  let started: LogLine;
  let eventsUrl = '';
  let healthUrl = '';

  beforeAll(async () => {
    slack = await startFakeSlack();
    discord = await startFakeDiscord();
    const [slackPort, healthPort] = [await freePort(), await freePort()];
    eventsUrl = `http://127.0.0.1:${slackPort}/slack/events`;
    healthUrl = `http://127.0.0.1:${healthPort}`;
    child = startBot({
      LOG_LEVEL: 'info',
      DATA_FILE: dataFile,
      HEALTH_PORT: String(healthPort),
      SLACK_BOT_TOKEN: slack.state.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_TIP_CHANNEL: 'C0TIPS',
      PORT: String(slackPort),
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_TIP_CHANNEL: discord.ids.channel,
      TIP_TIME: tipTimeFarFromNow(),
      TIP_TIMEZONE: 'UTC',
      TIP_DAYS: 'daily',
      TIP_CATCHUP_HOURS: '0',
    });
    finished = collect(child);
    started = await waitForLog(child, (line) => /^skillbot started/.test(line.msg ?? ''));
  }, 30_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await finished;
    }
    await slack?.close();
    await discord?.close();
  });

  /** `/skills <text>` signed as Slack signs it; the answer from the ack or, if late, the response_url. */
  async function slash(text: string, id: string, secret = SIGNING_SECRET) {
    const body = form(slashCommand({ text, responseUrl: slack.responseUrl(id), userId: 'U0ALICE' }));
    const res = await postToSlackEndpoint(eventsUrl, body, { secret });
    const raw = await res.text();
    if (res.status !== 200 || raw) return { status: res.status, answer: raw };
    const late = await slack.waitFor(() => slack.responses.find((r) => r.id === id), id, GUARD_MS);
    return { status: res.status, answer: JSON.stringify(late.body) };
  }

  /** Post `text` mentioning the bot in the guild channel; resolves with the bot's reply to it. */
  async function mention(text: string, options: { mentionEveryone?: boolean } = {}) {
    const asked = discord.sendMessage(`<@${discord.ids.bot}> ${text}`, options);
    const isReply = (r: RecordedRequest) =>
      r.method === 'POST' &&
      r.path === `/channels/${discord.ids.channel}/messages` &&
      r.body?.message_reference?.message_id === asked.id;
    return discord.rest.waitForRequest(isReply, GUARD_MS);
  }

  it('logs one start-up line naming both adapters, the data file and the schedules loaded', () => {
    expect(started).toMatchObject({ adapters: ['slack', 'discord'], dataFile, schedules: 2 });
    expect(started.msg).toContain('slack, discord');
    expect(started.msg).toContain(dataFile);
    expect(started.msg).toMatch(/\b2 schedule/);
  });

  it('answers /healthz, and /readyz once both adapters are connected', async () => {
    const healthy = await getUntil(`${healthUrl}/healthz`, 200);
    expect(await healthy.json()).toMatchObject({ status: 'ok' });
    const ready = await getUntil(`${healthUrl}/readyz`, 200);
    expect(await ready.json()).toEqual({ status: 'ready', reasons: [] });
  });

  it('answers a signed Slack slash command and refuses a badly signed one', async () => {
    const { status, answer } = await slash('how do I run my app in a docker container', 'docker');
    expect(status).toBe(200);
    // The visible text, not the whole payload: a share button's value may quote the question back.
    const shown = String((JSON.parse(answer) as { text?: unknown }).text);
    expect(shown).toMatch(/docker/i);
    expect(shown).not.toMatch(/outside what I know|don't know/i);
    const forged = await slash(
      'how do I run my app in a docker container',
      'forged',
      'not-the-signing-secret',
    );
    expect(forged.status).toBe(401);
    expect(slack.responses.some((r) => r.id === 'forged')).toBe(false);
  });

  it('answers a Discord mention in a guild channel without letting it ping anyone', async () => {
    const reply = await mention('what is git for @everyone', { mentionEveryone: true });
    expect(reply.body.allowed_mentions?.parse).toEqual([]);
    expect(shownText(reply.body)).toMatch(/version control/i);
    expect(JSON.stringify(reply.body)).not.toMatch(/(?<!\u200b)@(everyone|here)/);
  });

  it('keeps a Slack check-in and a Discord check-in in the one data file', async () => {
    const fromSlack = await slash('done', 'done-slack');
    expect(fromSlack.answer).toMatch(/learning day/i);
    const fromDiscord = await mention('done');
    expect(shownText(fromDiscord.body)).toMatch(/learning day/i);
    // A confirmed check-in has been written: the file already holds both.
    const data = JSON.parse(readFileSync(dataFile, 'utf8')) as StoreData;
    const users = Object.values(data.users).map(({ platform, workspaceId, userId, checkins }) => ({
      platform,
      workspaceId,
      userId,
      days: checkins.length,
    }));
    expect(users).toEqual(
      expect.arrayContaining([
        { platform: 'slack', workspaceId: slack.state.teamId, userId: 'U0ALICE', days: 1 },
        { platform: 'discord', workspaceId: discord.ids.guild, userId: discord.users.alice.id, days: 1 },
      ]),
    );
    expect(users).toHaveLength(2);
  });

  it('exits 0 on SIGTERM, releasing the lock and keeping both check-ins, with no secret logged', async () => {
    child.kill('SIGTERM');
    const result = await finished;
    expect(result.code).toBe(0);
    expect(existsSync(`${dataFile}.lock`)).toBe(false);
    const data = JSON.parse(readFileSync(dataFile, 'utf8')) as StoreData;
    const platforms = Object.values(data.users).map((u) => `${u.platform}:${u.checkins.length}`);
    expect(platforms.sort()).toEqual(['discord:1', 'slack:1']);
    expect(result.stderr).toMatch(/stopped cleanly/);
    for (const secret of [slack.state.botToken, SIGNING_SECRET, discord.token]) {
      expect(result.stderr).not.toContain(secret);
    }
  });
});
