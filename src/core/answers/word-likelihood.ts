import type { Featurized } from './example-index.js';

/**
 * Multinomial naive Bayes over the word features of each label's examples: how likely a question's words
 * are under each label. Unlike nearest examples it learns which words tell one label from the others.
 * Counts only, so an example added at run time counts at once.
 */
export class WordLikelihood {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, number>();
  private readonly vocabulary = new Set<string>();

  constructor(examples: { label: string; features: Featurized }[]) {
    for (const e of examples) this.add(e.label, e.features);
  }

  add(label: string, f: Featurized, sign = 1): void {
    let c = this.counts.get(label);
    if (!c) this.counts.set(label, (c = new Map()));
    for (const w of f.words) {
      c.set(w, (c.get(w) ?? 0) + sign);
      this.vocabulary.add(w);
    }
    this.totals.set(label, (this.totals.get(label) ?? 0) + sign * f.words.length);
  }

  /**
   * Probabilities over `labels` (softmax of the log-likelihoods, per question word); `own` is taken out of
   * its label first, as if that example had never been seen.
   */
  posterior(f: Featurized, labels: string[], own?: { label: string; features: Featurized }): Map<string, number> {
    if (own) this.add(own.label, own.features, -1);
    const known = f.words.filter((w) => this.vocabulary.has(w));
    const v = this.vocabulary.size;
    const logs = labels.map((label) => {
      const c = this.counts.get(label);
      const total = this.totals.get(label) ?? 0;
      let s = 0;
      for (const w of known) s += Math.log(((c?.get(w) ?? 0) + ALPHA) / (total + ALPHA * v));
      return s / Math.max(1, known.length);
    });
    if (own) this.add(own.label, own.features, 1);
    const max = Math.max(...logs);
    const exp = logs.map((x) => Math.exp(SHARPNESS * (x - max)));
    const sum = exp.reduce((a, b) => a + b, 0);
    return new Map(labels.map((l, i) => [l, exp[i]! / sum]));
  }
}

const ALPHA = 0.1;
/** The per-word average log-likelihood is scaled back up before the softmax, as if by a typical question length. */
const SHARPNESS = 8;
