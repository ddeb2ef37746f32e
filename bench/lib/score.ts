import type { LabelledQuestion } from './questions.js';

export interface Outcome {
  intent: string;
  /** `compact:id` of the passages, best first. */
  keys: string[];
}

export interface Verdict {
  intentOk: boolean;
  top1: boolean;
  top3: boolean;
  /** Intent right and, where passages are expected, the best passage among them. */
  correct: boolean;
}

export function judge(q: LabelledQuestion, o: Outcome): Verdict {
  const intentOk = o.intent === q.intent;
  const top1 = q.expect.length === 0 || (o.keys[0] !== undefined && q.expect.includes(o.keys[0]));
  const top3 = q.expect.length === 0 || o.keys.slice(0, 3).some((k) => q.expect.includes(k));
  return { intentOk, top1, top3, correct: intentOk && top1 };
}

export interface Tally {
  n: number;
  correct: number;
  intent: number;
  top3: number;
}

export function tallyBy(questions: LabelledQuestion[], verdicts: Verdict[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  const add = (key: string, v: Verdict) => {
    const t = out.get(key) ?? { n: 0, correct: 0, intent: 0, top3: 0 };
    t.n++;
    t.correct += v.correct ? 1 : 0;
    t.intent += v.intentOk ? 1 : 0;
    t.top3 += v.intentOk && v.top3 ? 1 : 0;
    out.set(key, t);
  };
  questions.forEach((q, i) => {
    add(q.category, verdicts[i]!);
    add('ALL', verdicts[i]!);
  });
  return out;
}

export const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
