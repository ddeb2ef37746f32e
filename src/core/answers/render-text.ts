import { citationSegments, linkSegments, plainSegments, quoteText, shortCitation } from './blocks.js';
import type { Block, CompareRow, Reply } from './reply.js';

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

function tableRows(rows: CompareRow[]): string {
  const width = Math.max(...rows.map((r) => r.compactName.length));
  return rows
    .map((r) => {
      const cell = r.answer ? `*${oneLine(r.answer.span)}* — ${shortCitation(r.answer.hit.citation)}` : 'says nothing on this';
      return `  ${r.compactName.padEnd(width)} │ ${cell}`;
    })
    .join('\n');
}

function renderBlock(b: Block): string {
  switch (b.type) {
    case 'text':
      return b.text;
    case 'heading':
      return `${b.text}:`;
    case 'quote':
      return `  “${plainSegments(linkSegments(oneLine(quoteText(b))))}”\n    — ${plainSegments(citationSegments(b.hit.citation))}`;
    case 'answer':
      return `*${oneLine(b.span)}* — ${shortCitation(b.hit.citation)}`;
    case 'also':
      return `  • *${oneLine(b.span)}* — ${shortCitation(b.hit.citation)} [${b.open.value}]`;
    case 'table':
      return tableRows(b.rows);
    case 'fields':
      return b.items.map((i) => (i.label === '•' ? `  • ${i.value}` : `  ${i.label}: ${i.value}`)).join('\n');
    case 'error':
      return `! ${b.text}`;
  }
}

/** The reply as plain text: the terminal's rendering, and the fallback text other channels send with cards. */
export function renderText(reply: Reply, options: { numberedActions?: boolean } = {}): string {
  const parts = reply.blocks.map(renderBlock);
  if (reply.actions.length > 0) {
    parts.push(
      options.numberedActions
        ? reply.actions.map((a, i) => `  [${i + 1}] ${a.label}`).join('\n')
        : `Options: ${reply.actions.map((a) => a.label).join(' | ')}`,
    );
  }
  return parts.join('\n');
}
