import type { Compact, KnowledgeBase } from '../../src/core/knowledge/types.js';

const SUFFIXES = ['north', 'south', 'east', 'west', 'vale', 'downs', 'marsh', 'moor', 'ford', 'wick'];

/** A synthetic name for copy `n`, made of letters so the analyzer treats it as a place name. */
function placeName(base: string, n: number): string {
  let s = '';
  let k = n;
  do {
    s += SUFFIXES[k % SUFFIXES.length];
    k = Math.floor(k / SUFFIXES.length);
  } while (k > 0);
  return `${base}${s}`;
}

/** The knowledge base `times` over: copies of the real compacts under synthetic names, to show how cost grows. */
export function replicate(kb: KnowledgeBase, times: number): KnowledgeBase {
  const compacts: Compact[] = [...kb.compacts];
  for (let n = 1; n < times; n++) {
    for (const c of kb.compacts) {
      const id = placeName(c.meta.id, n);
      compacts.push({
        meta: { ...c.meta, id, area: id, name: `${c.meta.name} (copy ${n})`, aliases: [] },
        texts: c.texts,
        entries: c.entries.map((e) => ({ ...e, compact: id, key: `${id}:${e.kind}:${e.id}` })),
      });
    }
  }
  return { ...kb, compacts, entries: compacts.flatMap((c) => c.entries) };
}
