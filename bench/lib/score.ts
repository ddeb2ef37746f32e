import type { LabelledQuestion } from './questions.js';

export interface Outcome {
  intent: string;
  /** `compact:id` of the passages, best first. */
  keys: string[];
}

/** How a reply did: right; a wrong citation (a passage that does not answer); declined; or another wrong intent. */
export type Verdict = 'right' | 'wrong-citation' | 'declined' | 'wrong-intent';

const CITING = new Set(['answer', 'define', 'compare']);

export function judge(q: LabelledQuestion, o: Outcome): Verdict {
  const cites = CITING.has(o.intent) && o.keys.length > 0;
  if (q.intent === 'unknown') return o.intent === 'unknown' ? 'right' : cites ? 'wrong-citation' : 'wrong-intent';
  if (CITING.has(q.intent) && q.expect.length > 0) {
    if (o.intent === 'unknown') return 'declined';
    if (!cites) return 'wrong-intent';
    if (!q.expect.includes(o.keys[0]!)) return 'wrong-citation';
    // A definition asked as a question ("what is an LSP?") is right either way; a comparison must compare.
    const sameIntent = o.intent === q.intent || (q.intent !== 'compare' && o.intent !== 'compare');
    return sameIntent ? 'right' : 'wrong-intent';
  }
  if (o.intent === q.intent) return 'right';
  // "How do I sign up to the Halton compact?" is answered by quoting its sign-up route.
  if ((q.intent === 'signup' || q.intent === 'breach') && cites && q.expect.includes(o.keys[0]!)) return 'right';
  return o.intent === 'unknown' ? 'declined' : cites ? 'wrong-citation' : 'wrong-intent';
}

export interface Tally {
  n: number;
  right: number;
  wrongCitation: number;
  /** Answerable questions (not out of scope) and how many of them were declined. */
  answerable: number;
  declined: number;
  outOfScope: number;
  outOfScopeDeclined: number;
}

export function tallyBy(questions: LabelledQuestion[], verdicts: Verdict[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  const add = (key: string, q: LabelledQuestion, v: Verdict) => {
    const t = out.get(key) ?? { n: 0, right: 0, wrongCitation: 0, answerable: 0, declined: 0, outOfScope: 0, outOfScopeDeclined: 0 };
    t.n++;
    if (v === 'right') t.right++;
    if (v === 'wrong-citation') t.wrongCitation++;
    if (q.intent === 'unknown') {
      t.outOfScope++;
      if (v === 'right') t.outOfScopeDeclined++;
    } else {
      t.answerable++;
      if (v === 'declined') t.declined++;
    }
    out.set(key, t);
  };
  questions.forEach((q, i) => {
    add(q.category, q, verdicts[i]!);
    add('ALL', q, verdicts[i]!);
  });
  return out;
}

export const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);
