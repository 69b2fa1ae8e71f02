import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dmChannelPayload, type FakeGuild, type FakeUser, messagePayload, snowflake } from './payloads.ts';

/** A JSON value as received: tests inspect recorded bodies loosely, the way Discord would read them. */
// biome-ignore lint/suspicious/noExplicitAny: JSON from the wire, checked field by field in tests.
export type Json = any;

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined. */
  body: Json;
  authorized: boolean;
  status: number;
}

export interface ScriptedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Scripted {
  method: string;
  path: RegExp;
  response: ScriptedResponse;
  /** Keep answering this way instead of once. */
  always?: boolean;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  author: FakeUser;
  body: Json;
  nonce?: string;
  at: number;
}

export interface RestState {
  token: string;
  applicationId: string;
  bot: FakeUser;
  guild: FakeGuild;
  /** Discord's clock (ms): message ids, timestamps and the nonce window follow it. */
  now: () => number;
}

/** How long Discord keeps a nonce for `enforce_nonce` (its docs say "a few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;
const PREFIX = '/api/v10';

/** Discord's REST API as far as skillbot uses it, recording every request it receives. */
export class FakeRest extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  readonly messages: StoredMessage[] = [];
  private readonly scripted: Scripted[] = [];
  /** Channels that exist besides the guild's text channel (DMs). */
  private readonly dmChannels = new Map<string, FakeUser>();

  constructor(
    private readonly state: RestState,
    private readonly gatewayUrl: () => string,
  ) {
    super();
  }

  /** Answer the next request matching `method` and `path` with `response` instead of the usual one. */
  failNext(method: string, path: RegExp, response: ScriptedResponse): void {
    this.scripted.push({ method, path, response });
  }

  /**
   * A message as if `author` had posted it (by hand or another client) to `channelId`; it is
   * served by `GET /channels/:id/messages` like the bot's own posts. Returns the stored message.
   */
  addMessage(channelId: string, author: FakeUser, body: Json): StoredMessage {
    const at = this.state.now();
    const stored: StoredMessage = { id: snowflake(at), channelId, author, body, at };
    this.messages.push(stored);
    return stored;
  }

  /** Answer every request matching `method` and `path` with `response`. */
  failAlways(method: string, path: RegExp, response: ScriptedResponse): void {
    this.scripted.push({ method, path, response, always: true });
  }

  /**
   * Resolves with the first request (already recorded or still to come) matching `predicate`;
   * rejects after `timeoutMs` listing what did arrive, so a failing test says why.
   */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', listener);
        const seen = this.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join('\n  ');
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms; received:\n  ${seen}`));
      }, timeoutMs);
      const listener = (r: RecordedRequest) => {
        if (!predicate(r)) return;
        clearTimeout(timer);
        this.off('request', listener);
        resolve(r);
      };
      this.on('request', listener);
    });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const contentType = req.headers['content-type'] ?? '';
    const body = await parseBody(raw, contentType);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(
        url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : url.pathname,
      ),
      query: url.searchParams,
      body,
      authorized: req.headers.authorization === `Bot ${this.state.token}`,
      status: 0,
    };
    const reply = this.respond(record);
    record.status = reply.status;
    this.requests.push(record);
    send(res, reply);
    this.emit('request', record);
  }

  private respond(r: RecordedRequest): ScriptedResponse {
    const scriptedIndex = this.scripted.findIndex((s) => s.method === r.method && s.path.test(r.path));
    const scripted = this.scripted[scriptedIndex];
    if (scripted) {
      if (!scripted.always) this.scripted.splice(scriptedIndex, 1);
      return scripted.response;
    }
    const isInteractionRoute = /^\/(interactions|webhooks)\//.test(r.path);
    if (!isInteractionRoute && !r.authorized) return error(401, 0, '401: Unauthorized');
    return this.route(r);
  }

  private route(r: RecordedRequest): ScriptedResponse {
    const { state } = this;
    const key = `${r.method} ${r.path}`;
    if (key === 'GET /gateway/bot') return ok(this.gatewayInfo());
    if (key === 'GET /users/@me') return ok({ ...state.bot, discriminator: '0', avatar: null });
    if (key === 'GET /applications/@me') return ok({ id: state.applicationId, name: 'skillbot', flags: 0 });
    if (key === 'POST /users/@me/channels') return ok(this.openDm(r.body?.recipient_id));
    let m = /^\/channels\/(\d+)$/.exec(r.path);
    if (m && r.method === 'GET') return this.channel(m[1] as string);
    m = /^\/channels\/(\d+)\/messages$/.exec(r.path);
    if (m && r.method === 'POST') return this.createMessage(m[1] as string, r.body);
    if (m && r.method === 'GET') return this.listMessages(m[1] as string, r.query);
    if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path)) return { status: 204 };
    m = /^\/webhooks\/\d+\/[^/]+(\/messages\/(@original|\d+))?$/.exec(r.path);
    if (m) return r.method === 'DELETE' ? { status: 204 } : ok(this.webhookMessage(r.body));
    m = /^\/applications\/(\d+)(\/guilds\/\d+)?\/commands$/.exec(r.path);
    if (m && r.method === 'PUT') return ok(this.commands(m[1] as string, r.body));
    return error(404, 0, '404: Not Found');
  }

  private gatewayInfo() {
    return {
      url: this.gatewayUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
    };
  }

  private isGuildChannel(id: string): boolean {
    return id === this.state.guild.channelId || id === this.state.guild.otherChannelId;
  }

  private knownChannel(id: string): boolean {
    return this.isGuildChannel(id) || this.dmChannels.has(id);
  }

  private channel(id: string): ScriptedResponse {
    const recipient = this.dmChannels.get(id);
    if (recipient) return ok(dmChannelPayload(id, recipient));
    if (!this.isGuildChannel(id)) return error(404, 10003, 'Unknown Channel');
    return ok({ id, type: 0, name: 'general', guild_id: this.state.guild.id, permission_overwrites: [] });
  }

  private openDm(userId: string): unknown {
    const existing = [...this.dmChannels].find(([, u]) => u.id === userId);
    const id = existing?.[0] ?? snowflake();
    const user = existing?.[1] ?? { id: userId, username: `user${userId.slice(-4)}`, global_name: null };
    this.dmChannels.set(id, user);
    return dmChannelPayload(id, user);
  }

  /** Like Discord: with `enforce_nonce`, the same nonce within minutes returns the first message. */
  private createMessage(channelId: string, body: Json): ScriptedResponse {
    if (!this.knownChannel(channelId)) return error(404, 10003, 'Unknown Channel');
    const nonce = typeof body?.nonce === 'string' ? body.nonce : undefined;
    if (nonce && body.enforce_nonce) {
      const now = this.state.now();
      const earlier = this.messages.find(
        (m) => m.channelId === channelId && m.nonce === nonce && now - m.at < NONCE_WINDOW_MS,
      );
      if (earlier) return ok(this.messageJson(earlier, true));
    }
    const at = this.state.now();
    const stored: StoredMessage = { id: snowflake(at), channelId, author: this.state.bot, body, nonce, at };
    this.messages.push(stored);
    return ok(this.messageJson(stored, true));
  }

  /**
   * Like Discord's Get Channel Messages with `after`: the `limit` (1–100, default 50) messages
   * right after that id, listed newest first, without nonces (Discord does not return them here).
   */
  private listMessages(channelId: string, query: URLSearchParams): ScriptedResponse {
    if (!this.knownChannel(channelId)) return error(404, 10003, 'Unknown Channel');
    const limit = Number(query.get('limit') ?? 50);
    const after = query.get('after') ?? '0';
    if (!Number.isInteger(limit) || limit < 1 || limit > 100 || !/^\d+$/.test(after)) {
      return error(400, 50035, 'Invalid Form Body');
    }
    const page = this.messages
      .filter((m) => m.channelId === channelId && BigInt(m.id) > BigInt(after))
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
      .slice(0, limit)
      .reverse();
    return ok(page.map((m) => this.messageJson(m, false)));
  }

  private messageJson(m: StoredMessage, withNonce: boolean) {
    const inGuild = this.isGuildChannel(m.channelId);
    return messagePayload({
      id: m.id,
      channelId: m.channelId,
      guildId: inGuild ? this.state.guild.id : undefined,
      author: m.author,
      content: m.body?.content ?? '',
      embeds: m.body?.embeds,
      components: m.body?.components,
      nonce: withNonce ? m.nonce : undefined,
      timestamp: new Date(m.at).toISOString(),
    });
  }

  private webhookMessage(body: Json) {
    return messagePayload({
      id: snowflake(),
      channelId: this.state.guild.channelId,
      author: this.state.bot,
      content: body?.content ?? '',
      embeds: body?.embeds,
      components: body?.components,
    });
  }

  private commands(applicationId: string, body: unknown): ScriptedResponse {
    if (applicationId !== this.state.applicationId) return error(403, 50001, 'Missing Access');
    const list = Array.isArray(body) ? body : [];
    return ok(list.map((c) => ({ ...c, id: snowflake(), application_id: applicationId, version: '1' })));
  }
}

function ok(body: unknown): ScriptedResponse {
  return { status: 200, body };
}

export function error(status: number, code: number, message: string): ScriptedResponse {
  return { status, body: { code, message } };
}

/** A 429 as Discord sends it: `Retry-After` in seconds in the header, `retry_after` in the body. */
export function rateLimited(retryAfterSeconds: number): ScriptedResponse {
  return {
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
    headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': 'user' },
  };
}

function send(res: ServerResponse, reply: ScriptedResponse): void {
  const headers = { ...reply.headers };
  // Discord answers 204 with no body and no JSON content type (discord.js would try to parse one).
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  res.writeHead(reply.status, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(reply.body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A file sent with a message, as the fake records it (multipart `files[n]` parts). */
export interface SentFile {
  name: string;
  text: string;
}

/**
 * JSON bodies, and multipart ones as Discord reads them: the message in `payload_json`, each
 * attachment in a `files[n]` part (recorded under `files` on the body).
 */
async function parseBody(raw: Buffer, contentType: string): Promise<Json> {
  if (raw.length === 0) return undefined;
  if (contentType.includes('json')) return JSON.parse(raw.toString('utf8'));
  if (!contentType.includes('multipart/form-data')) return undefined;
  const form = await new Response(new Uint8Array(raw), {
    headers: { 'content-type': contentType },
  }).formData();
  const payload = form.get('payload_json');
  const body = typeof payload === 'string' ? JSON.parse(payload) : {};
  const files: SentFile[] = [];
  for (const [key, value] of form.entries()) {
    if (!key.startsWith('files[') || typeof value === 'string') continue;
    files.push({ name: value.name, text: await value.text() });
  }
  return { ...body, files };
}
