import { describe, expect, it } from 'vitest';
import { signatureFor, verifySlackSignature } from '../../../src/channels/slack/verify-signature.js';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fweather&text=94070';
const now = 1_531_420_618_000;
const timestamp = '1531420618';

const request = (over: Partial<Parameters<typeof verifySlackSignature>[0]> = {}) => ({
  signingSecret: secret,
  timestamp,
  signature: signatureFor(secret, timestamp, body),
  rawBody: body,
  now,
  ...over,
});

describe('verifySlackSignature', () => {
  it('accepts a request signed with the secret (v0, HMAC-SHA256 of v0:timestamp:body)', () => {
    expect(signatureFor(secret, timestamp, body)).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(verifySlackSignature(request())).toEqual({ ok: true });
    expect(verifySlackSignature(request({ rawBody: Buffer.from(body) }))).toEqual({ ok: true });
  });

  it('refuses another secret, a changed body or a changed timestamp', () => {
    expect(verifySlackSignature(request({ signature: signatureFor('other', timestamp, body) }))).toEqual({
      ok: false,
      reason: 'signature does not match',
    });
    expect(verifySlackSignature(request({ rawBody: `${body}0` }))).toEqual({ ok: false, reason: 'signature does not match' });
    expect(verifySlackSignature(request({ timestamp: '1531420619' })).ok).toBe(false);
  });

  it('refuses timestamps more than five minutes off in either direction, with the clock injected', () => {
    expect(verifySlackSignature(request({ now: now + 300_000 })).ok).toBe(true);
    expect(verifySlackSignature(request({ now: now - 300_000 })).ok).toBe(true);
    for (const off of [301_000, -301_000]) {
      expect(verifySlackSignature(request({ now: now + off }))).toEqual({
        ok: false,
        reason: 'X-Slack-Request-Timestamp is more than five minutes from now',
      });
    }
  });

  it('says what is wrong with missing or malformed headers', () => {
    expect(verifySlackSignature(request({ timestamp: undefined }))).toEqual({
      ok: false,
      reason: 'missing X-Slack-Request-Timestamp header',
    });
    expect(verifySlackSignature(request({ signature: undefined }))).toEqual({ ok: false, reason: 'missing X-Slack-Signature header' });
    expect(verifySlackSignature(request({ timestamp: 'yesterday' })).ok).toBe(false);
    // Wrong lengths and versions are refused before the constant-time comparison, which needs equal lengths.
    for (const signature of ['v0=abc', `v1=${'a'.repeat(64)}`, `${signatureFor(secret, timestamp, body)}00`, `v0=${'G'.repeat(64)}`]) {
      expect(verifySlackSignature(request({ signature }))).toEqual({ ok: false, reason: 'X-Slack-Signature is not a v0 signature' });
    }
  });
});
