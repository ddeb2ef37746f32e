import { describe, expect, it } from 'vitest';
import { decodeFeedback, encodeFeedback, renderReply } from '../../../src/channels/slack/block-kit.js';
import { escapeMrkdwn, splitText } from '../../../src/channels/slack/mrkdwn.js';
import type { Hit, Reply } from '../../../src/core/answers/reply.js';

const hit = (text: string): Hit => ({
  key: 'hertfordshire:undertaking:4.4',
  kind: 'undertaking',
  compact: 'hertfordshire',
  id: '4.4',
  title: 'Notice',
  text,
  score: 1,
  citation: {
    compact: 'hertfordshire',
    compactName: 'Hertfordshire Compact',
    sourceTitle: 'Working Together',
    ref: '4.4',
    byLabel: 'statutory organisations',
    by: 'statutory',
  },
});

const reply = (extra: Partial<Reply>): Reply => ({ intent: 'answer', blocks: [], actions: [], hits: [], ...extra });
const texts = (blocks: any[]) => JSON.stringify(blocks);

describe('Block Kit rendering', () => {
  it('renders a quote as a quote with its citation in a context block', () => {
    const { blocks, text } = renderReply(
      reply({
        blocks: [
          { type: 'heading', text: 'Funding' },
          { type: 'quote', hit: hit('Give three months’ notice.\nIn writing.') },
        ],
      }),
    );
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Funding', emoji: false } });
    expect(blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '>Give three months’ notice.\n>In writing.' } });
    expect(blocks[2]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '— Hertfordshire Compact 4.4 · given by statutory organisations · Working Together' }],
    });
    expect(text).toContain('Give three months’ notice.');
  });

  it('escapes &, < and > everywhere mrkdwn is read, so nobody can be pinged', () => {
    const evil = 'Tom & Jerry <!channel> <@U123> <https://x|y>';
    const { blocks, text } = renderReply(
      reply({
        blocks: [
          { type: 'text', text: evil },
          { type: 'quote', hit: hit(evil) },
          {
            type: 'fields',
            items: [
              { label: evil, value: evil },
              { label: '•', value: evil },
            ],
          },
          { type: 'error', text: evil },
        ],
      }),
    );
    const all = texts(blocks) + text;
    expect(all).not.toMatch(/<!channel>|<@U123>|<https/);
    expect(all).toContain('Tom &amp; Jerry &lt;!channel&gt; &lt;@U123&gt;');
    expect(escapeMrkdwn('a&b<c>d')).toBe('a&amp;b&lt;c&gt;d');
  });

  it('turns actions into buttons (75-character text) and offers 👍/👎 with the question and keys', () => {
    const long = 'x'.repeat(200);
    const { blocks } = renderReply(
      reply({ actions: [{ label: long, value: 'compare', style: 'primary' }], feedback: { question: 'q?', keys: ['a', 'b'] } }),
    );
    const [actions, feedback] = blocks as any[];
    expect(actions.elements[0]).toMatchObject({ type: 'button', action_id: 'reply_action:0', value: 'compare', style: 'primary' });
    expect(actions.elements[0].text.text).toHaveLength(75);
    expect(feedback.elements.map((e: any) => e.action_id)).toEqual(['feedback:up', 'feedback:down']);
    expect(decodeFeedback(feedback.elements[0].value)).toEqual({ question: 'q?', keys: ['a', 'b'] });
  });

  it('keeps feedback values within 2000 characters and refuses unreadable ones', () => {
    const value = encodeFeedback(
      'q'.repeat(5000),
      Array.from({ length: 200 }, (_, i) => `compact:undertaking:${i}`),
    );
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(decodeFeedback(value)?.question.length).toBeGreaterThan(0);
    expect(decodeFeedback('{"q":1}')).toBeUndefined();
    expect(decodeFeedback('not json')).toBeUndefined();
  });

  it('splits sections at 3000 characters and keeps a message to 50 blocks, buttons kept', () => {
    const { blocks } = renderReply(reply({ blocks: [{ type: 'text', text: 'word '.repeat(1500) }] }));
    expect(blocks.length).toBe(3);
    for (const b of blocks as any[]) expect(b.text.text.length).toBeLessThanOrEqual(3000);

    const many = renderReply(
      reply({
        blocks: Array.from({ length: 80 }, (_, i) => ({ type: 'text' as const, text: `para ${i}` })),
        actions: [{ label: 'More', value: 'more' }],
        feedback: { question: 'q', keys: [] },
      }),
    );
    expect(many.blocks).toHaveLength(50);
    expect(many.blocks.at(-1)!.type).toBe('actions');
    expect(many.blocks.at(-3)!.type).toBe('context');
    expect(texts(many.blocks)).toContain('too long for one Slack message');
  });

  it('splits a long quote into quotes that each stay within the limit', () => {
    const { blocks } = renderReply(reply({ blocks: [{ type: 'quote', hit: hit('line of the compact\n'.repeat(400)) }] }));
    const quotes = (blocks as any[]).filter((b) => b.type === 'section');
    expect(quotes.length).toBeGreaterThan(1);
    for (const q of quotes) {
      expect(q.text.text.length).toBeLessThanOrEqual(3000);
      expect(q.text.text.split('\n').every((l: string) => l.startsWith('>'))).toBe(true);
    }
  });

  it('never cuts an escape such as &amp; in two', () => {
    const pieces = splitText(`${'a'.repeat(2998)}&amp;rest`, 3000);
    expect(pieces[0]!.endsWith('&')).toBe(false);
    expect(pieces.join('')).toBe(`${'a'.repeat(2998)}&amp;rest`);
  });
});
