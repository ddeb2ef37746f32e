import type { IntentName } from '../knowledge/schema.js';
import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { compareReply } from './answer-reply.js';
import { commandReply } from './command-reply.js';
import * as compose from './compose.js';
import { browseOf, browseReply, compactsReply } from './compose-browse.js';
import type { RankedItem } from './decide.js';
import type { AnswerContext, EngineParts, EngineResult } from './engine-types.js';
import type { Described } from './scorer.js';
import { spanQuestion } from './span.js';

export function intentReply(
  engine: EngineParts,
  intent: IntentName,
  question: string,
  ranked: RankedItem[],
  ctx: AnswerContext,
  d: Described,
): EngineResult {
  const { kb, scorer, model } = engine;
  const a = d.evidence.analysis;
  // The topic of a definition or a comparison: the items, as likely as each other once the intent is known.
  const mass = ranked.reduce((s, r) => s + r.p, 0) || 1;
  const items = ranked.map((r) => ({ entry: r.option.entry, p: r.p / mass }));
  const compact = a.compacts[0] ?? ctx.defaultCompact;
  switch (intent) {
    case 'signup':
    case 'breach':
      return { context: ctx, reply: compose.routeReply(kb, intent, compact ? [compact] : []), start: { flow: intent, compact } };
    case 'help':
      return { context: ctx, reply: compose.helpReply(kb, ctx.defaultCompact) };
    case 'thanks':
      return { context: ctx, reply: compose.thanksReply() };
    case 'use':
      return commandReply(kb, { kind: 'use', compact: a.compacts[0] }, question, ctx);
    case 'list': {
      const b = browseOf(kb, a.content, compact);
      const everything = !compact && b.kind !== 'glossary' && b.topic.length === 0;
      return { context: ctx, reply: everything ? compactsReply(kb, question) : browseReply(kb, b, question) };
    }
    case 'define': {
      // A term the compact in scope does not define is still explained from the compacts that do.
      const term =
        items.find((r) => d.evidence.named.has(r.entry.key))?.entry ??
        items.find((r) => r.entry.kind === 'term' && r.p >= model.thresholds.suggest)?.entry ??
        scorer.spotTerms(a)[0];
      if (!term) return { context: ctx, reply: compose.declineReply(kb, undefined) };
      ctx.lastQuestion = question;
      return { context: ctx, reply: compose.defineReply(kb, question, termsLike(engine, term, d)) };
    }
    case 'compare':
      return compareIntent(engine, question, items, ctx, d);
  }
}

function compareIntent(
  engine: EngineParts,
  question: string,
  items: { entry: Entry; p: number }[],
  ctx: AnswerContext,
  d: Described,
): EngineResult {
  const { kb, scorer, model } = engine;
  const a = d.evidence.analysis;
  const named = a.compacts.length >= 2 ? a.compacts : kb.compacts.map((c) => c.meta.id);
  const twoTerms = items.length >= 2 && items.slice(0, 2).every((r) => r.entry.kind === 'term' && d.evidence.named.has(r.entry.key));
  if (twoTerms)
    return {
      context: ctx,
      reply: compose.defineReply(
        kb,
        question,
        items.slice(0, 2).map((r) => r.entry),
      ),
    };
  // "Compare the compacts on this": a comparison with no topic of its own is about the last question.
  let topic = d;
  let rows = compareRows(engine, topic, named);
  if (rows.every((r) => !r.best) && ctx.lastQuestion) {
    topic = scorer.describe(scorer.analyse(ctx.lastQuestion));
    rows = compareRows(engine, topic, named);
  }
  // A comparison of whole compacts ("the difference between Dacorum and Halton") has no passage that answers
  // it alone: each compact's likeliest passage on the question stands for it.
  if (rows.every((r) => !r.best)) {
    const likely = (id: string) => items.find((r) => r.entry.compact === id && r.p >= model.thresholds.suggest / 4)?.entry;
    rows = named.map((id) => ({ compact: id, best: likely(id) }));
  }
  if (rows.every((r) => !r.best)) return { context: ctx, reply: compose.declineReply(kb, undefined) };
  if (topic === d) ctx.lastQuestion = question;
  const r = compareReply(kb, question, rows, spanOf(kb, topic));
  if (topic !== d) r.blocks.unshift({ type: 'text', text: 'Comparing the compacts on your last question:' });
  return { context: ctx, reply: r };
}

/**
 * Each compact's passage that answers the topic, judged by the model within that compact alone: the item
 * must be likely among the compact's items and "not in the compacts", leaving aside the request to compare.
 */
function compareRows(engine: EngineParts, topic: Described, compacts: string[]): { compact: string; best?: Entry }[] {
  return compacts.map((id) => {
    const ranked = engine.rank(engine.scorer.describe(topic.evidence.analysis, [id]));
    const mass = ranked.reduce((s, r) => s + (r.option.kind === 'intent' ? 0 : r.p), 0) || 1;
    const best = ranked.find((r): r is RankedItem => r.option.kind === 'item' && r.option.entry.compact === id);
    return { compact: id, best: best && best.p / mass >= engine.model.thresholds.answer ? best.option.entry : undefined };
  });
}

export function spanOf(kb: KnowledgeBase, d: Described) {
  return spanQuestion(d.evidence.analysis, kb.synonyms);
}

/** A glossary answer with the entries the glossary links to it: LSP with "Local Strategic Partnership". */
export function termsLike(engine: EngineParts, term: Entry, d: Described): Entry[] {
  const { scorer } = engine;
  const named = d.evidence.named.size > 0 ? [...d.evidence.named].map((k) => scorer.byKey.get(k)!) : scorer.spotTerms(d.evidence.analysis);
  return named.includes(term) ? [term, ...named.filter((e) => e !== term)] : [term];
}
