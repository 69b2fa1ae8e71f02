/**
 * Socket Mode's client reads `event.payload.event.type` from every `events_api` envelope without
 * checking it, so an envelope whose payload is null rejects inside the library: an unhandled
 * rejection, and the envelope is never acknowledged (Slack then redelivers it). Envelopes are
 * checked here first, with the same shape rules as HTTP bodies; a malformed one is acknowledged,
 * so Slack stops sending it, and dropped with a rate-limited warning.
 */
import type { SocketModeClient } from '@slack/socket-mode';
import type { Logger } from '../../src/log.ts';
import { createLogSummary } from '../../src/log-summary.ts';
import { classifySlackPayload } from './shape.ts';

export type EnvelopeVerdict = { forward: true } | { forward: false; reason: string; envelopeId?: string };

/** Messages about the connection itself; they carry no payload to check. */
const CONNECTION_MESSAGES = new Set(['hello', 'disconnect']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Pure: whether one WebSocket text message is safe to hand to the Socket Mode client. */
export function classifyEnvelope(text: string, command: string): EnvelopeVerdict {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return { forward: false, reason: 'unparseable envelope' };
  }
  if (!isObject(envelope) || typeof envelope.type !== 'string') {
    return { forward: false, reason: 'envelope without a type' };
  }
  if (CONNECTION_MESSAGES.has(envelope.type)) return { forward: true };
  const envelopeId = typeof envelope.envelope_id === 'string' ? envelope.envelope_id : undefined;
  if (!envelopeId) return { forward: false, reason: 'envelope without an id' };
  const shape = classifySlackPayload(envelope.payload, command);
  return shape.ok ? { forward: true } : { forward: false, reason: shape.reason, envelopeId };
}

/**
 * The two client methods the guard relies on; TypeScript marks them protected and private, so a
 * test (socket-guard.test.ts) pins them and an upgrade that renames them fails there first.
 */
export interface SocketClientInternals {
  onWebSocketMessage(data: string | ArrayBuffer, isBinary: boolean): Promise<void>;
  send(envelopeId: string, body?: Record<string, unknown>): Promise<void>;
}

/** Puts `classifyEnvelope` in front of the client's own message handler. */
export function guardSocketMessages(client: SocketModeClient, command: string, log: Logger): void {
  const internals = client as unknown as SocketClientInternals;
  const warnings = createLogSummary(log, 'slack: dropped a malformed Socket Mode envelope');
  // The client subscribes its handler to its own `ws_message` event in its constructor.
  client.removeAllListeners('ws_message');
  client.on('ws_message', (data: unknown, isBinary: boolean) => {
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer);
    const verdict = isBinary ? { forward: true as const } : classifyEnvelope(text, command);
    if (verdict.forward) {
      internals.onWebSocketMessage(data as string | ArrayBuffer, isBinary).catch((error: unknown) => {
        log.warn({ err: error }, 'slack: a Socket Mode message failed');
      });
      return;
    }
    warnings.note(verdict.reason);
    if (verdict.envelopeId) {
      internals.send(verdict.envelopeId).catch((error: unknown) => {
        log.debug({ err: error }, 'slack: acknowledging a malformed envelope failed');
      });
    }
  });
}
