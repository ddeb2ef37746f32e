import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askerHash } from '../../src/core/review/mask.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { tempDataDir } from '../helpers/cli.js';

let app: Runtime;
beforeAll(async () => {
  app = await createRuntime({ DATA_DIR: tempDataDir() });
});
afterAll(async () => app.store.close());

const who = (conversationId: string, userId = 'U123SECRET') => ({ conversationId, userId, channel: 'terminal' });
const SUGGESTED = 'the borough is pulling our rent-free hall from april, what warning are we owed?';

describe('questions kept for review', () => {
  it('keeps a declined question masked, with the channel kind, the reply, the candidates and a salted asker hash only', async () => {
    const reply = await app.bot.handle({
      ...who('c1'),
      text: 'rent free hall withdrawn by borough, mail me at jo@example.org or ring 01442 228000',
    });
    expect(reply.intent).toBe('unknown');
    const [kept, ...more] = await app.review.listQuestions('pending');
    expect(more).toEqual([]);
    expect(kept).toMatchObject({
      question: 'rent free hall withdrawn by borough, mail me at [email] or ring [phone]',
      channel: 'terminal',
      reason: 'declined',
    });
    expect(kept!.candidates).toHaveLength(3);
    expect(JSON.stringify(kept)).not.toContain('U123SECRET');
    expect(kept!.asker).toBe(askerHash((await app.store.getSetting('review.salt'))!, 'terminal', 'U123SECRET'));
  });

  it('keeps a "did you mean" question and the button then pressed', async () => {
    const reply = await app.bot.handle({ ...who('c2'), text: SUGGESTED });
    expect(reply.actions.length).toBeGreaterThan(0);
    const kept = (await app.review.listQuestions('pending')).find((q) => q.question === SUGGESTED)!;
    expect(kept.reason).toBe('suggested');
    expect(kept.reply.keys).toEqual(reply.actions.map((a) => a.value));
    const chosen = await app.bot.handle({ ...who('c2'), text: reply.actions[0]!.value });
    expect(chosen.intent).toBe('answer');
    expect((await app.review.getQuestion(kept.id))?.pressed).toEqual([chosen.hits[0]!.key]);
  });

  it('keeps a question given 👎 with the passages it was answered with, and counts one asker once', async () => {
    const q = 'my grant is being cut, how much notice should I get';
    const reply = await app.bot.handle({ ...who('c3'), text: q });
    expect(reply.intent).toBe('answer');
    expect(await app.review.listQuestions('pending')).not.toContainEqual(expect.objectContaining({ question: q }));
    await app.bot.feedback(who('c3'), q, reply.feedback!.keys, false);
    await app.bot.feedback(who('c3', 'U999'), q, reply.feedback!.keys, true);
    const kept = (await app.review.listQuestions('pending')).filter((k) => k.question === q);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ reason: 'disliked', reply: { intent: 'answer', keys: reply.feedback!.keys } });
    const askers = new Set((await app.review.listQuestions()).map((k) => k.asker));
    expect(askers.size).toBe(1);
  });

  it('takes in examples accepted elsewhere on the next refresh', async () => {
    const q = 'rent free hall withdrawn by borough with six weeks warning';
    await app.bot.handle({ ...who('c4'), text: q });
    const kept = (await app.review.listQuestions('pending')).find((k) => k.question === q)!;
    await app.review.decide(kept.id, { status: 'example', label: 'hertfordshire:undertaking:4.4', by: 'test', at: new Date() });
    expect(await app.live.refresh()).toBe(1);
    expect(await app.live.refresh()).toBe(0);
    const again = await app.bot.handle({ ...who('c4'), text: q });
    expect(again.hits[0]?.key).toBe('hertfordshire:undertaking:4.4');
  });
});
