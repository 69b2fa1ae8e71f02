/**
 * The real entry point in Slack HTTP mode against the fake Slack, and keep-alive clients that
 * send it signed slash commands the way Slack does.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { Agent, request } from 'node:http';
import { form, slackSignature, slashCommand } from '../fakes/slack/requests.ts';
import type { FakeSlack } from '../fakes/slack/server.ts';
import { freePort } from './ports.ts';
import { startBot, tempDataFile } from './process.ts';

export const PROCESS_SIGNING_SECRET = 'drill-signing-secret-0123456789';

export interface SlackProcess {
  child: ChildProcessWithoutNullStreams;
  port: number;
  dataFile: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Start `src/main.ts` in HTTP mode; resolves once it answers `/healthz`. */
export async function startSlackProcess(
  fake: FakeSlack,
  env: Record<string, string> = {},
): Promise<SlackProcess> {
  const port = await freePort();
  const dataFile = tempDataFile();
  const child = startBot({
    SLACK_BOT_TOKEN: fake.state.botToken,
    SLACK_SIGNING_SECRET: PROCESS_SIGNING_SECRET,
    SLACK_APP_TOKEN: '',
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    DATA_FILE: dataFile,
    ...env,
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bot exited during start-up: ${stderr}`);
    const up = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (up) return { child, port, dataFile, stderr: () => stderr, exited };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`bot did not become ready: ${stderr}`);
}

export interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

/** POST a signed `/skills <text>` over `agent`; rejects when the connection is refused or cut. */
export function signedSlash(port: number, text: string, agent: Agent, userId = 'U0ALICE'): Promise<Answer> {
  const body = form(slashCommand({ text, userId, responseUrl: 'http://127.0.0.1:9/unused' }));
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(PROCESS_SIGNING_SECRET, timestamp, body),
  };
  return new Promise((resolve, reject) => {
    const req = request(
      `http://127.0.0.1:${port}/slack/events`,
      { method: 'POST', agent, headers },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export { Agent };
