/**
 * Nearest example questions. Every example (an item's `asked`, an intent's or an out-of-scope question) is
 * kept as two TF-IDF vectors: word stems with their bigrams, and character n-grams inside words (which
 * still meet when a word is misspelt). Words are compared with every example through inverted lists;
 * characters only with the examples of the labels still in question, so the cost stays with the words.
 */

/** A question's features: `words` are stems (and bigrams), `chars` are character n-grams. */
export interface Featurized {
  words: string[];
  chars: string[];
}

export interface LabelSimilarity {
  /** Word cosines with this label's examples, best first (at most three). */
  words: number[];
  /** Best character n-gram cosine. */
  chars: number;
  /** Word cosine with the centroid of this label's examples: what they have in common. */
  centroid: number;
}

interface Space {
  ids: Map<string, number>;
  df: number[];
}

interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

/** A word cosine above this is the same question reworded by a letter or two. */
const NEAR_COPY = 0.85;
/** Words so common they say little are not looked up: their weight in any cosine is tiny. */
const MIN_QUERY_IDF = 0.4;

export class ExampleIndex {
  private readonly labels: string[] = [];
  private readonly docsOf = new Map<string, number[]>();
  private readonly words: Space = { ids: new Map(), df: [] };
  private readonly chars: Space = { ids: new Map(), df: [] };
  private readonly postings: { doc: number[]; weight: number[] }[] = [];
  private readonly charVectors: SparseVector[] = [];
  private readonly wordVectors: SparseVector[] = [];
  private readonly centroids = new Map<string, SparseVector>();
  /** How many examples the IDF was counted over. */
  private readonly counted: number;
  private scratch = new Float64Array(0);
  private readonly buffers: [Float64Array, Float64Array] = [new Float64Array(0), new Float64Array(0)];

  constructor(examples: { label: string; features: Featurized }[]) {
    for (const e of examples) {
      for (const t of new Set(e.features.words)) this.words.df[this.idOf(this.words, t)]! += 1;
      for (const t of new Set(e.features.chars)) this.chars.df[this.idOf(this.chars, t)]! += 1;
    }
    this.counted = Math.max(1, examples.length);
    for (const e of examples) this.add(e.label, e.features);
  }

  /** Adds an example; live additions are weighted with the IDF of the examples the index was built with. */
  add(label: string, f: Featurized): number {
    // A word no example had before counts as seen once.
    for (const [space, feats] of [
      [this.words, f.words],
      [this.chars, f.chars],
    ] as const) {
      for (const t of feats) if (!space.ids.has(t)) space.df[this.idOf(space, t)] = 1;
    }
    const doc = this.labels.length;
    this.labels.push(label);
    this.docsOf.set(label, [...(this.docsOf.get(label) ?? []), doc]);
    for (const [id, w] of this.vector(this.words, f.words)) {
      while (this.postings.length <= id) this.postings.push({ doc: [], weight: [] });
      this.postings[id]!.doc.push(doc);
      this.postings[id]!.weight.push(w);
    }
    this.wordVectors.push(sparse(this.vector(this.words, f.words)));
    this.charVectors.push(sparse(this.vector(this.chars, f.chars)));
    this.centroids.delete(label);
    return doc;
  }

  /** The nearest of `docs` that the question repeats nearly word for word (word cosine ≥ NEAR_COPY), if any. */
  nearCopy(f: Featurized, docs: ReadonlySet<number>): { label: string; cos: number } | undefined {
    let best: { label: string; cos: number } | undefined;
    this.cosines(f.words, -1, (doc, cos) => {
      if (docs.has(doc) && cos >= NEAR_COPY && cos > (best?.cos ?? 0)) best = { label: this.labels[doc]!, cos };
    });
    return best;
  }

