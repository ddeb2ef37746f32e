import {
  type Action,
  type Block,
  type Citation,
  type CompareRow,
  citationSegments,
  type Segment,
  shortCitation,
} from '../../core/index.js';
import { type CardElement, escapeMarkdown, type RunStyle, SUBMIT_TEXT_MAX, submit, subtle } from './card-elements.js';

/** Text runs, never read as markdown; a link is a run that opens its address. */
export function linkedRuns(segments: Segment[], style: RunStyle = {}): CardElement[] {
  return segments
    .filter((s) => s.text !== '')
    .map((s) => ({ type: 'TextRun', text: s.text, ...style, ...(s.url ? { selectAction: { type: 'Action.OpenUrl', url: s.url } } : {}) }));
}

/** The citation, small and subtle; the source's title is a markdown link when the source gives its address. */
export function citationBlock(c: Citation): CardElement {
  const text = citationSegments(c)
    .map((s) => (s.url ? `[${escapeMarkdown(s.text)}](${s.url})` : escapeMarkdown(s.text)))
    .join('');
  return { ...subtle(''), text };
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

/** "*span* — Hertfordshire Compact 4.4": the span emphasised, the citation after it. */
function spanLine(span: string, c: Citation, lead = ''): CardElement {
  return {
    type: 'RichTextBlock',
    inlines: [
      ...(lead ? [{ type: 'TextRun', text: lead }] : []),
      { type: 'TextRun', text: oneLine(span), weight: 'Bolder', italic: true },
      { type: 'TextRun', text: ` — ${shortCitation(c)}`, isSubtle: true },
    ],
  };
}

function openColumn(open: Action): CardElement {
  return {
    type: 'Column',
    width: 'auto',
    verticalContentAlignment: 'Center',
    items: [{ type: 'ActionSet', actions: [submit('Open', { compactBot: 'message', text: open.value.slice(0, SUBMIT_TEXT_MAX) })] }],
  };
}

function tableRow(row: CompareRow): CardElement {
  const cell: CardElement = row.answer
    ? spanLine(row.answer.span, row.answer.hit.citation)
    : { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'says nothing on this', italic: true, isSubtle: true }] };
  return {
    type: 'ColumnSet',
    separator: true,
    columns: [
      {
        type: 'Column',
        width: 1,
        items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: row.compactName, weight: 'Bolder' }] }],
      },
      { type: 'Column', width: 3, items: [cell] },
      ...(row.answer ? [openColumn(row.answer.open)] : []),
    ],
  };
}

/** The answer line, the other compacts' one-line answers and the comparison table; undefined for other blocks. */
export function answerElements(b: Block): CardElement[] | undefined {
  switch (b.type) {
    case 'answer':
      return [spanLine(b.span, b.hit.citation)];
    case 'also':
      return [
        {
          type: 'ColumnSet',
          columns: [{ type: 'Column', width: 'stretch', items: [spanLine(b.span, b.hit.citation, '• ')] }, openColumn(b.open)],
        },
      ];
    case 'table':
      return b.rows.map(tableRow);
    default:
      return undefined;
  }
}
