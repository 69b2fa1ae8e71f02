/**
 * The fake's Socket Mode side: says hello (without it Bolt's `start()` never resolves), delivers
 * envelopes and collects the acks that come back as `{ envelope_id, payload }`.
 */
import { randomUUID } from 'node:crypto';
import type { WebSocket, WebSocketServer } from 'ws';
import type { FakeState } from './web-api.ts';

export type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

export interface Ack {
  envelope_id: string;
  payload?: unknown;
}

export interface DeliverOptions {
  retryAttempt?: number;
  retryReason?: string;
  envelopeId?: string;
}

export interface SocketMode {
  readonly acks: Ack[];
  readonly connections: number;
  /** Send an envelope to every connected client; resolves with the first ack for it. */
  deliver(type: EnvelopeType, payload: unknown, options?: DeliverOptions): Promise<Ack>;
  closeAll(): void;
}

export function createSocketMode(wss: WebSocketServer, _state: FakeState, onChange: () => void): SocketMode {
  const clients = new Set<WebSocket>();
  const acks: Ack[] = [];
  const waiting = new Map<string, (ack: Ack) => void>();

  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as Ack;
      acks.push(ack);
      waiting.get(ack.envelope_id)?.(ack);
      waiting.delete(ack.envelope_id);
      onChange();
    });
    ws.on('close', () => {
      clients.delete(ws);
      onChange();
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: clients.size,
        debug_info: { host: 'fake-slack', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A0FAKE' },
      }),
    );
    onChange();
  });

  return {
    acks,
    get connections() {
      return clients.size;
    },
    deliver(type, payload, options = {}) {
      const envelopeId = options.envelopeId ?? randomUUID();
      const envelope = {
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        ...(options.retryAttempt !== undefined
          ? { retry_attempt: options.retryAttempt, retry_reason: options.retryReason ?? 'timeout' }
          : {}),
      };
      const acked = new Promise<Ack>((resolve) => waiting.set(envelopeId, resolve));
      for (const ws of clients) ws.send(JSON.stringify(envelope));
      return acked;
    },
    closeAll() {
      for (const ws of clients) ws.terminate();
    },
  };
}
