import { describe, expect, it } from 'vitest';
import { signSlackRequest, verifySlackSignature } from '../../adapters/slack/verify.ts';

// Slack's published example: https://api.slack.com/authentication/verifying-requests-from-slack
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = '1531420618';
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const AT_THE_TIME = new Date(Number(TIMESTAMP) * 1000 + 30_000);

describe('Slack request signatures', () => {
  it("verifies Slack's published example", () => {
    expect(signSlackRequest(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
    const result = verifySlackSignature(
      SECRET,
      { signature: SIGNATURE, timestamp: TIMESTAMP, rawBody: Buffer.from(BODY) },
      AT_THE_TIME,
    );
    expect(result).toEqual({ ok: true });
  });

  it.each([
    ['a changed body', { rawBody: `${BODY}&x=1` }, AT_THE_TIME, 'signature mismatch'],
    [
      'another secret',
      { signature: signSlackRequest('other', TIMESTAMP, BODY) },
      AT_THE_TIME,
      'signature mismatch',
    ],
    ['no signature', { signature: undefined }, AT_THE_TIME, 'missing signature headers'],
    ['no timestamp', { timestamp: undefined }, AT_THE_TIME, 'missing signature headers'],
    ['a malformed timestamp', { timestamp: '15314e5' }, AT_THE_TIME, 'malformed timestamp'],
    ['a stale timestamp', {}, new Date(Number(TIMESTAMP) * 1000 + 301_000), 'stale timestamp'],
    ['a future timestamp', {}, new Date(Number(TIMESTAMP) * 1000 - 301_000), 'timestamp in the future'],
  ])('refuses %s', (_name, change, now, reason) => {
    const request = { signature: SIGNATURE, timestamp: TIMESTAMP, rawBody: BODY, ...change };
    expect(verifySlackSignature(SECRET, request, now)).toEqual({ ok: false, reason });
  });

  it('accepts the edges of the five-minute window', () => {
    const request = { signature: SIGNATURE, timestamp: TIMESTAMP, rawBody: BODY };
    const at = (seconds: number) => new Date((Number(TIMESTAMP) + seconds) * 1000);
    expect(verifySlackSignature(SECRET, request, at(300)).ok).toBe(true);
    expect(verifySlackSignature(SECRET, request, at(-300)).ok).toBe(true);
  });
});
