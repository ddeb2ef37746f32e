import { describe, expect, it } from 'vitest';
import { coreConfig } from '../../src/config.js';
import { AnswerEngine } from '../../src/core/answers/engine.js';
import { renderText } from '../../src/core/answers/render-text.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { foldForComparison } from '../../src/core/knowledge/verbatim.js';
import { loadQuestions } from '../../bench/lib/questions.js';

const kb = loadKnowledge(coreConfig({}).KNOWLEDGE_DIR);
const engine = new AnswerEngine(kb);
const ask = (q: string) => engine.answer(q).reply;

describe('answer engine', () => {
  it('answers the notice question with Hertfordshire 4.4 quoted and cited', () => {
    const r = ask('what notice is required before our funding is cut?');
    expect(r.intent).toBe('answer');
    expect(r.hits[0]).toMatchObject({ compact: 'hertfordshire', id: '4.4', citation: { compactName: 'Hertfordshire Compact', by: 'statutory' } });
    expect(renderText(r)).toMatch(/three months' notice in writing[\s\S]*Hertfordshire Compact 4\.4 · given by statutory organisations/);
  });

  it('shows one item by compact and id, as a follow-up button sends it', () => {
    const r = ask('dacorum statutory-funding-3');
    expect(r.hits).toHaveLength(1);
    expect(r.hits[0]).toMatchObject({ compact: 'dacorum', id: 'statutory-funding-3' });
    expect(ask('dacorum no-such-item').hits.every((h) => h.id !== 'no-such-item')).toBe(true);
  });

  it('offers the overview and another compact when a named compact says nothing on the topic', () => {
    const r = ask('what does the Herefordshire compact say about campaigning');
    expect(renderText(r)).toMatch(/nothing specific on that in the Herefordshire/);
    expect(r.actions?.[0]?.value).toMatch(/^(hertfordshire|dacorum|halton) /);
  });

  it('keeps to a compact named in the question', () => {
    const r = ask('how long do we get to respond to a consultation in Dacorum?');
    expect(r.hits[0]?.compact).toBe('dacorum');
    expect(r.hits[0]?.text).toContain('eight weeks');
  });

  it('puts the compacts side by side when asked to compare', () => {
    const r = ask('compare the consultation periods');
    expect(r.intent).toBe('compare');
    const compacts = new Set(r.hits.map((h) => h.compact));
    expect(compacts.has('hertfordshire') && compacts.has('dacorum')).toBe(true);
    expect(renderText(r)).toMatch(/12-week[\s\S]*eight weeks|eight weeks[\s\S]*12-week/);
  });

  it('explains acronyms and glossary terms, typos and all', () => {
    const lsp = ask('whats an LSP');
    expect(lsp.intent).toBe('define');
    expect(renderText(lsp)).toContain('Local Strategic Partnership');
    const typo = ask('defintion of consultaton');
    expect(typo.intent).toBe('define');
    expect(typo.hits.some((h) => h.kind === 'term' && /consultation/i.test(h.title))).toBe(true);
  });

  it('abstains plainly on questions outside the compacts, with no passage', () => {
    for (const q of ["what's the weather tomorrow", 'reset my password', 'asdkjh qwpeoi', 'who won the football last night']) {
      const r = ask(q);
      expect(r.intent, q).toBe('unknown');
      expect(r.hits, q).toEqual([]);
      expect(renderText(r)).toMatch(/outside what I know/);
    }
  });

  it('tells a personal matter from the same words about an organisation', () => {
    expect(ask('how much notice does my landlord have to give').intent).toBe('unknown');
    const grant = ask('my grant is being cut, how much notice should I get');
    expect(grant.intent).toBe('answer');
    expect(grant.hits[0]?.id).toBe('4.4');
  });

  it('tells requests to sign up or report a breach from questions', () => {
    expect(engine.answer('I want to report a breach').start).toEqual({ flow: 'breach', compact: undefined });
    expect(engine.answer('sign up our charity to the halton compact').start).toEqual({ flow: 'signup', compact: 'halton' });
    const how = engine.answer('how do I raise a dispute under the Halton compact?');
    expect(how.reply.intent).toBe('breach');
    expect(how.start).toBeUndefined();
    expect(renderText(how.reply)).toMatch(/mediation or arbitration/);
  });

  it('never shows a quote that is not the source’s own words', () => {
    const questions = loadQuestions('bench/questions.jsonl');
    const sources = new Map(kb.compacts.map((c) => [c.meta.id, [...c.texts.values()].map(foldForComparison).join('\n')]));
    let quotes = 0;
    for (const q of questions) {
      for (const b of ask(q.q).blocks) {
        if (b.type !== 'quote') continue;
        quotes++;
        for (const part of b.hit.text.split('\n\n')) expect(sources.get(b.hit.compact)).toContain(foldForComparison(part));
      }
    }
    expect(quotes).toBeGreaterThan(questions.length / 2);
  });
});
