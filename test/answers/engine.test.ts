import { describe, expect, it } from 'vitest';
import { loadQuestions } from '../../bench/lib/questions.js';
import { coreConfig } from '../../src/config.js';
import { AnswerEngine } from '../../src/core/answers/engine.js';
import { renderText } from '../../src/core/answers/render-text.js';
import { trainingDigest } from '../../src/core/answers/train.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { foldForComparison } from '../../src/core/knowledge/verbatim.js';

const kb = loadKnowledge(coreConfig({}).KNOWLEDGE_DIR);
const engine = new AnswerEngine(kb);
const ask = (q: string) => engine.answer(q).reply;
const NOTICE = ['hertfordshire:4.4', 'dacorum:statutory-funding-3'];
const key = (h: { compact: string; id: string } | undefined) => (h ? `${h.compact}:${h.id}` : '');

describe('answer engine', () => {
  it('was trained on the examples it ships with (run `npm run train` after changing them)', () => {
    expect(engine.model.trainedOn).toBe(trainingDigest(kb));
    expect(engine.stale).toBe(false);
  });

  it('answers the notice question with a notice commitment, quoted and cited', () => {
    const r = ask('my grant is being cut, how much notice should I get');
    expect(r.intent).toBe('answer');
    expect(NOTICE).toContain(key(r.hits[0]));
    expect(renderText(r)).toMatch(/three months/);
    expect(renderText(r)).toMatch(/(Hertfordshire Compact 4\.4|Dacorum Compact) · given by statutory organisations/);
  });

  it('shows one item by compact and id, as a follow-up button sends it', () => {
    const r = ask('dacorum statutory-funding-3');
    expect(r.hits).toHaveLength(1);
    expect(key(r.hits[0])).toBe('dacorum:statutory-funding-3');
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
  });

  it('explains acronyms with the entries their expansion links to', () => {
    const lsp = ask('whats an LSP');
    expect(lsp.intent).toBe('define');
    expect(renderText(lsp)).toContain('Local Strategic Partnership');
    expect(lsp.hits.length).toBeGreaterThan(1);
  });

  it('declines plainly, with no passage, what the compacts do not cover though it shares their words', () => {
    for (const q of [
      "what's the weather tomorrow",
      'reset my password',
      'asdkjh qwpeoi',
      'how much notice does my landlord have to give',
      'register a birth in hertford',
    ]) {
      const r = ask(q);
      expect(r.intent, q).toBe('unknown');
      expect(r.hits, q).toEqual([]);
      expect(renderText(r), q).toMatch(/outside what I know|not sure which/);
    }
  });

  it('starts a form for the form buttons, and offers it beside a sign-up or dispute route', () => {
    expect(engine.answer('report a breach').start).toEqual({ flow: 'breach', compact: undefined });
    expect(engine.answer('sign up', { defaultCompact: 'halton' }).start).toEqual({ flow: 'signup', compact: 'halton' });
    const r = engine.answer('I want to report a breach of the compact');
    expect(r.start?.flow ?? r.reply.actions.find((a) => a.value === 'report a breach')?.value).toBeTruthy();
  });

  it('sets and clears a default compact with "use"', () => {
    const set = engine.answer('use Dacorum');
    expect(set.context.defaultCompact).toBe('dacorum');
    expect(engine.answer('use all compacts', set.context).context.defaultCompact).toBeUndefined();
    const within = engine.answer('can we campaign against the council?', set.context).reply;
    expect(within.hits.every((h) => h.compact === 'dacorum')).toBe(true);
  });

  it('reads "and in Dacorum?" as the last question asked of Dacorum', () => {
    const first = engine.answer('how long should a consultation last?');
    const follow = engine.answer('and in Dacorum?', first.context).reply;
    expect(follow.hits[0]?.compact).toBe('dacorum');
    expect(follow.hits[0]?.text).toContain('eight weeks');
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
