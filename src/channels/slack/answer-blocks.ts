import type { types } from '@slack/bolt';
import { type Action, type Block, type CompareRow, citationSegments, type Segment, shortCitation } from '../../core/index.js';
import { escapeMrkdwn, LIMITS, truncate } from './mrkdwn.js';

type SlackBlock = types.KnownBlock;

/** Text with links as Slack links (`<url|text>`); everything else escaped, so nothing in it is obeyed. */
export function segmentsMrkdwn(segments: Segment[]): string {
  return segments.map((s) => (s.url ? `<${s.url}|${escapeMrkdwn(s.text)}>` : escapeMrkdwn(s.text))).join('');
}

export const citationMrkdwn = (c: Parameters<typeof citationSegments>[0]) => segmentsMrkdwn(citationSegments(c));

/** Bold, on one line; a span never holds an asterisk that would end the emphasis early, but if it did it is dropped. */
const emphasised = (span: string) => `*${escapeMrkdwn(span.replace(/\s*\n\s*/g, ' ').replace(/\*/g, ''))}*`;

/** Buttons inside content blocks (one per "also" line or table row) number on from this, apart from the reply's own. */
const OPEN_BASE = 1000;

function openButton(open: Action, n: number): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: 'Open', emoji: false },
    action_id: `reply_action:${OPEN_BASE + n}`,
    value: open.value.slice(0, LIMITS.buttonValue),
  };
}

function tableRow(row: CompareRow, n: number): SlackBlock {
  const cell = row.answer
    ? `${emphasised(row.answer.span)} — ${escapeMrkdwn(shortCitation(row.answer.hit.citation))}`
    : '_says nothing on this_';
  return {
    type: 'section',
    fields: [
      { type: 'mrkdwn', text: `*${escapeMrkdwn(row.compactName)}*` },
      { type: 'mrkdwn', text: truncate(cell, 2000) },
    ],
    ...(row.answer ? { accessory: openButton(row.answer.open, n) } : {}),
  };
}

/** The answer line, the other compacts' one-line answers and the comparison table; undefined for other blocks. */
export function answerBlocks(b: Block, counter: { n: number }): SlackBlock[] | undefined {
  switch (b.type) {
    case 'answer':
      return [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: truncate(`${emphasised(b.span)} — ${escapeMrkdwn(shortCitation(b.hit.citation))}`, LIMITS.sectionText),
          },
        },
      ];
    case 'also':
      return [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: truncate(`• ${emphasised(b.span)} — ${escapeMrkdwn(shortCitation(b.hit.citation))}`, LIMITS.sectionText),
          },
          accessory: openButton(b.open, counter.n++),
        },
      ];
    case 'table':
      return b.rows.map((row) => tableRow(row, row.answer ? counter.n++ : counter.n));
    default:
      return undefined;
  }
}
