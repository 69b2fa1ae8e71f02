/**
 * A small fake Slack on 127.0.0.1 for driving the real Bolt app: the Web API methods the
 * adapter uses, a Socket Mode WebSocket and a response_url sink. It records every call, can be
 * told to fail, and never talks to anything but loopback.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';
import { createSocketMode, type SocketMode } from './socket.ts';
import { type FakeState, handleMethod } from './web-api.ts';

export interface FakeCall {
  method: string;
  params: Record<string, string>;
  token: string | undefined;
}

export interface FakeResponse {
  id: string;
  body: Record<string, unknown>;
  /** `performance.now()` when it arrived (for the benchmark's answer latency). */
  receivedAt: number;
}

export interface Failure {
  /** HTTP status to answer with (429 sends Retry-After). */
  status?: number;
  retryAfterSeconds?: number;
  /** A Web API error code, answered as `{ ok: false, error }` with status 200. */
  error?: string;
}

export interface FakeUser {
  name: string;
  displayName?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
}

export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  users?: Record<string, FakeUser>;
  /** Tokens that answer `token_revoked`. */
  revokedTokens?: string[];
}

export interface FakeSlack {
  readonly url: string;
  /** For `SLACK_API_URL` / `clientOptions.slackApiUrl`. */
  readonly apiUrl: string;
  readonly calls: FakeCall[];
  readonly responses: FakeResponse[];
  readonly state: FakeState;
  readonly socket: SocketMode;
  responseUrl(id: string): string;
  callsTo(method: string): FakeCall[];
  /** Answer the next `times` calls to `method` with `failure`. */
  fail(method: string, failure: Failure, times?: number): void;
  /** Resolve once `check` returns a value other than undefined/false; re-checked on every call. */
  waitFor<T>(check: () => T | undefined | false, what?: string, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

const pick = ({ messages, ephemerals, views }: FakeState) => ({ messages, ephemerals, views });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseParams(raw: string, contentType: string | undefined): Record<string, string> {
  if (contentType?.includes('application/json')) {
    const parsed = JSON.parse(raw || '{}') as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    );
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

function bearer(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const calls: FakeCall[] = [];
  const responses: FakeResponse[] = [];
  const failures = new Map<string, Failure[]>();
  const state: FakeState = {
    botToken: options.botToken ?? 'xoxb-fake-bot-token',
    appToken: options.appToken ?? 'xapp-fake-app-token',
    teamId: options.teamId ?? 'T0FAKE',
    botUserId: options.botUserId ?? 'U0BOT',
    botId: options.botId ?? 'B0BOT',
    users: options.users ?? {},
    revokedTokens: new Set(options.revokedTokens ?? []),
    messages: [],
    ephemerals: [],
    views: [],
    socketUrl: '',
    nextTs: 1_700_000_000,
  };

  async function onApi(req: IncomingMessage, res: ServerResponse, method: string) {
    const params = parseParams(await readBody(req), req.headers['content-type']);
    const call: FakeCall = { method, params, token: bearer(req) ?? params.token };
    calls.push(call);
    const failure = failures.get(method)?.shift();
    if (failure) {
      const headers: Record<string, string> = failure.retryAfterSeconds
        ? { 'retry-after': String(failure.retryAfterSeconds) }
        : {};
      if (failure.status) json(res, failure.status, { ok: false, error: 'fake_failure' }, headers);
      else json(res, 200, { ok: false, error: failure.error ?? 'fake_failure' });
    } else {
      json(res, 200, handleMethod(state, method, call));
    }
    events.emit('change');
  }

  async function onResponseUrl(req: IncomingMessage, res: ServerResponse, id: string) {
    const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
    responses.push({ id, body, receivedAt: performance.now() });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
    events.emit('change');
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const api = /^\/api\/([\w.]+)$/.exec(path);
    const hook = /^\/response\/([\w-]+)$/.exec(path);
    // GET /_fake/state: what the fake has seen, for poking at it by hand (curl) while running the bot.
    const inspect = req.method === 'GET' && path === '/_fake/state';
    const handled = inspect
      ? Promise.resolve(json(res, 200, { calls: calls.map((c) => c.method), responses, ...pick(state) }))
      : api?.[1]
        ? onApi(req, res, api[1])
        : hook?.[1]
          ? onResponseUrl(req, res, hook[1])
          : Promise.resolve(json(res, 404, { ok: false, error: 'not_found' }));
    handled.catch((error: unknown) => json(res, 500, { ok: false, error: String(error) }));
  });
  const wss = new WebSocketServer({ server, path: '/socket' });
  const socket = createSocketMode(wss, state, () => events.emit('change'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.socketUrl = `${url.replace('http://', 'ws://')}/socket`;

  function waitFor<T>(check: () => T | undefined | false, what = 'condition', timeoutMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value === undefined || value === false) return false;
        cleanup();
        resolve(value);
        return true;
      };
      // A guard against a hung test, not a wait: every recorded call re-checks at once.
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Slack: timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        events.off('change', attempt);
      };
      if (!attempt()) events.on('change', attempt);
    });
  }

  return {
    url,
    apiUrl: `${url}/api/`,
    calls,
    responses,
    state,
    socket,
    responseUrl: (id) => `${url}/response/${id}`,
    callsTo: (method) => calls.filter((c) => c.method === method),
    fail(method, failure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(method, queue);
    },
    waitFor,
    async close() {
      socket.closeAll();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
