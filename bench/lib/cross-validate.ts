import { AnswerEngine } from '../../src/core/answers/engine.js';
import { train } from '../../src/core/answers/model.js';
import { Scorer } from '../../src/core/answers/scorer.js';
import { withoutFold } from '../../src/core/answers/train.js';
import type { KnowledgeBase } from '../../src/core/knowledge/types.js';
import type { LabelledQuestion } from './questions.js';
import { judge, pct, tallyBy, type Verdict } from './score.js';

/** The labelled question an example stands for: an item's (its compact and id), an intent, or out of scope. */
function asQuestion(kb: KnowledgeBase, label: string, text: string): LabelledQuestion {
  if (label === 'none') return { q: text, intent: 'unknown', expect: [], category: 'out-of-scope' };
  if (label.startsWith('intent:'))
    return { q: text, intent: label.slice(7) as LabelledQuestion['intent'], expect: [], category: 'intents' };
  const e = kb.entries.find((x) => x.key === label)!;
  return { q: text, intent: e.kind === 'term' ? 'define' : 'answer', expect: [`${e.compact}:${e.id}`], category: `items (${e.kind}s)` };
}

/**
 * k-fold cross-validation over the examples: each fold's examples are taken out of the knowledge base, the
 * weights are trained on the rest, and the fold is asked as new questions (the shipped temperature and thresholds).
 */
export function crossValidate(kb: KnowledgeBase, folds = 4): void {
  const questions: LabelledQuestion[] = [];
  const verdicts: Verdict[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const split = withoutFold(kb, fold, folds);
    const weights = train(new Scorer(split.kb).trainingCases());
    const engine = new AnswerEngine(split.kb, { ...(kb.model as object), weights });
    for (const ex of split.heldOut) {
      const q = asQuestion(kb, ex.label, ex.text);
      const r = engine.answer(ex.text).reply;
      questions.push(q);
      verdicts.push(judge(q, { intent: r.intent, keys: r.hits.map((h) => `${h.compact}:${h.id}`) }));
    }
  }
  console.log(`\n## ${folds}-fold cross-validation over the examples (each fold held out of the index and of training)`);
  console.log('category              n    right  wrong-cit  declined  oos-declined');
  const t = tallyBy(questions, verdicts);
  for (const [cat, x] of [...t].sort(([a], [b]) => (a === 'ALL' ? 1 : b === 'ALL' ? -1 : a.localeCompare(b)))) {
    console.log(
      `${cat.padEnd(20)} ${String(x.n).padStart(4)}  ${pct(x.right, x.n).padStart(6)}  ${pct(x.wrongCitation, x.n).padStart(9)}  ` +
        `${pct(x.declined, x.answerable).padStart(8)}  ${pct(x.outOfScopeDeclined, x.outOfScope).padStart(12)}`,
    );
  }
}
