import { describe, expect, it } from 'vitest';
import { askerHash, maskPersonal } from '../../src/core/review/mask.js';

describe('maskPersonal', () => {
  it('masks email addresses', () => {
    expect(maskPersonal('write to jo.bloggs+grants@example.org.uk about 4.4')).toBe('write to [email] about 4.4');
    expect(maskPersonal('(a@b.co)')).toBe('([email])');
  });

  it('masks phone numbers in the usual layouts', () => {
    expect(maskPersonal('call 01442 228000 today')).toBe('call [phone] today');
    expect(maskPersonal('ring +44 (0)20 7946 0000.')).toBe('ring [phone].');
    expect(maskPersonal('07700-900-123 or 07700900123')).toBe('[phone] or [phone]');
  });

  it('leaves undertaking numbers, years, amounts and short numbers alone', () => {
    const text = 'is 4.4 of the 2016 compact about 3 months, £25,000 grants, or 12 weeks?';
    expect(maskPersonal(text)).toBe(text);
  });
});

describe('askerHash', () => {
  it('is stable for one person and salt, and differs by salt, channel and person', () => {
    const h = askerHash('salt-a', 'slack', 'U1');
    expect(h).toBe(askerHash('salt-a', 'slack', 'U1'));
    expect(h).not.toContain('U1');
    expect(
      new Set([h, askerHash('salt-b', 'slack', 'U1'), askerHash('salt-a', 'teams', 'U1'), askerHash('salt-a', 'slack', 'U2')]).size,
    ).toBe(4);
  });
});
