import { SocketModeClient } from '@slack/socket-mode';
import { describe, expect, it } from 'vitest';
import { classifyEnvelope } from '../../adapters/slack/socket-guard.ts';

const COMMAND = '/skills';
const envelope = (fields: Record<string, unknown>) => JSON.stringify({ envelope_id: 'e1', ...fields });
const command = { command: COMMAND, user_id: 'U1', channel_id: 'C1', team_id: 'T1', text: 'done' };

describe('classifyEnvelope', () => {
  it('forwards connection messages and well-formed envelopes', () => {
    expect(classifyEnvelope(JSON.stringify({ type: 'hello' }), COMMAND)).toEqual({ forward: true });
    expect(classifyEnvelope(envelope({ type: 'slash_commands', payload: command }), COMMAND)).toEqual({
      forward: true,
    });
    const event = { type: 'event_callback', event: { type: 'app_mention', text: 'hi' } };
    expect(classifyEnvelope(envelope({ type: 'events_api', payload: event }), COMMAND).forward).toBe(true);
  });

  it.each([
    ['a null payload', { type: 'events_api', payload: null }],
    ['an event that is a string', { type: 'events_api', payload: { type: 'event_callback', event: 'x' } }],
    [
      'block actions without actions',
      { type: 'interactive', payload: { type: 'block_actions', user: { id: 'U' } } },
    ],
    ["another app's command", { type: 'slash_commands', payload: { ...command, command: '/other' } }],
  ])('drops %s and names its envelope so it can be acknowledged', (_name, fields) => {
    const verdict = classifyEnvelope(envelope(fields), COMMAND);
    expect(verdict).toMatchObject({ forward: false, envelopeId: 'e1' });
  });

  it('drops text that is not an envelope at all', () => {
    expect(classifyEnvelope('%%%', COMMAND).forward).toBe(false);
    expect(classifyEnvelope('null', COMMAND).forward).toBe(false);
    const noId = classifyEnvelope(JSON.stringify({ type: 'events_api', payload: {} }), COMMAND);
    expect(noId.forward).toBe(false);
    expect(noId).not.toHaveProperty('envelopeId');
  });

  it('relies on client methods the installed @slack/socket-mode still has', () => {
    const client = new SocketModeClient({ appToken: 'xapp-test' });
    const internals = client as unknown as Record<string, unknown>;
    expect(typeof internals.onWebSocketMessage).toBe('function');
    expect(typeof internals.send).toBe('function');
    expect(client.listenerCount('ws_message')).toBe(1);
  });
});
