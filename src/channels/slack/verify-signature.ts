import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack refuses to replay requests older than this; we refuse them, and ones from the future, too. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface SignedRequest {
  signingSecret: string;
  /** The X-Slack-Request-Timestamp header. */
  timestamp: string | undefined;
  /** The X-Slack-Signature header. */
  signature: string | undefined;
  rawBody: Buffer | string;
  /** Now, in milliseconds since the epoch. */
  now: number;
}

export type Verification = { ok: true } | { ok: false; reason: string };

export function signatureFor(signingSecret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

/** Checks a request's Slack signature (v0, HMAC-SHA256 of `v0:timestamp:body`) and its freshness. */
export function verifySlackSignature(req: SignedRequest): Verification {
  if (!req.timestamp) return { ok: false, reason: 'missing X-Slack-Request-Timestamp header' };
  if (!req.signature) return { ok: false, reason: 'missing X-Slack-Signature header' };
  if (!/^\d{1,12}$/.test(req.timestamp)) return { ok: false, reason: 'X-Slack-Request-Timestamp is not a Unix time in seconds' };
  const skew = Math.abs(req.now / 1000 - Number(req.timestamp));
  if (skew > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'X-Slack-Request-Timestamp is more than five minutes from now' };
  if (!/^v0=[0-9a-f]{64}$/.test(req.signature)) return { ok: false, reason: 'X-Slack-Signature is not a v0 signature' };
  const expected = Buffer.from(signatureFor(req.signingSecret, req.timestamp, req.rawBody));
  const given = Buffer.from(req.signature);
  // Both are "v0=" and 64 hex digits by now, so the lengths match as timingSafeEqual requires.
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'signature does not match' };
  return { ok: true };
}
