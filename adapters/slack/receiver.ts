/**
 * HTTP mode: a thin server in front of Bolt's own HTTPReceiver. Every request to the events path
 * is size-capped and its signature and timestamp (past AND future) verified here, before Bolt
 * parses it or any listener runs; Bolt then does what it does well (parsing, ack, dispatch).
 * The same port answers `GET /healthz` and `GET /readyz`.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, type Logger as BoltLogger, HTTPReceiver, type Receiver } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';
import { createLogSummary, type LogSummary } from '../../src/log-summary.ts';
import { closeGracefully, createBoundedServer } from '../../src/runtime/http-server.ts';
import type { Clock } from '../../src/types.ts';
import { classifySlackBody } from './shape.ts';
import { verifySlackSignature } from './verify.ts';

export const EVENTS_PATH = '/slack/events';
export const MAX_BODY_BYTES = 1024 * 1024;

export interface Readiness {
  ready: boolean;
  reasons: string[];
}

export interface VerifyingReceiverOptions {
  signingSecret: string;
  /** The slash command we answer (`/skills`); any other command is refused with 400. */
  command: string;
  port: number;
  host?: string;
  clock: Clock;
  log: Logger;
  boltLogger: BoltLogger;
  readiness: () => Readiness;
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** The whole body, or `undefined` once it passes `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A refused request also loses its connection: a client sending junk gets no keep-alive. */
function refuse(res: ServerResponse, status: number, error: string): void {
  res.setHeader('connection', 'close');
  send(res, status, { error });
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('connection', 'close');
  send(res, 413, { error: 'request body too large' });
  res.on('finish', () => req.destroy());
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

export class VerifyingReceiver implements Receiver {
  readonly #options: VerifyingReceiverOptions;
  readonly #bolt: HTTPReceiver;
  #server: Server | undefined;
  readonly #unverified: LogSummary;
  readonly #malformed: LogSummary;
  #closing: Promise<void> | undefined;

  constructor(options: VerifyingReceiverOptions) {
    this.#options = options;
    this.#unverified = createLogSummary(options.log, 'refused an unverified Slack request');
    this.#malformed = createLogSummary(options.log, 'refused a signed Slack request skillbot cannot handle');
    // Verification happens in #events with the injected clock; Bolt must not redo it with its own.
    this.#bolt = new HTTPReceiver({
      signingSecret: options.signingSecret,
      signatureVerification: false,
      endpoints: EVENTS_PATH,
      logger: options.boltLogger,
    });
  }

  init(app: App): void {
    this.#bolt.init(app);
  }

  /** The bound port (useful when configured as 0). */
  get port(): number | undefined {
    const address = this.#server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  start(): Promise<Server> {
    const server = createBoundedServer((req, res) => {
      this.#route(req, res).catch((error: unknown) => {
        this.#options.log.error({ err: error }, 'slack request failed');
        send(res, 500, { error: 'internal error' });
      });
    });
    this.#server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#options.port, this.#options.host, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  /**
   * Stop accepting; requests still arriving on open keep-alive connections are answered with
   * `Connection: close`, and connections still busy after a grace period are cut. Safe to call
   * early in shutdown (before the handlers drain) and again from `stop()`.
   */
  stopAccepting(): Promise<void> {
    this.#closing ??= closeGracefully(this.#server);
    return this.#closing;
  }

  async stop(): Promise<void> {
    await this.stopAccepting();
    this.#server = undefined;
    this.#unverified.flush();
    this.#malformed.flush();
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/healthz') return send(res, 200, { status: 'ok' });
    if (req.method === 'GET' && path === '/readyz') {
      const readiness = this.#options.readiness();
      return send(res, readiness.ready ? 200 : 503, readiness);
    }
    if (path !== EVENTS_PATH) return send(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' });
    await this.#events(req, res);
  }

  async #events(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return refuseTooLarge(req, res);
    const rawBody = await readBody(req, MAX_BODY_BYTES);
    if (!rawBody) return refuseTooLarge(req, res);
    const signed = {
      signature: header(req, 'x-slack-signature'),
      timestamp: header(req, 'x-slack-request-timestamp'),
      rawBody,
    };
    const verdict = verifySlackSignature(this.#options.signingSecret, signed, this.#options.clock());
    if (!verdict.ok) {
      this.#unverified.note(verdict.reason);
      return refuse(res, 401, 'unverified request');
    }
    const shape = classifySlackBody(header(req, 'content-type'), rawBody, this.#options.command);
    if (!shape.ok) {
      this.#malformed.note(shape.reason);
      return refuse(res, 400, `cannot handle this request: ${shape.reason}`);
    }
    // Bolt reuses an already-read body when it finds one here.
    Object.assign(req, { rawBody });
    this.#bolt.requestListener(req, res);
  }
}
