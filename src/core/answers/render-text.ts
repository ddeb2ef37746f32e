import { citationLine } from './compose.js';
import type { Block, Reply } from './reply.js';

function renderBlock(b: Block): string {
  switch (b.type) {
    case 'text':
      return b.text;
    case 'heading':
      return `${b.text}:`;
    case 'quote':
      return `  “${b.hit.text.replace(/\s*\n\s*/g, ' ')}”\n    — ${citationLine(b.hit.citation)}`;
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
