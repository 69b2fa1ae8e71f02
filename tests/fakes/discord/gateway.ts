import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { type FakeGuild, type FakeUser, guildCreatePayload, snowflake, userPayload } from './payloads.ts';
import type { Json } from './rest.ts';

export interface GatewayOptions {
  /** HELLO's heartbeat interval; short only in the test that needs heartbeats. */
  heartbeatIntervalMs: number;
  /** Close the connection with this code when IDENTIFY arrives (4004 bad token, 4014 disallowed intents). */
  closeOnIdentify?: number;
  /**
   * List the guild (as unavailable) in READY, as Discord does, so the client waits for its
   * GUILD_CREATE before `clientReady`. False sends `guilds: []`: GUILD_CREATE may then come after.
   */
  guildsInReady?: boolean;
}

export interface GatewayState {
  token: string;
  applicationId: string;
  bot: FakeUser;
  guild: FakeGuild;
}

interface Session {
  socket: WebSocket;
  sessionId: string;
  seq: number;
}

/**
 * Discord's gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats (ACKs can be switched off
 * to make the client resume), RESUME → RESUMED, and dispatch of Json event to the live session.
 * Events: 'identify' (payload d), 'resume' (d), 'heartbeat', 'connection', 'close' (code).
 */
export class FakeGateway extends EventEmitter {
  readonly server: WebSocketServer;
  ackHeartbeats = true;
  connections = 0;
  readonly identifies: Json[] = [];
  readonly resumes: Json[] = [];
  private session: Session | undefined;
  private seq = 0;

  constructor(
    http: Server,
    private readonly state: GatewayState,
    readonly options: GatewayOptions,
    private readonly url: () => string,
  ) {
    super();
    this.server = new WebSocketServer({ server: http, path: '/gateway' });
    this.server.on('connection', (socket) => this.accept(socket));
  }

  /** Send a dispatch (op 0) on the current connection. */
  dispatch(t: string, d: unknown): void {
    const socket = this.session?.socket;
    if (!socket) throw new Error('fake gateway: no client connected');
    this.seq += 1;
    socket.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  /** Close the live connection with `code`, as Discord does for a revoked token (4004). */
  closeWith(code: number): void {
    this.session?.socket.close(code, 'closed by fake Discord');
  }

  waitFor(event: 'identify' | 'resume' | 'close' | 'heartbeat'): Promise<unknown> {
    return new Promise((resolve) => this.once(event, resolve));
  }

  private accept(socket: WebSocket): void {
    this.connections += 1;
    this.emit('connection');
    socket.on('message', (raw) => this.receive(socket, JSON.parse(String(raw))));
    socket.on('close', (code) => this.emit('close', code));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }));
  }

  private receive(socket: WebSocket, payload: { op: number; d: Json }): void {
    switch (payload.op) {
      case 1:
        this.emit('heartbeat');
        if (this.ackHeartbeats) socket.send(JSON.stringify({ op: 11 }));
        return;
      case 2:
        this.identify(socket, payload.d);
        return;
      case 6:
        this.resume(socket, payload.d);
        return;
    }
  }

  private identify(socket: WebSocket, d: Json): void {
    this.identifies.push(d);
    this.emit('identify', d);
    if (this.options.closeOnIdentify) {
      socket.close(this.options.closeOnIdentify, 'closed by fake Discord');
      return;
    }
    if (d.token !== this.state.token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    this.session = { socket, sessionId: snowflake(), seq: 0 };
    const { guild } = this.state;
    this.dispatch('READY', {
      v: 10,
      user: userPayload(this.state.bot),
      // Listing the guild as unavailable makes discord.js wait for its GUILD_CREATE before `clientReady`.
      guilds: this.options.guildsInReady === false ? [] : [{ id: guild.id, unavailable: true }],
      session_id: this.session.sessionId,
      resume_gateway_url: this.url(),
      application: { id: this.state.applicationId, flags: 0 },
      shard: [0, 1],
    });
    this.dispatch('GUILD_CREATE', guildCreatePayload(guild));
  }

  private resume(socket: WebSocket, d: Json): void {
    this.resumes.push(d);
    if (this.session && d.session_id === this.session.sessionId && d.token === this.state.token) {
      this.session.socket = socket;
      this.ackHeartbeats = true;
      this.dispatch('RESUMED', {});
    } else {
      socket.send(JSON.stringify({ op: 9, d: false }));
    }
    this.emit('resume', d);
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
