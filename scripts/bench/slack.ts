/**
 * Slack round trip: signed slash commands through the real HTTP receiver on loopback, skillbot
 * next to a bare Bolt app that only acks, in the same run and against the same fake Slack.
 * Round trip = request sent until Slack's HTTP request is answered, which is what Slack's
 * 3-second budget measures. skillbot puts its answer in that response (see listeners.ts), so
 * for skillbot the round trip includes the core's work; a third app, the adapter in front of a
 * core that answers "ok" at once, shows what the adapter itself adds.
 *
 * The load generator, the fake Slack and each app run in separate processes (slack-server.ts),
 * as they would for real: an in-process fake would bill its own work to whichever app talks to it.
 *
 * Runnable alone: `npx tsx scripts/bench/slack.ts`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { slackSignature, slashCommand } from '../../tests/fakes/slack/requests.ts';
import type { BenchSection } from './types.ts';

export const BENCH_SECRET = 'bench-signing-secret-0123456789';
const REQUESTS = 2000;
const WARMUP = 300;
const ROUNDS = 4;
const SERVER_SCRIPT = resolve(import.meta.dirname, 'slack-server.ts');
const QUESTIONS = ['what is docker', 'how do I undo a bad commit', 'help', 'tip', 'streak', 'sql vs nosql'];

const epochNow = () => performance.timeOrigin + performance.now();

interface Child {
  process: ChildProcess;
  lines: AsyncIterator<string>;
}

async function spawnRole(
  ...args: string[]
): Promise<{ child: Child; ready: Record<string, string | number> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_SCRIPT, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error(`bench process "${args[0]}" exited before it was ready`);
  return { child: { process: child, lines }, ready: JSON.parse(first.value) };
}

async function finish(child: Child): Promise<string | undefined> {
  child.process.stdin?.end();
  const last = await child.lines.next();
  await new Promise((done) =>
    child.process.exitCode === null ? child.process.once('exit', done) : done(null),
  );
  return last.done ? undefined : last.value;
}

function post(agent: Agent, port: number, body: string): Promise<void> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': Buffer.byteLength(body),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(BENCH_SECRET, timestamp, body),
  };
  return new Promise((done, fail) => {
    const options = { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers, agent };
    const req = request(options, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? done() : fail(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', fail);
    req.end(body);
  });
}

interface Sample {
  roundTrip: number;
  sentAt: number;
  id: string;
}

async function run(port: number, responseBase: string, prefix: string, count: number): Promise<Sample[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const samples: Sample[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `${prefix}-${i}`;
    const text = QUESTIONS[i % QUESTIONS.length] ?? 'help';
    const fields = slashCommand({ text, responseUrl: `${responseBase}${id}`, userId: `U${i % 50}` });
    const body = new URLSearchParams(fields).toString();
    const sentAt = epochNow();
    await post(agent, port, body);
    samples.push({ roundTrip: epochNow() - sentAt, sentAt, id });
  }
  agent.destroy();
  return samples;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const ms = (value: number) => Number(value.toFixed(3));

const p50 = (samples: Sample[]) =>
  percentile(
    samples.map((s) => s.roundTrip),
    50,
  );

function row(app: string, samples: Sample[], bareP50: number) {
  return {
    app,
    requests: samples.length,
    'p50 ms': ms(p50(samples)),
    'p99 ms': ms(
      percentile(
        samples.map((s) => s.roundTrip),
        99,
      ),
    ),
    'p50 vs bare': `${(p50(samples) / bareP50).toFixed(2)}x`,
  };
}

function verdict(ratio: number): string {
  return ratio <= 1.1 ? 'met' : 'MISSED';
}

const APPS = [
  ['bare Bolt (ack only)', 'bare'],
  ['skillbot adapter, instant core', 'adapter'],
  ['skillbot (answer in the ack)', 'skillbot'],
] as const;

async function measureAll(ports: number[], responseBase: string): Promise<Sample[][]> {
  const samples: Sample[][] = ports.map(() => []);
  for (const [i, port] of ports.entries()) await run(port, responseBase, `warm${i}`, WARMUP);
  // Alternate rounds so drift (JIT, GC, CPU frequency) hits every app alike.
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [i, port] of ports.entries()) {
      samples[i]?.push(...(await run(port, responseBase, `r${round}-${i}`, REQUESTS / ROUNDS)));
    }
  }
  return samples;
}

export async function runSlackBench(): Promise<BenchSection> {
  const fake = await spawnRole('fake');
  const apiUrl = String(fake.ready.apiUrl);
  const apps = [];
  try {
    for (const [, role] of APPS) apps.push(await spawnRole(role, apiUrl));
    const [bare = [], adapter = [], skillbot = []] = await measureAll(
      apps.map((a) => Number(a.ready.port)),
      String(fake.ready.responseBase),
    );
    const bareP50 = p50(bare);
    const adapterRatio = p50(adapter) / bareP50;
    const fullRatio = p50(skillbot) / bareP50;
    return {
      title: 'Slack round trip (signed slash commands, HTTP receiver, loopback)',
      rows: [bare, adapter, skillbot].map((samples, i) => row(APPS[i]?.[0] ?? '', samples, bareP50)),
      notes: [
        `Target: skillbot p50 within 1.1x of the bare app. The adapter's own path (verify, dispatch, render, ack): ${adapterRatio.toFixed(2)}x, ${verdict(adapterRatio)}.`,
        `With the real core the answer travels inside the ack, so its round trip includes answering the question: ${fullRatio.toFixed(2)}x, ${verdict(fullRatio)}. The bare app answers nothing.`,
        'Why the answer rides in the ack: acking empty and answering through the response_url adds an HTTP call per answer, which costs the bot more than answering does.',
        `One request at a time over a keep-alive connection; ${WARMUP} warm-up requests per app; ${ROUNDS} alternating rounds; load generator, fake Slack and each app in separate processes.`,
      ],
    };
  } finally {
    for (const app of apps) await finish(app.child);
    await finish(fake.child);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const section = await runSlackBench();
  console.log(`## ${section.title}\n`);
  console.table(section.rows);
  for (const note of section.notes) console.log(`- ${note}`);
}