  /**
   * Word similarity of a question to each label's examples, and character similarity to the examples of
   * `charLabels` only (a misspelt word still shares most of its n-grams). `exclude` leaves one example out.
   */
  similar(
    f: Featurized,
    charLabels: (words: Map<string, LabelSimilarity>) => Iterable<string>,
    exclude = -1,
  ): Map<string, LabelSimilarity> {
    const out = new Map<string, LabelSimilarity>();
    // Left out with the example are its near-copies under any label (the same question asked of another
    // compact): the question is then as new as a real one, whose wording no example has.
    const skip = new Set<number>([exclude]);
    this.cosines(f.words, exclude, (doc, cos) => {
      if (exclude >= 0 && cos >= NEAR_COPY) {
        skip.add(doc);
        return;
      }
      const label = this.labels[doc]!;
      let s = out.get(label);
      if (!s) out.set(label, (s = { words: [], chars: 0, centroid: 0 }));
      const w = s.words;
      if (w.length < 3) w.push(cos);
      else if (cos > w[2]!) w[2] = cos;
      else return;
      w.sort((a, b) => b - a);
    });
    const chars = this.dense(this.chars, f.chars, 0);
    const words = this.dense(this.words, f.words, 1);
    for (const label of new Set(charLabels(out))) {
      let best = 0;
      for (const doc of this.docsOf.get(label) ?? []) if (!skip.has(doc)) best = Math.max(best, dot(chars, this.charVectors[doc]!));
      const centroid = dot(words, this.centroid(label, skip));
      const s = out.get(label);
      if (s) Object.assign(s, { chars: best, centroid });
      else out.set(label, { words: [], chars: best, centroid });
    }
    chars.fill(0);
    words.fill(0);
    return out;
  }

  /** A question's vector, dense, in one of two buffers reused between questions (cleared after use). */
  private dense(space: Space, feats: string[], buffer: 0 | 1): Float64Array {
    if (this.buffers[buffer].length < space.ids.size) this.buffers[buffer] = new Float64Array(space.ids.size * 2);
    for (const [id, w] of this.vector(space, feats)) this.buffers[buffer][id] = w;
    return this.buffers[buffer];
  }

  /** The normalised sum of a label's word vectors, less the examples left out when training. */
  private centroid(label: string, skip: Set<number>): SparseVector {
    const docs = this.docsOf.get(label) ?? [];
    const cached = this.centroids.get(label);
    const skipping = docs.some((d) => skip.has(d));
    if (cached && !skipping) return cached;
    const sum = new Map<number, number>();
    for (const doc of docs) {
      if (skip.has(doc)) continue;
      const v = this.wordVectors[doc]!;
      for (let i = 0; i < v.ids.length; i++) sum.set(v.ids[i]!, (sum.get(v.ids[i]!) ?? 0) + v.weights[i]!);
    }
    const norm = Math.sqrt([...sum.values()].reduce((a, w) => a + w * w, 0)) || 1;
    for (const [id, w] of sum) sum.set(id, w / norm);
    const c = sparse(sum);
    if (!skipping) this.centroids.set(label, c);
    return c;
  }

  private idOf(space: Space, t: string): number {
    let id = space.ids.get(t);
    if (id === undefined) {
      id = space.ids.size;
      space.ids.set(t, id);
      space.df.push(0);
    }
    return id;
  }

  private idf(space: Space, id: number): number {
    return Math.log(1 + this.counted / Math.max(1, space.df[id]!));
  }

  private vector(space: Space, feats: string[]): Map<number, number> {
    const tf = new Map<number, number>();
    for (const t of feats) {
      const id = space.ids.get(t);
      if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    let norm = 0;
    for (const [id, n] of tf) {
      const w = (1 + Math.log(n)) * this.idf(space, id);
      tf.set(id, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [id, w] of tf) tf.set(id, w / norm);
    return tf;
  }

  /** Calls `each` with every example that shares a word feature with the question, and its cosine. */
  private cosines(feats: string[], exclude: number, each: (doc: number, cos: number) => void) {
    if (this.scratch.length < this.labels.length) this.scratch = new Float64Array(this.labels.length * 2);
    const acc = this.scratch;
    const touched: number[] = [];
    for (const [id, w] of this.vector(this.words, feats)) {
      if (this.idf(this.words, id) < MIN_QUERY_IDF) continue;
      const p = this.postings[id];
      if (!p) continue;
      for (let i = 0; i < p.doc.length; i++) {
        const doc = p.doc[i]!;
        if (acc[doc] === 0) touched.push(doc);
        acc[doc]! += w * p.weight[i]!;
      }
    }
    for (const doc of touched) {
      if (doc !== exclude) each(doc, acc[doc]!);
      acc[doc] = 0;
    }
  }
}

function sparse(v: Map<number, number>): SparseVector {
  return { ids: Int32Array.from(v.keys()), weights: Float32Array.from(v.values()) };
}

function dot(dense: Float64Array, v: SparseVector): number {
  let s = 0;
  for (let i = 0; i < v.ids.length; i++) s += dense[v.ids[i]!]! * v.weights[i]!;
  return s;
}
