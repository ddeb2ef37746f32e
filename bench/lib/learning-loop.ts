import { AnswerEngine } from '../../src/core/answers/engine.js';
import { NONE_LABEL } from '../../src/core/answers/features.js';
import type { KnowledgeBase } from '../../src/core/knowledge/types.js';
import type { LabelledQuestion } from './questions.js';
import { judge, pct, type Tally, tallyBy, type Verdict } from './score.js';

/**
 * The review loop on a held-back set, nothing tuned on it: the questions alternate between "traffic" (asked
 * first) and "later questions". Every traffic question the bot declined or got wrong is accepted as an
 * example with its right label, as a maintainer would in review; the later questions are asked before and
 * after. Traffic asked again shows what repeats gain; the later ones, what new wording gains.
 */
export function learningLoop(kb: KnowledgeBase, file: string, questions: LabelledQuestion[]): void {
  const traffic = questions.filter((_, i) => i % 2 === 0);
  const later = questions.filter((_, i) => i % 2 === 1);
  const engine = new AnswerEngine(kb);
  const ask = (q: LabelledQuestion): Verdict => {
    const r = engine.answer(q.q).reply;
    return judge(q, { intent: r.intent, keys: r.hits.map((h) => `${h.compact}:${h.id}`) });
  };
  const tally = (qs: LabelledQuestion[]) => tallyBy(qs, qs.map(ask)).get('ALL')!;
  const laterBefore = tally(later);
  const trafficBefore = traffic.map(ask);
  let accepted = 0;
  traffic.forEach((q, i) => {
    if (trafficBefore[i] === 'right') return;
    const label = labelOf(kb, q);
    if (label && engine.learn(label, q.q)) accepted += 1;
  });
  const laterAfter = tally(later);
  const trafficAfter = tally(traffic);
  console.log(`\n## The review loop on ${file}: ${traffic.length} traffic questions, ${later.length} later ones`);
  console.log(`${accepted} traffic questions declined or answered wrongly were accepted as examples (no retraining)`);
  console.log('columns: right, wrong citation, declined when answerable, out-of-scope declined');
  console.log(`later questions, before   ${row(laterBefore)}`);
  console.log(`later questions, after    ${row(laterAfter)}`);
  console.log(`traffic, before           ${row(tallyBy(traffic, trafficBefore).get('ALL')!)}`);
  console.log(`traffic asked again       ${row(trafficAfter)}`);
}

/** The label a maintainer would give: the first expected item, or "none" for a question the compacts do not cover. */
function labelOf(kb: KnowledgeBase, q: LabelledQuestion): string | undefined {
  if (q.intent === 'unknown') return NONE_LABEL;
  const [compact, id] = (q.expect[0] ?? '').split(':');
  return kb.entries.find((e) => e.compact === compact && e.id === id)?.key;
}

const row = (t: Tally) =>
  [pct(t.right, t.n), pct(t.wrongCitation, t.n), pct(t.declined, t.answerable), pct(t.outOfScopeDeclined, t.outOfScope)]
    .map((cell) => cell.padStart(6))
    .join(' ');
