import type { KnowledgeBase } from '../../core/index.js';

const NOT_SURE = 'not-sure';

/**
 * Every compact's undertakings for a multi-select with a filter box, each titled with its compact, since the
 * compact is chosen on the same card. Values are `compact:id`; a compact with no numbered undertakings (such as
 * Herefordshire) has a line saying so, and "Not sure" is always there.
 */
export function undertakingChoices(kb: KnowledgeBase): { title: string; value: string }[] {
  const choices = kb.compacts.flatMap((c) => {
    const items = c.entries.filter((e) => e.kind === 'undertaking');
    if (items.length === 0) {
      const title = `${c.meta.area}: no numbered undertakings (choose Not sure and describe it under What happened)`;
      return [{ title, value: `${c.meta.id}:${NOT_SURE}` }];
    }
    return items.map((e) => ({ title: `${c.meta.area} ${e.id}: ${e.title}`, value: `${c.meta.id}:${e.id}` }));
  });
  return [{ title: 'Not sure', value: NOT_SURE }, ...choices];
}

type Read = { value?: string } | { error: string };

/** The picks as the core reads them (ids of the chosen compact, or "not sure"), or why they do not fit the compact chosen. */
export function readUndertakings(raw: string | undefined, compactId: string | undefined, kb: KnowledgeBase): Read {
  const picks = (raw ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (picks.length === 0) return { value: undefined };
  // Typed rather than picked (an older card, or a client without the list): the core reads it as it is.
  if (!picks.every((p) => p === NOT_SURE || p.includes(':'))) return { value: raw };
  const ids: string[] = [];
  const elsewhere = new Set<string>();
  for (const p of picks) {
    if (p === NOT_SURE) continue;
    const [compact, id] = [p.slice(0, p.indexOf(':')), p.slice(p.indexOf(':') + 1)];
    // Only names from the knowledge base are said back: the picks are the client's to send, and may be anything.
    if (compact !== compactId) elsewhere.add(kb.compacts.find((c) => c.meta.id === compact)?.meta.area ?? 'another list');
    else if (id !== NOT_SURE) ids.push(id);
  }
  if (elsewhere.size > 0) {
    const chosen = kb.compacts.find((c) => c.meta.id === compactId)?.meta.name ?? 'the compact you chose';
    const from = [...elsewhere].join(', ');
    return { error: `Those undertakings are from ${from}, not the ${chosen}. Choose from the ${chosen}'s, or "Not sure".` };
  }
  return { value: ids.length > 0 ? ids.join(', ') : 'not sure' };
}
