import type { IntentName } from '../knowledge/schema.js';
import type { Entry } from '../knowledge/types.js';
import type { Option } from './features.js';
import type { ModelData } from './model.js';

export interface Ranked {
  option: Option;
  p: number;
}

/** A ranked option that is an item. */
export type RankedItem = Ranked & { option: { kind: 'item'; entry: Entry } };

/** What to do with a question, from the model's probabilities. */
export type Decision =
  | { kind: 'answer'; item: Entry; p: number; others: RankedItem[] }
  | { kind: 'suggest'; items: Entry[] }
  | { kind: 'intent'; intent: IntentName; p: number; items: RankedItem[] }
  | { kind: 'decline'; nearest?: Entry };

/** How likely another compact's passage must be, beside the answer, to be shown as answering too. */
const ALSO_ANSWERS = 0.12;
const SUGGESTIONS = 3;

/**
 * Answer when the best item is likely enough; offer up to three items when it is not but items are still
 * the likeliest thing; otherwise say it is not in the compacts. An intent that wins is acted on.
 */
export function decide(ranked: Ranked[], thresholds: ModelData['thresholds']): Decision {
  const sorted = [...ranked].sort((a, b) => b.p - a.p);
  const items = sorted.filter((r): r is RankedItem => r.option.kind === 'item');
  const top = sorted[0]!;
  if (top.option.kind === 'intent') return { kind: 'intent', intent: top.option.intent, p: top.p, items };
  const best = items[0];
  if (top.option.kind === 'item' && best) {
    const others = items.filter((r) => r.option.entry.compact !== best.option.entry.compact && r.p >= ALSO_ANSWERS);
    const oneEach = others.filter((r, i) => others.findIndex((o) => o.option.entry.compact === r.option.entry.compact) === i);
    // Passages of different compacts that answer alike share the probability; together they are the answer.
    const p = best.p + oneEach.reduce((s, r) => s + r.p, 0);
    if (p >= thresholds.answer) return { kind: 'answer', item: best.option.entry, p, others: oneEach };
  }
  const likely = items.filter((r) => r.p >= thresholds.suggest);
  if (top.option.kind === 'item' && likely.length > 0)
    return { kind: 'suggest', items: likely.slice(0, SUGGESTIONS).map((r) => r.option.entry) };
  return { kind: 'decline', nearest: best && best.p >= thresholds.suggest / 2 ? best.option.entry : undefined };
}
