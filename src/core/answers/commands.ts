import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { normalize } from '../search/text.js';
import { type Browse, parseBrowseCommand } from './compose-browse.js';

/**
 * The few exact commands, matched whole: an item button, "help", the two form buttons ("sign up", "report a
 * breach"), "use <compact>" / "use all compacts", and the page buttons of a list ("list dacorum undertakings page 2").
 */
export type Command =
  | { kind: 'item'; entry: Entry }
  | { kind: 'help' }
  | { kind: 'start'; flow: 'signup' | 'breach' }
  | { kind: 'use'; compact?: string }
  | { kind: 'browse'; browse: Browse };

const START = new Map<string, 'signup' | 'breach'>([
  ['sign up', 'signup'],
  ['signup', 'signup'],
  ['report a breach', 'breach'],
  ['report', 'breach'],
]);

const HELP = new Set(['help', 'menu', 'commands', '?']);
const ALL = new Set(['all', 'all compacts', 'every compact', 'any compact']);

/** A message as the exact commands are compared: lower case, accents and typography folded, punctuation gone. */
export function commandText(message: string): string {
  return normalize(message);
}

export function exactCommand(kb: KnowledgeBase, message: string): Command | undefined {
  const text = message.trim().toLowerCase();
  if (HELP.has(text) || text === '') return { kind: 'help' };
  const flow = START.get(text);
  if (flow) return { kind: 'start', flow };
  const browse = parseBrowseCommand(kb, text.replace(/\s+/g, ' '));
  if (browse) return { kind: 'browse', browse };
  // "dacorum statutory-funding-3", as item buttons send it.
  const [compact, id, ...more] = text.split(/\s+/);
  if (compact && id && more.length === 0) {
    const entry = kb.entries.find((e) => e.compact === compact && e.id === id);
    if (entry) return { kind: 'item', entry };
  }
  const n = normalize(message);
  if (!n.startsWith('use ')) return undefined;
  const rest = n
    .slice(4)
    .replace(/^the /, '')
    .replace(/ compacts?$/, '');
  if (ALL.has(rest)) return { kind: 'use' };
  const c = kb.compacts.find((x) => [x.meta.id, x.meta.area, ...x.meta.aliases].some((name) => normalize(name) === rest));
  return c ? { kind: 'use', compact: c.meta.id } : undefined;
}
