import Fuse from 'fuse.js';
import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { stem, words } from '../search/text.js';
import type { Analysis } from './analyze.js';

const ARTICLES = new Set(['the', 'a', 'an']);

/** A name as stems, articles left out: "the Third Sector" and "third sectors" meet. */
function nameKey(text: string): string {
  return words(text)
    .filter((w) => !ARTICLES.has(w))
    .map(stem)
    .join(' ');
}

/** Glossary names (term, acronym, expansion, aliases) and where they stand in a question. */
export class Glossary {
  private readonly byStart = new Map<string, { entry: Entry; name: string[] }[]>();
  private readonly byName = new Map<string, Entry[]>();
  private readonly fuzzy: Fuse<string>;
  /** One-word names as written ("consultation"), for matching a misspelling. */
  private readonly written = new Map<string, string>();

  constructor(kb: KnowledgeBase) {
    for (const entry of kb.entries) {
      const t = entry.term;
      if (!t) continue;
      for (const n of [t.term, t.acronym, t.expansion, ...t.aliases]) {
        if (!n) continue;
        const key = nameKey(n);
        if (key === '') continue;
        const seq = key.split(' ');
        const list = this.byStart.get(seq[0]!) ?? [];
        list.push({ entry, name: seq });
        this.byStart.set(seq[0]!, list);
        this.byName.set(key, [...new Set([...(this.byName.get(key) ?? []), entry])]);
        const plain = words(n).join(' ');
        if (plain.length >= 4 && !plain.includes(' ')) this.written.set(plain, key);
      }
    }
    this.fuzzy = new Fuse([...this.written.keys()], { includeScore: true, threshold: 0.2, ignoreLocation: true });
  }

  /** Entries named in the question, longest name first; failing that, a long word near a one-word name ("consultaton"). */
  spot(a: Analysis): Entry[] {
    const stems = a.typed.filter((w) => !ARTICLES.has(w)).map(stem);
    const found: { entries: Entry[]; length: number }[] = [];
    for (let at = 0; at < stems.length; at++) {
      for (const c of this.byStart.get(stems[at]!) ?? []) {
        if (c.name.every((x, j) => stems[at + j] === x)) found.push({ entries: [c.entry], length: c.name.length });
      }
    }
    if (found.length === 0) {
      for (const w of a.words.filter((x) => x.length >= 6 && !a.compacts.includes(x))) {
        const best = this.fuzzy.search(w, { limit: 1 })[0];
        if (best && (best.score ?? 1) <= 0.2) found.push({ entries: this.byName.get(this.written.get(best.item)!) ?? [], length: 1 });
      }
    }
    found.sort((x, y) => y.length - x.length);
    return this.withExpansions([...new Set(found.flatMap((f) => f.entries))]);
  }

  /** An acronym brings the entries that define its expansion: LSP → "Local Strategic Partnership". */
  private withExpansions(found: Entry[]): Entry[] {
    const more = found.flatMap((e) => (e.term?.expansion ? (this.byName.get(nameKey(e.term.expansion)) ?? []) : []));
    return [...new Set([...found, ...more])];
  }
}
