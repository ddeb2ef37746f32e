import { describe, expect, it } from 'vitest';
import { admit, MAX_IN_FLIGHT, MAX_WAIT_MS } from '../../../src/channels/slack/admission.js';

describe('taking on Slack requests under load', () => {
  const now = 1_000_000;

  it('takes requests while the oldest in hand has waited no longer than the limit', () => {
    expect(admit(0, undefined, now)).toEqual({ ok: true });
    expect(admit(100, now - MAX_WAIT_MS, now)).toEqual({ ok: true });
  });

  it('refuses once the oldest request in hand has waited too long, saying how long', () => {
    expect(admit(3, now - MAX_WAIT_MS - 1, now)).toEqual({ ok: false, inFlight: 3, oldestWaitMs: MAX_WAIT_MS + 1 });
  });

  it('refuses beyond the ceiling on requests in hand however fresh they are', () => {
    expect(admit(MAX_IN_FLIGHT - 1, now, now).ok).toBe(true);
    expect(admit(MAX_IN_FLIGHT, now, now)).toEqual({ ok: false, inFlight: MAX_IN_FLIGHT, oldestWaitMs: 0 });
  });
});
