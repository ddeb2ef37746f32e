import { z } from 'zod';

/**
 * The answer model: a conditional logit. Each option open to a question (an item, an intent, or "not in
 * the compacts") is described by named features; its score is the weighted sum, and a softmax over the
 * options, divided by a temperature fitted on held-out folds, gives calibrated probabilities.
 * The weights describe evidence, not items, so examples added later take part without retraining.
 */

export type Features = Record<string, number>;

export const modelSchema = z.strictObject({
  /** Digest of the knowledge and examples the weights were trained on. */
  trainedOn: z.string(),
  weights: z.record(z.string(), z.number()),
  temperature: z.number().positive(),
  /** Decision thresholds chosen on held-out folds. */
  thresholds: z.strictObject({ answer: z.number(), suggest: z.number() }),
});

export type ModelData = z.infer<typeof modelSchema>;

function score(weights: Record<string, number>, f: Features): number {
  let s = 0;
  for (const k in f) s += (weights[k] ?? 0) * f[k]!;
  return s;
}

/** Probabilities of the options, in their order. */
export function probabilities(model: Pick<ModelData, 'weights' | 'temperature'>, options: Features[]): number[] {
  const scores = options.map((f) => score(model.weights, f) / model.temperature);
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

export interface TrainingCase {
  options: Features[];
  /** Index of the right option. */
  gold: number;
  /** How much the case counts (balances classes of different sizes). */
  weight: number;
}

/**
 * Maximum likelihood with an L2 penalty, by full-batch gradient descent with Adam from zero weights:
 * deterministic for the same cases in the same order.
 */
export function train(cases: TrainingCase[], { epochs = 300, rate = 0.05, l2 = 1e-5 } = {}): Record<string, number> {
  const names = [...new Set(cases.flatMap((c) => c.options.flatMap((o) => Object.keys(o))))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  // Flat arrays: option k of all cases spans ids/values [optionStart[k], optionStart[k + 1]).
  const ids: number[] = [];
  const values: number[] = [];
  const optionStart: number[] = [0];
  const caseStart: number[] = [0];
  for (const c of cases) {
    for (const o of c.options) {
      for (const [k, x] of Object.entries(o)) {
        ids.push(index.get(k)!);
        values.push(x);
      }
      optionStart.push(ids.length);
    }
    caseStart.push(optionStart.length - 1);
  }
  const fid = Int32Array.from(ids);
  const fval = Float64Array.from(values);
  const ostart = Int32Array.from(optionStart);
  const total = cases.reduce((s, c) => s + c.weight, 0);
  const w = new Float64Array(names.length);
  const m = new Float64Array(names.length);
  const v = new Float64Array(names.length);
  const grad = new Float64Array(names.length);
  const scores = new Float64Array(Math.max(...cases.map((c) => c.options.length)));
  for (let t = 1; t <= epochs; t++) {
    grad.fill(0);
    for (let c = 0; c < cases.length; c++) {
      const first = caseStart[c]!;
      const n = caseStart[c + 1]! - first;
      let max = -Infinity;
      for (let k = 0; k < n; k++) {
        let sc = 0;
        for (let j = ostart[first + k]!; j < ostart[first + k + 1]!; j++) sc += w[fid[j]!]! * fval[j]!;
        scores[k] = sc;
        if (sc > max) max = sc;
      }
      let sum = 0;
      for (let k = 0; k < n; k++) sum += scores[k] = Math.exp(scores[k]! - max);
      const scale = cases[c]!.weight / total;
      for (let k = 0; k < n; k++) {
        const g = (scores[k]! / sum - (k === cases[c]!.gold ? 1 : 0)) * scale;
        for (let j = ostart[first + k]!; j < ostart[first + k + 1]!; j++) grad[fid[j]!]! += g * fval[j]!;
      }
    }
    for (let i = 0; i < w.length; i++) {
      const g = grad[i]! + l2 * w[i]!;
      m[i] = 0.9 * m[i]! + 0.1 * g;
      v[i] = 0.999 * v[i]! + 0.001 * g * g;
      w[i]! -= (rate * (m[i]! / (1 - 0.9 ** t))) / (Math.sqrt(v[i]! / (1 - 0.999 ** t)) + 1e-8);
    }
  }
  return Object.fromEntries(names.map((n, i) => [n, Math.round(w[i]! * 1e4) / 1e4]));
}

/** The temperature that makes held-out probabilities most likely (a grid search: cheap and deterministic). */
export function fitTemperature(weights: Record<string, number>, cases: TrainingCase[]): number {
  let best = { t: 1, nll: Infinity };
  for (let t = 0.5; t <= 3.001; t += 0.05) {
    let nll = 0;
    for (const c of cases) nll -= c.weight * Math.log(Math.max(1e-12, probabilities({ weights, temperature: t }, c.options)[c.gold]!));
    if (nll < best.nll) best = { t: Math.round(t * 100) / 100, nll };
  }
  return best.t;
}
