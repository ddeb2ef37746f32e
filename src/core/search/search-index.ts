import type { Entry } from '../knowledge/types.js';
import { contentStems } from './text.js';

/** Field weights for BM25F: our titles and keywords say what an item is about more densely than its prose. */
const FIELDS = [
  {
    name: 'name',
    weight: 3,
    b: 0.3,
    of: (e: Entry) => (e.kind === 'term' ? [e.title, e.term?.acronym ?? '', ...e.keywords].join(' ') : ''),
  },
  { name: 'title', weight: 2, b: 0.5, of: (e: Entry) => (e.kind === 'term' ? '' : e.title) },
  { name: 'keywords', weight: 1.5, b: 0.3, of: (e: Entry) => (e.kind === 'term' ? '' : e.keywords.join(' ')) },
  { name: 'text', weight: 1, b: 0.75, of: (e: Entry) => e.text },
  {
    name: 'contacts',
    weight: 1.5,
    b: 0.3,
    of: (e: Entry) =>
      (e.route?.contacts ?? [])
        .map((c) => [c.name, c.role, c.organisation, c.phone ? 'phone' : '', c.email ? 'email' : ''].join(' '))
        .join(' '),
  },
  {
    name: 'context',
    weight: 0.4,
    b: 0.5,
    of: (e: Entry) => [e.section ?? '', e.kind === 'undertaking' ? '' : (e.heading ?? '')].join(' '),
  },
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
  /** The question's own stems this entry matches, itself or by a synonym. */
  matched: string[];
}

interface Posting {
  docs: Int32Array;
  /** BM25 saturated term frequency, precomputed. */
  weights: Float64Array;
}

export class SearchIndex {
  private readonly postings = new Map<string, Posting>();
  private readonly idfs = new Map<string, number>();

  constructor(readonly entries: Entry[]) {
    const stemsByField = entries.map((e) => FIELDS.map((f) => contentStems(f.of(e))));
    const avg = FIELDS.map((_, fi) => stemsByField.reduce((s, d) => s + d[fi]!.length, 0) / Math.max(1, entries.length) || 1);
    const lists = new Map<string, { doc: number; tf: number }[]>();
    stemsByField.forEach((fields, doc) => {
      const tf = new Map<string, number>();
      fields.forEach((stems, fi) => {
        const f = FIELDS[fi]!;
        const norm = 1 - f.b + (f.b * stems.length) / avg[fi]!;
        for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + f.weight / norm);
      });
      for (const [s, v] of tf) {
        let list = lists.get(s);
        if (!list) lists.set(s, (list = []));
        list.push({ doc, tf: v });
      }
    });
    const n = entries.length;
    for (const [s, list] of lists) {
      this.postings.set(s, {
        docs: Int32Array.from(list, (p) => p.doc),
        weights: Float64Array.from(list, (p) => (p.tf * (K1 + 1)) / (p.tf + K1)),
      });
      this.idfs.set(s, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
    }
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
    const origins = [...new Set(terms.map((t) => t.origin))];
    const own = new Float64Array(origins.length);
    for (const t of terms) if (t.stem === t.origin) own[origins.indexOf(t.origin)] = t.importance ?? t.weight;
    const ownTotal = own.reduce((a, b) => a + b, 0) || 1;
    const n = this.entries.length;
    // Per question word, an entry scores its best match among the word and its synonyms, plus a little for
    // the others: a passage full of near-synonyms of one word must not outrank one that matches every word.
    const best = new Float64Array(origins.length * n);
    const sum = new Float64Array(origins.length * n);
    const touched: number[] = [];
    const seen = new Uint8Array(n);
    for (const t of terms) {
      const posting = this.postings.get(t.stem);
      if (!posting) continue;
      const base = origins.indexOf(t.origin) * n;
      const w = t.weight * this.idf(t.stem);
      for (let i = 0; i < posting.docs.length; i++) {
        const doc = posting.docs[i]!;
        const v = w * posting.weights[i]!;
        if (v > best[base + doc]!) best[base + doc] = v;
        sum[base + doc]! += v;
        if (!seen[doc]) {
          seen[doc] = 1;
          touched.push(doc);
        }
      }
    }
    const top: Scored[] = [];
    for (const doc of touched) {
      const entry = this.entries[doc]!;
      if (filter && !filter(entry)) continue;
      let score = 0;
      let covered = 0;
      const matched: string[] = [];
      for (let o = 0; o < origins.length; o++) {
        const b = best[o * n + doc]!;
        if (b === 0) continue;
        score += b + SYNONYM_SHARE * (sum[o * n + doc]! - b);
        covered += own[o]!;
        matched.push(origins[o]!);
      }
      insertTop(top, { entry, score, coverage: covered / ownTotal, matched }, limit);
    }
    return top;
  }
}

/** Keeps the `limit` best, in order, without sorting every candidate. */
function insertTop(top: Scored[], item: Scored, limit: number): void {
  if (top.length === limit && compare(item, top[top.length - 1]!) >= 0) return;
  let i = top.length;
  while (i > 0 && compare(item, top[i - 1]!) < 0) i--;
  top.splice(i, 0, item);
  if (top.length > limit) top.pop();
}

function compare(a: Scored, b: Scored): number {
  return b.score - a.score || (a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0);
}
