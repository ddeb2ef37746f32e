import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/core/answers/compose-browse.js';
import { renderText } from '../../src/core/answers/render-text.js';
import type { Reply } from '../../src/core/answers/reply.js';
import { DATE_QUESTION, engine, kb, NOTICE_QUESTION, NOW } from '../helpers/worked-replies.js';

const ask = (q: string, now = NOW) => engine.answer(q, { now }).reply;
const texts = (r: Reply) => r.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : []));
const firstQuote = (r: Reply) => r.blocks.find((b) => b.type === 'quote');

describe('dates worked out from the periods the compacts set', () => {
  it('counts three months back from the end of a grant, shows how, as ours, then the quote and its exception', () => {
    const r = ask(DATE_QUESTION);
    const text = renderText(r);
    expect(r.blocks[0]).toEqual({ type: 'text', text: expect.stringMatching(/our arithmetic, not the compact’s words/) });
    expect(texts(r)[1]).toBe(
      'If the funding or support changes or ends on 31 March 2027, notice in writing is due by Thursday 31 December 2026: ' +
        '31 March 2027 less three months.',
    );
    expect(firstQuote(r)).toMatchObject({ hit: { compact: 'hertfordshire', id: '4.4' } });
    expect(text).toMatch(/in the compact’s words: “apart from in exceptional circumstances”/);
    expect(text.indexOf('31 December 2026')).toBeLessThan(text.indexOf('Give a minimum of three months'));
  });

  it('counts a consultation forward from the day it opens, taking a date without a year as the next one', () => {
    const r = ask('the consultation opened on 2 March, when can it close?');
    const [, sum, assumed] = texts(r);
    const worked = /on 2 March 2027, an? (12|eight)-week consultation runs until Tuesday (25 May|27 April) 2027: 2 March 2027 plus/;
    expect(sum).toMatch(worked);
    expect(assumed).toMatch(/“2 March”: no year given, so the next 2 March/);
    expect(firstQuote(r)).toMatchObject({ hit: { text: expect.stringMatching(/12-week|eight weeks/) } });
  });

  it('measures two dates against the period: notice given on 1 March for an end on 31 March is too short', () => {
    const r = ask('we were told on 1 March 2027 that our funding ends on 31 March 2027, how much notice should we have had?');
    expect(texts(r)).toContain('From 1 March 2027 to 31 March 2027 is 30 days: less than three months.');
    expect(renderText(r)).toContain('notice in writing is due by Thursday 31 December 2026');
  });

  it('reads "next Friday" from the clock it is given, and says how it read it', () => {
    const r = ask('our funding stops next Friday, when should we have had notice in writing?');
    expect(renderText(r)).toContain('changes or ends on 4 December 2026, notice in writing is due by Friday 4 September 2026');
    expect(renderText(r)).toContain('“next Friday”: "next Friday" as Friday 4 December 2026');
    const january = new Date('2027-01-05T12:00:00Z');
    const later = engine.answer('our funding stops next Friday, when should we have had notice in writing?', { now: january }).reply;
    expect(renderText(later)).toContain('ends on 8 January 2027');
  });

  it('asks back when it cannot tell the day, and still gives the passage', () => {
    const r = ask('the council emailed on friday, our grant ends in March, when should we have been told in writing?');
    expect(texts(r)[0]).toContain('I could not tell which day you mean by "friday": the last Friday or the next one?;');
    expect(texts(r)[0]).toContain('"in March": which day in March?');
    expect(texts(r)[0]).toMatch(/Ask again with the day, month and year/);
    expect(firstQuote(r)).toMatchObject({ hit: { id: '4.4' } });
  });

  it('works out nothing for a question without a date, or an answer that sets no period', () => {
    expect(texts(ask(NOTICE_QUESTION)).join(' ')).not.toMatch(/arithmetic/);
    expect(texts(ask('can we campaign against the council on 3 March 2027?')).join(' ')).not.toMatch(/arithmetic/);
  });
});

