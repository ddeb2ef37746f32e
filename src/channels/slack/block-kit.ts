import type { types } from '@slack/bolt';
import { z } from 'zod';
import { type Block, linkSegments, quoteText, type Reply, renderText } from '../../core/index.js';
import { answerBlocks, citationMrkdwn, segmentsMrkdwn } from './answer-blocks.js';
import { escapeMrkdwn, LIMITS, splitText, truncate } from './mrkdwn.js';

export type SlackBlock = types.KnownBlock;

/** Action ids of the buttons we put on messages. */
export const ACTION = {
  /** A reply's own action: its value goes back to the bot as the user's next message. */
  reply: /^reply_action:\d+$/,
  feedbackUp: 'feedback:up',
  feedbackDown: 'feedback:down',
  share: 'share_answer',
  /** `open_form:breach`, `open_form:signup`: one id per button, since Slack refuses two equal action_ids in one block. */
  openForm: /^open_form:(breach|signup)$/,
} as const;

export const openFormAction = (flowId: 'breach' | 'signup') => `open_form:${flowId}`;

export interface RenderOptions {
  /** Adds "Share in channel" to an answer shown only to the asker; the value is the question to answer again, publicly. */
  shareQuestion?: string;
  /** A line shown under the answer, e.g. who shared it. */
  footer?: string;
}

const feedbackValue = z.object({ q: z.string(), k: z.array(z.string()) });

/** Packs a question and the answer's keys into a button value, dropping keys (then shortening the question) to fit. */
export function encodeFeedback(question: string, keys: string[]): string {
  let q = question.slice(0, 1000);
  let k = keys.slice();
  let value = JSON.stringify({ q, k });
  while (value.length > LIMITS.buttonValue && k.length > 0) value = JSON.stringify({ q, k: (k = k.slice(0, -1)) });
  while (value.length > LIMITS.buttonValue) value = JSON.stringify({ q: (q = q.slice(0, q.length - 100)), k });
  return value;
}

export function decodeFeedback(value: string | undefined): { question: string; keys: string[] } | undefined {
  try {
    const v = feedbackValue.safeParse(JSON.parse(value ?? ''));
    return v.success ? { question: v.data.q, keys: v.data.k } : undefined;
  } catch {
    return undefined;
  }
}

export function section(mrkdwn: string): SlackBlock[] {
  return splitText(mrkdwn, LIMITS.sectionText).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

export function header(text: string): SlackBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: false } };
}

export function context(mrkdwn: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) }] };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value: value.slice(0, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

/** A passage as ">"-prefixed lines, packed into as few sections as the length limit allows. */
function quote(text: string): string[] {
  const lines = segmentsMrkdwn(linkSegments(text.trim()))
    .split('\n')
    .flatMap((l) => splitText(l, LIMITS.sectionText - 1))
    .map((l) => `>${l}`);
  const pieces: string[] = [];
  for (const l of lines) {
    const last = pieces.at(-1);
    if (last !== undefined && last.length + 1 + l.length <= LIMITS.sectionText) pieces[pieces.length - 1] = `${last}\n${l}`;
    else pieces.push(l);
  }
  return pieces;
}

function renderBlock(b: Block, counter: { n: number }): SlackBlock[] {
  const answer = answerBlocks(b, counter);
  if (answer) return answer;
  switch (b.type) {
    case 'text':
      return section(escapeMrkdwn(b.text));
    case 'heading':
      return [header(b.text)];
    case 'quote':
      return [
        ...quote(quoteText(b)).map((text) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text } })),
        context(`— ${citationMrkdwn(b.hit.citation)}`),
      ];
    case 'fields':
      return section(
        b.items
          .map((i) => (i.label === '•' ? `• ${escapeMrkdwn(i.value)}` : `*${escapeMrkdwn(i.label)}:* ${escapeMrkdwn(i.value)}`))
          .join('\n'),
      );
    case 'error':
      return section(`:warning: ${escapeMrkdwn(b.text)}`);
    default:
      return [];
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The reply's words, without buttons: for notices and for the Home tab. */
function contentBlocks(reply: Reply): SlackBlock[] {
  const counter = { n: 0 };
  return reply.blocks.flatMap((b) => renderBlock(b, counter));
}

/** A reply as a Block Kit message: blocks within Slack's limits, and escaped plain text for notifications. */
export function renderReply(reply: Reply, options: RenderOptions = {}): { blocks: SlackBlock[]; text: string } {
  const content = contentBlocks(reply);
  if (options.footer) content.push(context(options.footer));
  const tail: SlackBlock[] = chunk(reply.actions, LIMITS.actionsPerBlock).map((group, g) => ({
    type: 'actions',
    elements: group.map((a, i) => button(a.label, `reply_action:${g * LIMITS.actionsPerBlock + i}`, a.value, a.style)),
  }));
  const extras: types.Button[] = [];
  if (options.shareQuestion !== undefined) extras.push(button('Share in channel', ACTION.share, options.shareQuestion, 'primary'));
  if (reply.feedback) {
    const value = encodeFeedback(reply.feedback.question, reply.feedback.keys);
    extras.push(button('👍 Helpful', ACTION.feedbackUp, value), button('👎 Not helpful', ACTION.feedbackDown, value));
  }
  if (extras.length > 0) tail.push({ type: 'actions', elements: extras });

  const room = LIMITS.messageBlocks - tail.length;
  const body =
    content.length <= room
      ? content
      : [
          ...content.slice(0, room - 1),
          context('_The rest of this answer is too long for one Slack message; ask about a single compact to see it all._'),
        ];
  return { blocks: [...body, ...tail], text: truncate(escapeMrkdwn(renderText(reply)), LIMITS.fallbackText) };
}
