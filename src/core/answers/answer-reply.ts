import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { hasAnswerOfType } from './answer-type.js';
import { hitOf, REPORT, reply, SIGN_UP } from './compose.js';
import type { Decision } from './decide.js';
import { fitToScreen, openAction } from './fit.js';
import type { Action, Block, CompareRow, Hit, Reply } from './reply.js';
import { pickSpan, type SpanQuestion } from './span.js';

/** Answer and comparison replies: the answer first (the span that answers, emphasised), then the passage. */

/** A sign-up or dispute route answered is followed by the form that does it. */
function formFor(e: Entry): Action[] {
  return e.route?.kind === 'signup' ? [SIGN_UP] : e.route?.kind === 'dispute' ? [REPORT] : [];
}

/**
 * The passage to lead with: the model's best, unless the question wants a kind of answer (a duration, a
 * date, a count) that it does not state and another answering passage does.
 */
function leadIndex(entries: Entry[], q: SpanQuestion): number {
  if (!q.type || hasAnswerOfType(q.type, entries[0]!.text)) return 0;
  const i = entries.findIndex((e) => hasAnswerOfType(q.type, e.text));
  return Math.max(i, 0);
}

export function answerReply(
  kb: KnowledgeBase,
  question: string,
  decision: Extract<Decision, { kind: 'answer' }>,
  q: SpanQuestion,
  note?: Block,
): Reply {
  const ranked = [{ entry: decision.item, p: decision.p }, ...decision.others.slice(0, 3).map((r) => ({ entry: r.option.entry, p: r.p }))];
  const lead = leadIndex(
    ranked.map((r) => r.entry),
    q,
  );
  const ordered = [ranked[lead]!, ...ranked.filter((_, i) => i !== lead)];
  const hits = ordered.map((r) => hitOf(kb, r.entry, r.p));
  const [main, ...others] = hits as [Hit, ...Hit[]];
  const blocks: Block[] = [{ type: 'answer', span: pickSpan(main.text, q).text, hit: main }];
  if (note) blocks.push(note);
  blocks.push({ type: 'quote', hit: main });
  if (others.length > 0) {
    blocks.push({ type: 'heading', text: 'The other compacts on this' });
    for (const hit of others)
      blocks.push({ type: 'also', span: pickSpan(hit.text, q).text, hit, open: openAction(hit, `${hit.citation.compactName} in full`) });
  }
  const r = reply('answer', blocks, { hits, actions: formFor(ordered[0]!.entry), feedback: { question, keys: hits.map((h) => h.key) } });
  return fitToScreen(r);
}

/** One row per compact: the span of its passage that answers, or nothing when it says nothing on this. */
export function compareReply(kb: KnowledgeBase, question: string, rows: { compact: string; best?: Entry }[], q: SpanQuestion): Reply {
  const hits: Hit[] = [];
  const table: CompareRow[] = rows.map((row) => {
    const compactName = kb.compacts.find((c) => c.meta.id === row.compact)?.meta.name ?? row.compact;
    if (!row.best) return { compactName };
    const hit = hitOf(kb, row.best, 1);
    hits.push(hit);
    return { compactName, answer: { span: pickSpan(hit.text, q).text, hit, open: openAction(hit, `${compactName} in full`) } };
  });
  return reply('compare', [{ type: 'table', rows: table }], { hits, feedback: { question, keys: hits.map((h) => h.key) } });
}
