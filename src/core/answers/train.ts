import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/types.js';
import { decide } from './decide.js';
import { NONE_LABEL } from './features.js';
import { fitTemperature, type ModelData, probabilities, type TrainingCase, train } from './model.js';
import { labelOf, Scorer } from './scorer.js';

/** A digest of everything training reads, so a model trained on other examples is noticed at load. */
export function trainingDigest(kb: KnowledgeBase): string {
  const h = createHash('sha256');
  for (const e of kb.entries) h.update(JSON.stringify([e.key, e.title, e.text, e.keywords, e.asked]));
  h.update(JSON.stringify([kb.intents, kb.outOfScope, kb.synonyms]));
  return h.digest('hex').slice(0, 16);
}

/** The knowledge base less the examples of one fold (every `folds`-th example of each label). */
export function withoutFold(
  kb: KnowledgeBase,
  fold: number,
  folds: number,
): { kb: KnowledgeBase; heldOut: { label: string; text: string }[] } {
  const heldOut: { label: string; text: string }[] = [];
  const keep = (label: string, asked: string[]) =>
    asked.filter((text, i) => {
      if (i % folds !== fold) return true;
      heldOut.push({ label, text });
      return false;
    });
  const entries = kb.entries.map((e) => ({ ...e, asked: keep(e.key, e.asked) }));
  const byKey = new Map(entries.map((e) => [e.key, e]));
  return {
    kb: {
      ...kb,
      entries,
      compacts: kb.compacts.map((c) => ({ ...c, entries: c.entries.map((e) => byKey.get(e.key)!) })),
      intents: kb.intents.map((i) => ({ ...i, asked: keep(`intent:${i.intent}`, i.asked) })),
      outOfScope: [
        {
          subject: 'all',
          asked: keep(
            NONE_LABEL,
            kb.outOfScope.flatMap((o) => o.asked),
          ),
        },
      ],
    },
    heldOut,
  };
}

/** A question with its right answer: an intent, "unknown" for out of scope, and the passages (compact:id) that answer it. */
export interface CalibrationQuestion {
  q: string;
  intent: string;
  expect: string[];
}

/**
 * Trains the answer model: weights on every example (each described as if unseen), a temperature fitted on
 * `folds` held-out folds of the examples, and the answer threshold chosen on `calibration` questions (our
 * development sets, written the way staff ask) so that an answer is given only where it is right three
 * times as often as it is wrong. Deterministic.
 */
export function trainModel(kb: KnowledgeBase, calibration: CalibrationQuestion[], folds = 4): ModelData {
  const held: Prediction[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const split = withoutFold(kb, fold, folds);
    const scorer = new Scorer(split.kb);
    const weights = train(scorer.trainingCases());
    for (const ex of split.heldOut) {
      const d = scorer.describe(scorer.analyse(ex.text));
      const labels = d.options.map(labelOf);
      if (labels.includes(ex.label)) held.push({ case: { options: d.features, gold: labels.indexOf(ex.label), weight: 1 }, weights });
    }
  }
  const scorer = new Scorer(kb);
  const weights = train(scorer.trainingCases());
  const temperature = fitTemperatureAcross(held);
  return {
    trainedOn: trainingDigest(kb),
    weights,
    temperature,
    thresholds: chooseThresholds(scorer, { weights, temperature }, calibration),
  };
}

interface Prediction {
  case: TrainingCase;
  weights: Record<string, number>;
}

function fitTemperatureAcross(held: Prediction[]): number {
  // Each fold has its own weights; the temperature is fitted on each fold's held-out cases and averaged.
  const byWeights = new Map<Record<string, number>, TrainingCase[]>();
  for (const h of held) byWeights.set(h.weights, [...(byWeights.get(h.weights) ?? []), h.case]);
  const n = held.length || 1;
  const sum = [...byWeights].reduce((s, [w, cases]) => s + fitTemperature(w, cases) * cases.length, 0);
  return Math.round((sum / n) * 100) / 100;
}

const passageOf = (label: string) =>
  label
    .split(':')
    .filter((_, i) => i !== 1)
    .join(':');

/** The answer threshold with the most answers right less three times the answers wrong; "did you mean" starts at 40% of it. */
function chooseThresholds(
  scorer: Scorer,
  model: Pick<ModelData, 'weights' | 'temperature'>,
  questions: CalibrationQuestion[],
): ModelData['thresholds'] {
  const items = questions
    .filter((q) => q.intent !== 'unknown' || q.expect.length === 0)
    .map((q) => {
      const d = scorer.describe(scorer.analyse(q.q));
      const p = probabilities(model, d.features);
      return { q, ranked: d.options.map((option, i) => ({ option, p: p[i]! })) };
    });
  let best = { answer: 0.5, utility: -Infinity };
  for (let answer = 0.2; answer <= 0.9001; answer += 0.025) {
    const thresholds = { answer, suggest: answer * 0.4 };
    let utility = 0;
    for (const { q, ranked } of items) {
      const d = decide(ranked, thresholds);
      if (d.kind !== 'answer') continue;
      const right = q.intent !== 'unknown' && (q.expect.length === 0 || q.expect.includes(passageOf(d.item.key)));
      utility += right ? 1 : -3;
    }
    if (utility > best.utility) best = { answer, utility };
  }
  return { answer: Math.round(best.answer * 1000) / 1000, suggest: Math.round(best.answer * 400) / 1000 };
}
