/**
 * The HTTP receiver under hostile and broken traffic: signed bodies Bolt cannot handle are
 * refused with 400 at once, floods of unsigned requests do not flood the log, half-open clients
 * are dropped, and stopping lets keep-alive clients go.
 */
import { readdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot.ts';
import { form, slashCommand } from '../fakes/slack/requests.ts';
import { captureLogger, WARN } from '../support/log.ts';
import { type Harness, startHarness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const openDescriptors = (): number => readdirSync('/proc/self/fd').length;

function unhandledRejections(): { seen: unknown[]; stop: () => void } {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  return { seen, stop: () => process.off('unhandledRejection', listener) };
}

describe('signed bodies skillbot cannot handle', () => {
  it.each([
    ['payload=null', 'payload=null', 'application/x-www-form-urlencoded'],
    ['payload={}', 'payload=%7B%7D', 'application/x-www-form-urlencoded'],
    ['percent junk', '%%%&&&==', 'application/x-www-form-urlencoded'],
    ['an empty form', '', 'application/x-www-form-urlencoded'],
    ['an empty JSON body', '', 'application/json'],
    ['JSON null', 'null', 'application/json'],
    ['a JSON array', '[1,2]', 'application/json'],
    ['an event that is a string', '{"type":"event_callback","event":"x"}', 'application/json'],
    ['payload=[]', 'payload=%5B%5D', 'application/x-www-form-urlencoded'],
    [
      'block_actions without actions',
      'payload=%7B%22type%22%3A%22block_actions%22%7D',
      'application/x-www-form-urlencoded',
    ],
    [
      'an unknown command',
      form(slashCommand({ text: 'done', responseUrl: 'http://127.0.0.1:9/x', command: '/other' })),
      'application/x-www-form-urlencoded',
    ],
  ])('%s gets 400 at once, and the next request is answered', async (_name, body, contentType) => {
    h = await startHarness({ mode: 'http' });
    const rejections = unhandledRejections();
    const started = performance.now();
    const res = await h.post(body, { contentType });
    const elapsed = performance.now() - started;
    await res.text();
    rejections.stop();
    expect(res.status).toBe(400);
    // Bolt answers what no listener acknowledges with 404 after 3 s; this must not wait for that.
    expect(elapsed).toBeLessThan(1500);
    expect(rejections.seen).toEqual([]);
    expect(h.fake.callsTo('users.info')).toHaveLength(0);
    const ok = await h.post(form(slashCommand({ text: 'help', responseUrl: h.fake.responseUrl('x') })));
    expect(ok.status).toBe(200);
  });

  it('500 signed payload=null requests leave no descriptor open and no unhandled rejection', async () => {
    h = await startHarness({ mode: 'http' });
    const rejections = unhandledRejections();
    const before = openDescriptors();
    const agent = new Agent({ keepAlive: false, maxSockets: 50 });
    const statuses = await Promise.all(
      Array.from({ length: 500 }, () => postRaw(h as Harness, 'payload=null', agent)),
    );
    agent.destroy();
    rejections.stop();
    expect(new Set(statuses)).toEqual(new Set([400]));
    expect(rejections.seen).toEqual([]);
    // Every connection is closed by the server itself (Connection: close on a refusal).
    await until(() => openDescriptors() <= before + 2, 3000);
    expect(openDescriptors()).toBeLessThanOrEqual(before + 2);
  });
});

describe('log flooding', () => {
  it('2,000 unsigned requests write a couple of lines, not 2,000', async () => {
    const captured = captureLogger();
    h = await startHarness({ mode: 'http', log: captured.log });
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    for (let batch = 0; batch < 10; batch += 1) {
      const statuses = await Promise.all(
        Array.from({ length: 200 }, () => postRaw(h as Harness, 'command=%2Fskills&text=done', agent, false)),
      );
      expect(new Set(statuses)).toEqual(new Set([401]));
    }
    agent.destroy();
    await h.adapter.stop();
    const warnings = captured.lines.filter((line) => line.level === WARN && /unverified/.test(line.msg));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.length).toBeLessThanOrEqual(3);
    const counted = warnings.reduce(
      (sum, line) => sum + (typeof line.count === 'number' ? line.count : 1),
      0,
    );
    expect(counted).toBe(2_000);
  });
});

describe('slow and half-open clients', () => {
  it('2,000 connections that trickle their headers are all dropped within seconds', async () => {
    h = await startHarness({ mode: 'http' });
    const port = Number(new URL(h.baseUrl).port);
    const sockets = await Promise.all(Array.from({ length: 2000 }, () => trickle(port)));
    let closed = 0;
    for (const socket of sockets) socket.once('close', () => (closed += 1));
    const drip = setInterval(() => {
      for (const socket of sockets) if (!socket.destroyed) socket.write('x');
    }, 500);
    try {
      // headersTimeout 5 s, checked every second: all gone well before 15 s.
      await until(() => closed === sockets.length, 15_000);
      expect(closed).toBe(sockets.length);
      expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      clearInterval(drip);
      for (const socket of sockets) socket.destroy();
    }
  }, 30_000);
});

describe('stopping with keep-alive clients still sending', () => {
  it('answers them with Connection: close and finishes within the grace period', async () => {
    let inFlight = 0;
    const slow = (real: Bot): Bot => ({
      ...real,
      handleMessage: async (msg) => {
        inFlight += 1;
        await new Promise((resolve) => setTimeout(resolve, 300));
        inFlight -= 1;
        return real.handleMessage(msg);
      },
    });
    h = await startHarness({ mode: 'http', wrapBot: slow });
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    let running = true;
    const closes: string[] = [];
    const statuses: number[] = [];
    const clients = Array.from({ length: 4 }, async () => {
      while (running) {
        const outcome = await postRawFull(
          h as Harness,
          form(slashCommand({ text: 'help', responseUrl: 'http://127.0.0.1:9/x' })),
          agent,
        ).catch(() => undefined);
        if (!outcome) break;
        statuses.push(outcome.status);
        if (outcome.connection) closes.push(outcome.connection);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await until(() => inFlight === 4, 5000);
    const started = performance.now();
    await h.adapter.stopAccepting?.();
    const elapsed = performance.now() - started;
    running = false;
    await Promise.all(clients);
    agent.destroy();
    expect(elapsed).toBeLessThan(4000);
    // The four requests in flight when it stopped were answered, each telling its client to go.
    expect(closes.filter((c) => c === 'close')).toHaveLength(4);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** A connection that starts a request and never finishes its headers. */
function trickle(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\n');
      resolve(socket);
    });
    socket.on('error', () => {});
    socket.once('error', reject);
  });
}

async function postRawFull(
  harness: Harness,
  body: string,
  agent: Agent,
  signed = true,
): Promise<{ status: number; connection: string | undefined }> {
  const now = Math.floor(harness.clock().getTime() / 1000);
  const { slackSignature } = await import('../fakes/slack/requests.ts');
  const { SIGNING_SECRET } = await import('./harness.ts');
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (signed) {
    headers['x-slack-request-timestamp'] = String(now);
    headers['x-slack-signature'] = slackSignature(SIGNING_SECRET, now, body);
  }
  return new Promise((resolve, reject) => {
    const req = request(harness.eventsUrl, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function postRaw(harness: Harness, body: string, agent: Agent, signed = true): Promise<number> {
  return (await postRawFull(harness, body, agent, signed)).status;
}
