import { describe, expect, it } from 'vitest';
import { coreConfig } from '../../src/config.js';
import { breachFlow } from '../../src/core/flows/breach.js';
import { parseField } from '../../src/core/flows/fields.js';
import { signupFlow } from '../../src/core/flows/signup.js';
import type { FieldDef } from '../../src/core/flows/types.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';

const kb = loadKnowledge(coreConfig({}).KNOWLEDGE_DIR);
const now = new Date('2026-11-24T12:00:00Z');
const field = (flow: { fields: FieldDef[] }, id: string) => flow.fields.find((f) => f.id === id)!;
const parse = (f: FieldDef, raw: string, compact = 'hertfordshire') => parseField(f, raw, { kb, compact, now });

describe('form fields', () => {
  it('accepts compacts by name, alias or number and names the choices when wrong', () => {
    const f = field(signupFlow, 'compact');
    expect(parse(f, 'Herts')).toEqual({ ok: true, value: 'hertfordshire' });
    expect(parse(f, '2')).toMatchObject({ ok: true });
    const bad = parse(f, 'Narnia');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/I do not know a compact called "Narnia".*Hertfordshire/);
  });

  it('validates email, phone and registration numbers with specific messages', () => {
    expect(parse(field(signupFlow, 'email'), 'Sam@Example.org')).toEqual({ ok: true, value: 'sam@example.org' });
    expect(parse(field(signupFlow, 'email'), 'sam@')).toMatchObject({ ok: false, error: expect.stringMatching(/not an email address/) });
    expect(parse(field(signupFlow, 'phone'), '01234 567890')).toMatchObject({ ok: true });
    expect(parse(field(signupFlow, 'phone'), '+44 1234 567890')).toMatchObject({ ok: true });
    expect(parse(field(signupFlow, 'phone'), '12345')).toMatchObject({ ok: false, error: expect.stringMatching(/UK phone number/) });
    expect(parse(field(signupFlow, 'phone'), 'skip')).toEqual({ ok: true, value: undefined });
    const reg = field(signupFlow, 'registration');
    expect(parse(reg, '1123456-2')).toEqual({ ok: true, value: 'charity 1123456-2' });
    expect(parse(reg, 'sc123456')).toEqual({ ok: true, value: 'company SC123456' });
    expect(parse(reg, '123')).toMatchObject({ ok: false, error: expect.stringMatching(/neither a charity number/) });
  });

  it('reads dates in British forms and refuses impossible or future ones', () => {
    const f = field(breachFlow, 'when');
    expect(parse(f, '1/10/2026')).toEqual({ ok: true, value: '2026-10-01' });
    expect(parse(f, '3rd October 2026')).toEqual({ ok: true, value: '2026-10-03' });
    expect(parse(f, 'yesterday')).toEqual({ ok: true, value: '2026-11-23' });
    expect(parse(f, '30/02/2026')).toMatchObject({ ok: false, error: 'There is no such date as 30/02/2026.' });
    expect(parse(f, '2026-12-01')).toMatchObject({ ok: false, error: expect.stringMatching(/future/) });
    expect(parse(f, 'soon')).toMatchObject({ ok: false, error: expect.stringMatching(/31\/10\/2026/) });
  });

  it('limits free text and strips control characters', () => {
    const f = field(breachFlow, 'what');
    expect(parse(f, 'x'.repeat(2001))).toMatchObject({ ok: false, error: 'That is 2,001 characters; please keep it to 2,000.' });
    expect(parse(f, 'Late\u0000 notice\u200B')).toEqual({ ok: true, value: 'Late notice' });
  });

  it('checks undertaking numbers against the chosen compact', () => {
    const f = field(breachFlow, 'undertakings');
    expect(parse(f, '4.4, 4.1')).toEqual({ ok: true, value: ['4.4', '4.1'] });
    expect(parse(f, 'not sure')).toEqual({ ok: true, value: ['not-sure'] });
    expect(parse(f, '9.9')).toMatchObject({ ok: false, error: expect.stringMatching(/Hertfordshire Compact has no undertaking 9\.9/) });
  });

  it('requires agreement to sign up', () => {
    const f = field(signupFlow, 'agree');
    expect(parse(f, 'yes')).toEqual({ ok: true, value: true });
    expect(parse(f, 'no')).toMatchObject({ ok: false, error: expect.stringMatching(/only record a sign-up with agreement/) });
  });
});
