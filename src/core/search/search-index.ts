import type { Entry } from '../knowledge/types.js';
import { contentStems } from './text.js';

/** Field weights for BM25F: our titles and keywords say what an item is about more densely than its prose. */
const FIELDS = [
  { name: 'name', weight: 3, b: 0.3, of: (e: Entry) => (e.kind === 'term' ? [e.title, e.term?.acronym ?? '', ...e.keywords].join(' ') : '') },
  { name: 'title', weight: 2, b: 0.5, of: (e: Entry) => (e.kind === 'term' ? '' : e.title) },
  { name: 'keywords', weight: 1.5, b: 0.3, of: (e: Entry) => (e.kind === 'term' ? '' : e.keywords.join(' ')) },
  { name: 'text', weight: 1, b: 0.75, of: (e: Entry) => e.text },
  {
    name: 'contacts',
    weight: 1.5,
    b: 0.3,
    of: (e: Entry) => (e.route?.contacts ?? []).map((c) => [c.name, c.role, c.organisation, c.phone ? 'phone' : '', c.email ? 'email' : ''].join(' ')).join(' '),
  },
  { name: 'context', weight: 0.4, b: 0.5, of: (e: Entry) => [e.section ?? '', e.kind === 'undertaking' ? '' : e.heading ?? ''].join(' ') },
] as const;

const K1 = 1.2;
const SYNONYM_SHARE = 0.25;

export interface QueryTerm {
  stem: string;
  weight: number;
  /** The question's own stem this term stands for. */
  origin: string;
  /** How much the question's own stem matters for coverage (its IDF); defaults to `weight`. */
  importance?: number;
}

export interface Scored {
  entry: Entry;
  score: number;
  /** Share of the question's own weight (before expansion) that this entry matches. */
  coverage: number;
}

export class SearchIndex {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly idfs = new Map<string, number>();

  constructor(readonly entries: Entry[]) {
    const stemsByField = entries.map((e) => FIELDS.map((f) => contentStems(f.of(e))));
    const avg = FIELDS.map((_, fi) => stemsByField.reduce((s, d) => s + d[fi]!.length, 0) / Math.max(1, entries.length) || 1);
    stemsByField.forEach((fields, doc) => {
      const tf = new Map<string, number>();
      fields.forEach((stems, fi) => {
        const f = FIELDS[fi]!;
        const norm = 1 - f.b + (f.b * stems.length) / avg[fi]!;
        for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + f.weight / norm);
      });
      for (const [s, v] of tf) {
        let list = this.postings.get(s);
        if (!list) this.postings.set(s, (list = []));
        list.push({ doc, tf: v });
      }
    });
    const n = entries.length;
    for (const [s, list] of this.postings) this.idfs.set(s, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
  }

  has(stem: string): boolean {
    return this.postings.has(stem);
  }

  idf(stem: string): number {
    return this.idfs.get(stem) ?? 0;
  }

  /** The IDF of a stem that occurs once: what an unknown word weighs when judging coverage. */
  get maxIdf(): number {
    const n = this.entries.length;
    return Math.log(1 + (n - 1 + 0.5) / 1.5);
  }

  /**
   * Scores entries for weighted query terms. Each term names the question word it came from
   * (itself, or the word a synonym expanded), so coverage counts a synonym match as covering that word.
   */
  search(terms: QueryTerm[], filter?: (e: Entry) => boolean, limit = 10): Scored[] {
    const ownWeight = new Map<string, number>();
    for (const t of terms) if (t.stem === t.origin) ownWeight.set(t.origin, t.importance ?? t.weight);
    const ownTotal = [...ownWeight.values()].reduce((a, b) => a + b, 0) || 1;
    // Per question word, an entry scores its best match among the word and its synonyms, plus a little for
    // the others: a passage full of near-synonyms of one word must not outrank one that matches every word.
    const scores = new Map<number, Map<string, { best: number; sum: number }>>();
    for (const t of terms) {
      const list = this.postings.get(t.stem);
      if (!list) continue;
      const idf = this.idf(t.stem);
      for (const p of list) {
        let byOrigin = scores.get(p.doc);
        if (!byOrigin) scores.set(p.doc, (byOrigin = new Map()));
        const v = t.weight * idf * ((p.tf * (K1 + 1)) / (p.tf + K1));
        const acc = byOrigin.get(t.origin);
        if (acc) {
          acc.best = Math.max(acc.best, v);
          acc.sum += v;
        } else byOrigin.set(t.origin, { best: v, sum: v });
      }
    }
    const out: Scored[] = [];
    for (const [doc, byOrigin] of scores) {
      const entry = this.entries[doc]!;
      if (filter && !filter(entry)) continue;
      let score = 0;
      let covered = 0;
      for (const [origin, { best, sum }] of byOrigin) {
        score += best + SYNONYM_SHARE * (sum - best);
        covered += ownWeight.get(origin) ?? 0;
      }
      out.push({ entry, score, coverage: covered / ownTotal });
    }
    out.sort((a, b) => b.score - a.score || a.entry.key.localeCompare(b.entry.key));
    return out.slice(0, limit);
  }
}
