import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { messageProblems, viewProblems } from '../../fakes/slack-blocks.js';

const section = (text: string, block_id?: string) => ({
  type: 'section',
  ...(block_id ? { block_id } : {}),
  text: { type: 'mrkdwn', text },
});
const btn = (action_id: string, text = 'Go') => ({ type: 'button', action_id, text: { type: 'plain_text', text }, value: 'v' });
const modal = (blocks: unknown[], title = 'Report a breach') => ({ type: 'modal', title: { type: 'plain_text', text: title }, blocks });

describe('the fake Slack refuses what real Slack refuses', () => {
  it('accepts blocks within every limit', () => {
    expect(messageProblems({ blocks: [section('hi', 'a'), { type: 'actions', elements: [btn('x'), btn('y')] }], text: 'hi' })).toEqual([]);
    expect(viewProblems(modal([section('hi')]))).toEqual([]);
  });

  it('refuses two equal action_ids in one block, and two equal block_ids', () => {
    expect(messageProblems({ blocks: [{ type: 'actions', elements: [btn('same'), btn('same')] }] })).toEqual([
      expect.stringMatching(/"same" is used twice in one block/),
    ]);
    expect(
      messageProblems({
        blocks: [
          { type: 'actions', elements: [btn('same')] },
          { type: 'actions', elements: [btn('same')] },
        ],
      }),
    ).toEqual([]);
    expect(messageProblems({ blocks: [section('a', 'b1'), section('b', 'b1')] })).toEqual([expect.stringMatching(/"b1" is used twice/)]);
  });

  it('refuses text over its limit: section, header, button, option', () => {
    expect(messageProblems({ blocks: [section('x'.repeat(3001))] })).toHaveLength(1);
    expect(messageProblems({ blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] })).toHaveLength(1);
    expect(messageProblems({ blocks: [{ type: 'actions', elements: [btn('a', 'x'.repeat(76))] }] })).toHaveLength(1);
    const select = (text: string) => ({
      type: 'input',
      label: { type: 'plain_text', text: 'L' },
      element: { type: 'static_select', action_id: 'v', options: [{ text: { type: 'plain_text', text }, value: 'v' }] },
    });
    expect(viewProblems(modal([select('x'.repeat(75))]))).toEqual([]);
    expect(viewProblems(modal([select('x'.repeat(76))]))).toEqual([expect.stringMatching(/options\[0\]\.text: must be at most 75/)]);
  });

  it('refuses more than 50 blocks in a message and 100 in a modal or Home tab', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => section(`s${i}`));
    expect(messageProblems({ blocks: many(50) })).toEqual([]);
    expect(messageProblems({ blocks: many(51) })).toHaveLength(1);
    expect(viewProblems(modal(many(100)))).toEqual([]);
    expect(viewProblems(modal(many(101)))).toHaveLength(1);
    expect(viewProblems({ type: 'home', blocks: many(101) })).toHaveLength(1);
  });

  it('refuses a modal title over 24 characters', () => {
    expect(viewProblems(modal([], 'x'.repeat(24)))).toEqual([]);
    expect(viewProblems(modal([], 'Report a suspected breach'))).toEqual([expect.stringMatching(/view\.title/)]);
  });

  describe('over HTTP', () => {
    const slack = new FakeSlackApi();
    beforeAll(async () => void (await slack.start()));
    afterAll(async () => slack.close());

    it('answers invalid_blocks and records the call as refused', async () => {
      const res = await fetch(`${slack.apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { authorization: 'Bearer xoxb-1', 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'C1', blocks: [{ type: 'actions', elements: [btn('a'), btn('a')] }] }),
      });
      expect(await res.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
      expect(slack.calls[0]).toMatchObject({ method: 'chat.postMessage', status: 400 });
      expect(slack.ok('chat.postMessage')).toEqual([]);
    });
  });
});
