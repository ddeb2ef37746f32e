import { citationLine } from './compose.js';
import type { Block, Citation } from './reply.js';

/** Helpers every channel renders blocks with, so that the three channels say the same thing. */

/** A piece of text, linked when `url` is set. */
export interface Segment {
  text: string;
  url?: string;
}

const MARKDOWN_LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g;

/** Text with its markdown links ("[hertfordshire.gov.uk](https://…)", as some sources write them) as linked segments. */
export function linkSegments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(MARKDOWN_LINK)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: m[1]!, url: m[2]! });
    last = m.index + m[0].length;
  }
  if (last < text.length || out.length === 0) out.push({ text: text.slice(last) });
  return out;
}

/** Segments as plain text, each link followed by its address: for the terminal and for fallback text. */
export function plainSegments(segments: Segment[]): string {
  return segments.map((s) => (s.url && s.url !== s.text ? `${s.text} (${s.url})` : s.text)).join('');
}

/** The words of a quote block as shown: the whole passage, or its start and an ellipsis. */
export function quoteText(b: Extract<Block, { type: 'quote' }>): string {
  return b.shown === undefined ? b.hit.text : `${b.shown}…`;
}

/** "Hertfordshire Compact 4.4", or the compact and the last part of its section for an item without a number. */
export function shortCitation(c: Citation): string {
  if (/^\d/.test(c.ref)) return `${c.compactName} ${c.ref}`;
  const section = c.section?.split(' › ').at(-1);
  return section ? `${c.compactName}, ${section}` : c.compactName;
}

/** The full citation with the source's title linked to where it is published, when the source names an address. */
export function citationSegments(c: Citation): Segment[] {
  const line = citationLine(c);
  if (!c.sourceUrl) return [{ text: line }];
  const at = line.lastIndexOf(c.sourceTitle);
  if (at < 0) return [{ text: `${line} · ` }, { text: c.sourceTitle, url: c.sourceUrl }];
  return [{ text: line.slice(0, at) }, { text: c.sourceTitle, url: c.sourceUrl }, { text: line.slice(at + c.sourceTitle.length) }].filter(
    (s) => s.text !== '',
  );
}
