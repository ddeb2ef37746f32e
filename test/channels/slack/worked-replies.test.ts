import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/channels/slack/block-kit.js';
import { messageProblems } from '../../fakes/slack-blocks.js';
import { workedReplies } from '../../helpers/worked-replies.js';
import { buttons } from './calls.js';

const { date, browse, followUp } = workedReplies();
const sections = (blocks: any[]) => blocks.filter((b) => b.type === 'section').map((b) => b.text.text as string);

describe('Slack messages for worked-out dates, browse lists and follow-ups', () => {
  it('puts the worked-out date first, marked as ours, then the quote and the exceptions, in valid blocks', () => {
    const message = renderReply(date);
    expect(messageProblems(message as any)).toEqual([]);
    const [ours, sum] = sections(message.blocks);
    expect(ours).toMatch(/our arithmetic, not the compact’s words/);
    expect(sum).toContain('notice in writing is due by Thursday 31 December 2026');
    const all = sections(message.blocks).join('\n');
    expect(all.indexOf('>Give a minimum of three months')).toBeGreaterThan(all.indexOf('31 December 2026'));
    expect(all).toContain('“apart from in exceptional circumstances”');
  });

  it('shows a page of numbered titles with a button per entry and Previous and Next that send exact commands', () => {
    const message = renderReply(browse);
    expect(messageProblems(message as any)).toEqual([]);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Hertfordshire Compact: undertakings, 11–20 of 56' } });
    expect(sections(message.blocks)[0]).toMatch(/^\*1\.11:\* .+\n\*1\.12:\* /);
    const values = buttons(message.blocks).map((b: any) => b.value);
    expect(values.filter((v: string) => v.startsWith('hertfordshire '))).toHaveLength(10);
    expect(values).toContain('list hertfordshire undertakings page 1');
    expect(values).toContain('list hertfordshire undertakings page 3');
  });

  it('answers a follow-up with the other compact’s passage first', () => {
    const message = renderReply(followUp);
    expect(messageProblems(message as any)).toEqual([]);
    const context = message.blocks.find((b: any) => b.type === 'context') as any;
    expect(context.elements[0].text).toMatch(/^— Dacorum Compact/);
  });
});
