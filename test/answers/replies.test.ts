import { describe, expect, it } from 'vitest';
import { loadQuestions } from '../../bench/lib/questions.js';
import { renderReply } from '../../src/channels/slack/block-kit.js';
import { replyCard } from '../../src/channels/teams/reply-card.js';
import { coreConfig } from '../../src/config.js';
import { routeReply } from '../../src/core/answers/compose.js';
import { AnswerEngine } from '../../src/core/answers/engine.js';
import { LEEWAY, VISIBLE_CHARS, visibleLength } from '../../src/core/answers/fit.js';
import { renderText } from '../../src/core/answers/render-text.js';
import type { Block, Reply } from '../../src/core/answers/reply.js';
import { pickSpan, spanQuestion } from '../../src/core/answers/span.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';

const kb = loadKnowledge(coreConfig({}).KNOWLEDGE_DIR);
const engine = new AnswerEngine(kb);
const NOTICE = 'what notice is required before our funding is cut?';
const SPAN_LINE = "*a minimum of three months' notice in writing* — Hertfordshire Compact 4.4";
const questions = ['bench/questions.jsonl', 'bench/questions-more.jsonl'].flatMap((f) => loadQuestions(f)).map((q) => q.q);
const asked = (q: string) => spanQuestion(engine.scorer.analyse(q), kb.synonyms);
const blocksOf = <T extends Block['type']>(r: Reply, type: T) => r.blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);

