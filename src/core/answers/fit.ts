import { renderText } from './render-text.js';
import type { Action, Block, Reply } from './reply.js';

/** About a phone screen: the most a reply shows before its "Show more". */
export const VISIBLE_CHARS = 700;
/** "About" 700: cutting the last few words of a passage to save a line helps nobody. */
export const LEEWAY = 50;
/** A quote is never cut shorter than this: a few words of a passage would mislead. */
const MIN_SHOWN = 160;

export const openAction = (hit: { compact: string; id: string }, label: string): Action => ({ label, value: `${hit.compact} ${hit.id}` });

/** The visible part of a reply, as the terminal shows it less its buttons: what the 700 characters are measured on. */
export function visibleLength(reply: Reply): number {
  return renderText({ ...reply, actions: [] }).length;
}

/**
 * Cuts the first quote of a reply that is longer than a screen, at a word, with an ellipsis and an action
 * that shows the whole passage (its item command). Nothing else is cut: the span line says the answer.
 */
export function fitToScreen(reply: Reply, budget = VISIBLE_CHARS): Reply {
  const over = visibleLength(reply) - budget;
  const i = reply.blocks.findIndex((b) => b.type === 'quote');
  if (over <= LEEWAY || i < 0) return reply;
  const quote = reply.blocks[i] as Extract<Block, { type: 'quote' }>;
  const more = openAction(quote.hit, 'Show the full passage');
  const actions = reply.actions.some((a) => a.value === more.value) ? reply.actions : [more, ...reply.actions];
  const room = quote.hit.text.length - over - 1;
  const cut = Math.max(MIN_SHOWN, room);
  if (cut >= quote.hit.text.length) return reply;
  const at = quote.hit.text.lastIndexOf(' ', cut);
  const shown = quote.hit.text.slice(0, at > MIN_SHOWN / 2 ? at : cut).replace(/[\s,;:–—-]+$/, '');
  const blocks = reply.blocks.map((b, j): Block => (j === i ? { ...quote, shown } : b));
  return { ...reply, blocks, actions };
}
