import { describe, expect, it } from 'vitest';
import { replyCard } from '../../../src/channels/teams/reply-card.js';
import { workedReplies } from '../../helpers/worked-replies.js';
import { submitsOf } from './harness.js';
import { cardProblems } from './validate-card.js';

const { date, browse, followUp } = workedReplies();

/** The card's lines of text (text blocks and text runs), in order. */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.type === 'TextBlock' || o.type === 'TextRun' ? [o.text as string] : [];
  return [...own, ...['body', 'items', 'inlines'].flatMap((k) => texts(o[k]))];
}

describe('Teams cards for worked-out dates, browse lists and follow-ups', () => {
  it('puts the worked-out date first, marked as ours, then the quote and the exceptions', () => {
    const card = replyCard(date);
    expect(cardProblems(card)).toEqual([]);
    const lines = texts(card);
    expect(lines[0]).toMatch(/our arithmetic, not the compact’s words/);
    expect(lines[1]).toContain('notice in writing is due by Thursday 31 December 2026');
    const quote = lines.findIndex((l) => l.includes('Give a minimum of three months'));
    expect(quote).toBeGreaterThan(1);
    expect(lines.slice(quote).join('\n')).toContain('“apart from in exceptional circumstances”');
    expect(card.fallbackText).toContain('31 December 2026');
  });

  it('shows a page of numbered titles with a button per entry and Previous and Next that send exact commands', () => {
    const card = replyCard(browse);
    expect(cardProblems(card)).toEqual([]);
    const sent = submitsOf(card)
      .filter((s) => s.data.compactBot === 'message')
      .map((s) => s.data.text as string);
    expect(sent.filter((t) => t.startsWith('hertfordshire '))).toHaveLength(10);
    expect(sent).toEqual(expect.arrayContaining(['list hertfordshire undertakings page 1', 'list hertfordshire undertakings page 3']));
    expect(JSON.stringify(card.body)).toContain('"title":"2.1"');
  });

  it('answers a follow-up with the other compact’s passage first', () => {
    const card = replyCard(followUp);
    expect(cardProblems(card)).toEqual([]);
    const citations = texts(card).filter((l) => / Compact( \d|\b).* · /.test(l));
    expect(citations[0]).toMatch(/^Dacorum Compact/);
  });
});