describe('browsing', () => {
  it('lists the Hertfordshire undertakings with their numbers, a page at a time, each opening the full entry', () => {
    const r = ask('list the Hertfordshire undertakings');
    expect(r.intent).toBe('list');
    const fields = r.blocks.find((b) => b.type === 'fields');
    expect(fields?.type === 'fields' && fields.items.slice(0, 2)).toEqual([
      { label: '1.1', value: kb.entries.find((e) => e.key === 'hertfordshire:undertaking:1.1')!.title },
      { label: '1.2', value: kb.entries.find((e) => e.key === 'hertfordshire:undertaking:1.2')!.title },
    ]);
    const ids = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10'];
    expect(r.actions.slice(0, PAGE_SIZE).map((a) => a.value)).toEqual(ids.map((n) => `hertfordshire ${n}`));
    expect(r.actions.map((a) => a.label)).not.toContain('◀ Previous');
    const open = ask(r.actions[3]!.value);
    expect(open.hits[0]).toMatchObject({ compact: 'hertfordshire', id: '1.4' });
  });

  it('turns pages with exact commands, and the last page has no Next', () => {
    let r = ask('list the Hertfordshire undertakings');
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      seen.push(...r.actions.filter((a) => /^hertfordshire /.test(a.value)).map((a) => a.value));
      const next = r.actions.find((a) => a.label === 'Next ▶');
      if (!next) break;
      expect(next.value).toBe(`list hertfordshire undertakings page ${page + 1}`);
      r = ask(next.value);
      expect(r.actions.find((a) => a.label === '◀ Previous')?.value).toBe(`list hertfordshire undertakings page ${page}`);
    }
    const all = kb.entries.filter((e) => e.compact === 'hertfordshire' && e.kind === 'undertaking');
    expect(seen).toEqual(all.map((e) => `hertfordshire ${e.id}`));
    const lastPage = `${all.length - ((all.length - 1) % PAGE_SIZE)}–${all.length} of ${all.length}`;
    expect(renderText(ask('list hertfordshire undertakings page 99'))).toContain(lastPage);
  });

  it('shows the glossary in alphabetical order, and narrows a list to a topic', () => {
    const glossary = ask('show me the glossary');
    const names = glossary.actions.filter((a) => !/Next|Previous/.test(a.label)).map((a) => a.label);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    const funding = ask('list the funding commitments in herts');
    const fields = funding.blocks.find((b) => b.type === 'fields');
    expect(fields?.type === 'fields' && fields.items.length).toBeGreaterThan(0);
    const labels = fields?.type === 'fields' ? fields.items.map((i) => i.label) : [];
    expect(labels).toEqual(expect.arrayContaining(['3.3', '3.4', '3.8']));
    expect(labels).not.toContain('2.1');
    expect(labels.length).toBeLessThan(kb.entries.filter((e) => e.compact === 'hertfordshire' && e.kind === 'undertaking').length);
  });
});

describe('follow-ups', () => {
  it('answers "What about Dacorum?" after the notice question with Dacorum’s passage first', () => {
    const first = engine.answer(NOTICE_QUESTION, { now: NOW });
    const follow = engine.answer('What about Dacorum?', { ...first.context, now: NOW }).reply;
    expect(follow.hits[0]).toMatchObject({ compact: 'dacorum', id: 'statutory-funding-3' });
    expect(firstQuote(follow)).toMatchObject({ hit: { compact: 'dacorum' } });
    expect(first.context).not.toHaveProperty('now');
  });

  it('works a date out again for the compact a follow-up names', () => {
    const first = engine.answer('the consultation opened on 2 March 2027, when can it close?', { now: NOW });
    expect(first.reply.hits[0]?.compact).toBe('dacorum');
    const follow = engine.answer('and in Hertfordshire?', { ...first.context, now: NOW }).reply;
    expect(follow.hits[0]).toMatchObject({ compact: 'hertfordshire', id: '2.4' });
    expect(renderText(follow)).toContain('a 12-week consultation runs until Tuesday 25 May 2027: 2 March 2027 plus 12 weeks.');
  });
});
