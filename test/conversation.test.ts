import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../src/core/answers/render-text.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { BREACH_STEPS, referenceIn } from './helpers/breach-steps.js';
import { tempDataDir } from './helpers/cli.js';

let app: Runtime;
beforeAll(async () => {
  app = await createRuntime({ DATA_DIR: tempDataDir() });
});
afterAll(async () => app.store.close());

const who = (conversationId: string) => ({ conversationId, userId: 'u1', channel: 'test' });

describe('conversation context', () => {
  it('reuses the topic of the last question for "and in Dacorum?"', async () => {
    const first = await app.bot.handle({ ...who('c1'), text: 'how long should a consultation last?' });
    expect(first.intent).toBe('answer');
    const follow = await app.bot.handle({ ...who('c1'), text: 'what about Hertfordshire?' });
    expect(follow.intent).toBe('answer');
    expect(follow.hits[0]?.compact).toBe('hertfordshire');
    expect(follow.hits[0]?.text).toContain('12-week');
  });

  it('keeps a default compact until another is named', async () => {
    await app.bot.handle({ ...who('c2'), text: 'use Dacorum' });
    const inDefault = await app.bot.handle({ ...who('c2'), text: 'can we campaign against the council?' });
    expect(inDefault.hits.every((h) => h.compact === 'dacorum')).toBe(true);
    const named = await app.bot.handle({ ...who('c2'), text: 'notice before funding ends in hertfordshire' });
    expect(named.hits[0]?.compact).toBe('hertfordshire');
    await app.bot.handle({ ...who('c2'), text: 'use all compacts' });
    const all = await app.bot.handle({ ...who('c2'), text: 'what notice is required before our funding is cut?' });
    expect(new Set(all.hits.map((h) => h.compact))).toEqual(new Set(['hertfordshire', 'dacorum']));
  });

  it('keeps conversations apart', async () => {
    await app.bot.handle({ ...who('c3'), text: 'report a breach' });
    const other = await app.bot.handle({ ...who('c4'), text: 'what is an LSP?' });
    expect(other.intent).toBe('define');
    const back = await app.bot.handle({ ...who('c3'), text: 'halton' });
    expect(renderText(back)).toMatch(/Which organisation are you reporting from/);
  });

  it('keeps each person’s form to themselves in a shared conversation: another user cannot edit or submit it', async () => {
    const alice = { conversationId: 'thread-1', userId: 'alice', channel: 'test' };
    const bob = { conversationId: 'thread-1', userId: 'bob', channel: 'test' };
    for (const step of BREACH_STEPS.slice(0, -1)) {
      expect(renderText(await app.bot.handle({ ...alice, text: step.text }))).toMatch(step.reply);
    }
    const edit = await app.bot.handle({ ...bob, text: 'edit email' });
    expect(edit.flow).toBeUndefined();
    await app.bot.handle({ ...bob, text: 'bob@example.org' });
    const submit = await app.bot.handle({ ...bob, text: 'submit' });
    expect(submit.submission).toBeUndefined();
    const own = await app.bot.handle({ ...alice, text: 'submit' });
    const ref = referenceIn(renderText(own));
    const stored = await app.store.getSubmission(ref);
    expect(stored).toMatchObject({ userId: 'alice', data: { reporterEmail: 'sam@example.org', reporterName: 'Sam Reporter' } });
    expect((await app.store.listSubmissions({ userId: 'bob' })).length).toBe(0);
  });

  it('expires an abandoned flow after the configured time', async () => {
    let now = new Date('2026-11-24T09:00:00Z');
    const { Conversations } = await import('../src/core/conversation.js');
    const bot = new Conversations({ kb: app.kb, engine: app.engine, store: app.store, clock: () => now, ttlMs: 60_000 });
    await bot.handle({ ...who('c5'), text: 'I want to sign up' });
    now = new Date(now.getTime() + 61_000);
    const later = await bot.handle({ ...who('c5'), text: 'dacorum' });
    expect(later.flow).toBeUndefined();
  });

  it('answers a form submission with errors by field, or stores it', async () => {
    const bad = await app.bot.submitForm(who('c6'), 'signup', {
      compact: 'halton',
      organisation: 'A',
      sector: 'vcs',
      contactName: 'Sam',
      contactRole: 'Chair',
      email: 'nope',
      agree: 'yes',
    });
    expect('errors' in bad && bad.errors).toEqual({
      organisation: 'Please write organisation name in words.',
      email: expect.stringMatching(/not an email address/),
    });
    const ok = await app.bot.submitForm(who('c6'), 'signup', {
      compact: 'halton',
      organisation: 'Widnes Food Bank',
      sector: 'vcs',
      contactName: 'Sam',
      contactRole: 'Chair',
      email: 'sam@example.org',
      agree: 'yes',
    });
    expect('reply' in ok && ok.reply.submission?.ref).toMatch(/^SU-\d{4}-\d{4}$/);
  });
});
