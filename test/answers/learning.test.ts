import { describe, expect, it } from 'vitest';
import { coreConfig } from '../../src/config.js';
import { AnswerEngine } from '../../src/core/answers/engine.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';

const kb = loadKnowledge(coreConfig({}).KNOWLEDGE_DIR);
const NOTICE = 'hertfordshire:undertaking:4.4';
const DECLINED = 'rent free hall withdrawn by borough with six weeks warning';
const OUT = 'can the parish clerk sack our volunteers';

describe('examples accepted in review', () => {
  it('a declined question is kept for review with the three likeliest items', () => {
    const r = new AnswerEngine(kb).answer(DECLINED);
    expect(r.reply.intent).toBe('unknown');
    expect(r.review?.reason).toBe('declined');
    expect(r.review?.candidates).toHaveLength(3);
  });

  it('answer that question and its near-copies with the accepted item, without retraining, and leave others alone', () => {
    const engine = new AnswerEngine(kb);
    const others = ['my grant is being cut, how much notice should I get', 'what does LSP stand for', OUT];
    const outcome = (q: string) => {
      const r = engine.answer(q).reply;
      return [r.intent, r.hits.map((h) => h.key)];
    };
    const before = others.map(outcome);
    expect(engine.learn(NOTICE, DECLINED)).toBe(true);
    for (const q of [DECLINED, 'Rent-free hall withdrawn by the borough with six weeks warning!']) {
      const r = engine.answer(q);
      expect(r.reply.intent).toBe('answer');
      expect(r.reply.hits[0]?.key).toBe(NOTICE);
      expect(r.review).toBeUndefined();
    }
    expect(others.map(outcome)).toEqual(before);
  });

  it('an example accepted as out of scope is declined without going back to review', () => {
    const engine = new AnswerEngine(kb);
    engine.learn('none', OUT);
    const r = engine.answer(OUT);
    expect(r.reply.intent).toBe('unknown');
    expect(r.review).toBeUndefined();
  });

  it('refuses an example of an item the knowledge base does not have', () => {
    expect(new AnswerEngine(kb).learn('hertfordshire:undertaking:99.9', DECLINED)).toBe(false);
  });

  it('names the item a button chose', () => {
    expect(new AnswerEngine(kb).answer('hertfordshire 4.4').chosen).toBe(NOTICE);
  });
});
