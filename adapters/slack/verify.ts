/**
 * Slack request signing, checked before anything else runs. Pure: the clock reading is passed in.
 * https://api.slack.com/authentication/verifying-requests-from-slack
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's own window; we apply it in both directions (Bolt only refuses the past). */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  rawBody: string | Buffer;
}

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function signSlackRequest(
  signingSecret: string,
  timestamp: string | number,
  rawBody: string | Buffer,
): string {
  const hmac = createHmac('sha256', signingSecret);
  // The raw bytes, not a decoded string: Slack signs exactly what it sent.
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

export function verifySlackSignature(signingSecret: string, request: SignedRequest, now: Date): VerifyResult {
  const { signature, timestamp } = request;
  if (!signature || !timestamp) return { ok: false, reason: 'missing signature headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed timestamp' };
  const skew = Math.floor(now.getTime() / 1000) - Number(timestamp);
  if (skew > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'stale timestamp' };
  if (skew < -MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'timestamp in the future' };
  const expected = Buffer.from(signSlackRequest(signingSecret, timestamp, request.rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'signature mismatch' };
  }
  return { ok: true };
}