describe('the span that answers', () => {
  it('is a verbatim part of the passage, at its offset, for every item and a set of questions', () => {
    const qs = [...questions.filter((_, i) => i % 8 === 0), 'how long', 'who', 'when was it agreed', 'how many signatories'].map(asked);
    let checked = 0;
    for (const e of kb.entries) {
      for (const q of [...qs, ...e.asked.slice(0, 2).map(asked)]) {
        const span = pickSpan(e.text, q);
        expect(span.text.length, e.key).toBeGreaterThan(0);
        expect(e.text.slice(span.at, span.at + span.text.length), e.key).toBe(span.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(kb.entries.length * 50);
  });

  it('picks the duration a notice question asks for, and the first sentence when nothing stands on its own', () => {
    const herts44 = kb.entries.find((e) => e.compact === 'hertfordshire' && e.id === '4.4')!;
    expect(pickSpan(herts44.text, asked(NOTICE)).text).toBe("a minimum of three months' notice in writing");
    const none = pickSpan(herts44.text, asked('xylophone'));
    expect(none).toMatchObject({ answers: false, at: 0 });
    expect(none.text).toMatch(/^Give a minimum .*decision has been taken\.$/);
  });

  it('leads every answer reply, and every span shown in answers and comparisons is part of its quote', () => {
    for (const q of questions) {
      const r = engine.answer(q).reply;
      if (r.intent === 'answer' && r.feedback && r.blocks.some((b) => b.type === 'quote') && r.hits.length > 0 && !/^\w+ \S+$/.test(q)) {
        expect(r.blocks[0]?.type, q).toBe('answer');
      }
      const spans = [
        ...blocksOf(r, 'answer'),
        ...blocksOf(r, 'also'),
        ...blocksOf(r, 'table').flatMap((t) => t.rows.flatMap((row) => (row.answer ? [row.answer] : []))),
      ];
      for (const s of spans) expect(s.hit.text, q).toContain(s.span);
    }
  });
});

describe('an answer reply in each channel', () => {
  const r = engine.answer(NOTICE).reply;

  it('terminal: the span line first, then the quote', () => {
    const lines = renderText(r).split('\n');
    expect(lines[0]).toBe(SPAN_LINE);
    expect(lines[1]).toContain('“Give a minimum of three months');
  });

  it('Slack: the span line is the first section, in bold, and other compacts are one line each with an Open button', () => {
    const { blocks } = renderReply(r);
    expect(blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: SPAN_LINE } });
    const also = blocksOf(r, 'also');
    const lines = blocks.filter((b) => b.type === 'section' && 'accessory' in b && b.accessory);
    expect(lines).toHaveLength(also.length);
    for (const [i, a] of also.entries()) expect(lines[i]).toMatchObject({ accessory: { type: 'button', value: a.open.value } });
  });

  it('Teams: the span emphasised in the first element, the citation after it', () => {
    const card = replyCard(r);
    expect(card.body[0]).toMatchObject({
      type: 'RichTextBlock',
      inlines: [
        { type: 'TextRun', text: "a minimum of three months' notice in writing", weight: 'Bolder', italic: true },
        { type: 'TextRun', text: ' — Hertfordshire Compact 4.4' },
      ],
    });
  });

  it('other compacts appear only when the model judges that they answer too', () => {
    for (const q of questions.slice(0, 120)) {
      for (const a of blocksOf(engine.answer(q).reply, 'also')) expect(a.hit.score, q).toBeGreaterThanOrEqual(0.12);
    }
  });
});

describe('a comparison', () => {
  const r = engine.answer('compare the compacts on notice before funding is cut').reply;
  const table = blocksOf(r, 'table')[0]!;

  it('is one row per compact: its span and citation, or that it says nothing on this', () => {
    expect(r.intent).toBe('compare');
    expect(table.rows.map((row) => row.compactName)).toEqual(kb.compacts.map((c) => c.meta.name));
    const herts = table.rows.find((row) => row.compactName === 'Hertfordshire Compact')!;
    expect(herts.answer?.span).toContain("a minimum of three months' notice");
    const hertsRow = /Hertfordshire Compact +│ \*[^*]*a minimum of three months' notice[^*]*\* — Hertfordshire Compact 4\.4/;
    expect(renderText(r)).toMatch(hertsRow);
    for (const row of table.rows.filter((x) => !x.answer))
      expect(renderText(r)).toMatch(new RegExp(`${row.compactName} +│ says nothing on this`));
  });

  it('is a table in Slack (section fields) and in Teams (a ColumnSet per row)', () => {
    const rows = renderReply(r).blocks.filter((b) => b.type === 'section' && 'fields' in b);
    expect(rows).toHaveLength(kb.compacts.length);
    expect(rows[0]).toMatchObject({ fields: [{ type: 'mrkdwn', text: `*${table.rows[0]!.compactName}*` }, { type: 'mrkdwn' }] });
    const sets = replyCard(r).body.filter((e) => e.type === 'ColumnSet');
    expect(sets).toHaveLength(kb.compacts.length);
  });

  it('"compare the compacts on this" compares on the last question asked', () => {
    const first = engine.answer(NOTICE);
    const { reply } = engine.answer('compare the compacts on this', first.context);
    const rows = blocksOf(reply, 'table')[0]!.rows;
    expect(rows.find((row) => row.compactName === 'Hertfordshire Compact')?.answer?.hit.id).toBe('4.4');
  });
});

describe('length and links', () => {
  it('keeps answers within about a screen; a cut quote ends in an ellipsis and its action shows the whole passage', () => {
    let cut = 0;
    for (const q of questions) {
      const r = engine.answer(q).reply;
      if (r.intent !== 'answer' || !r.blocks.some((b) => b.type === 'answer')) continue;
      const quote = blocksOf(r, 'quote')[0]!;
      if (quote.shown === undefined) {
        expect(visibleLength(r), q).toBeLessThanOrEqual(VISIBLE_CHARS + LEEWAY);
        continue;
      }
      cut++;
      expect(quote.hit.text.startsWith(quote.shown), q).toBe(true);
      expect(renderText(r), q).toContain(`${quote.shown.replace(/\s*\n\s*/g, ' ')}…”`);
      const more = r.actions.find((a) => a.label === 'Show the full passage')!;
      const full = engine.answer(more.value).reply;
      expect(blocksOf(full, 'quote')[0]).toMatchObject({ hit: { key: quote.hit.key, text: quote.hit.text } });
      expect(blocksOf(full, 'quote')[0]?.shown).toBeUndefined();
    }
    expect(cut).toBeGreaterThan(0);
  });

  it('renders markdown links from a source as links in Slack and Teams and as text with the address in the terminal', () => {
    const r = routeReply(kb, 'signup', ['hertfordshire']);
    expect(renderText(r)).toContain('hertfordshire.gov.uk (https://www.hertfordshire.gov.uk)');
    expect(JSON.stringify(renderReply(r).blocks)).toContain('<https://www.hertfordshire.gov.uk|hertfordshire.gov.uk>');
    expect(JSON.stringify(replyCard(r).body)).toContain(
      '"text":"hertfordshire.gov.uk","italic":true,"selectAction":{"type":"Action.OpenUrl","url":"https://www.hertfordshire.gov.uk"}',
    );
  });

  it('shows a term’s heading once when two compacts explain it', () => {
    const r = engine.answer('whats an LSP').reply;
    expect(r.blocks.filter((b) => b.type === 'heading')).toHaveLength(1);
    expect(renderText(r).match(/^LSP: Local Strategic Partnership:$/gm)).toHaveLength(1);
  });
});
