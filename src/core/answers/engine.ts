import type { IntentName } from '../knowledge/schema.js';
import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import type { Candidate } from '../storage/review-store.js';
import type { Analysis } from './analyze.js';
import { answerReply, compareReply } from './answer-reply.js';
import { exactCommand } from './commands.js';
import * as compose from './compose.js';
import { browseOf, browseReply, compactsReply } from './compose-browse.js';
import { periodItem, withDates } from './compose-dates.js';
import { hasDates, readDates } from './dates.js';
import { type Decision, decide, type Ranked, type RankedItem } from './decide.js';
import { NONE_LABEL } from './features.js';
import { type ModelData, modelSchema, probabilities } from './model.js';
import type { Block, Hit, Reply } from './reply.js';
import { type Described, Scorer } from './scorer.js';
import { spanQuestion } from './span.js';
import { trainingDigest } from './train.js';

/** What the engine remembers between turns of one conversation. */
export interface AnswerContext {
  defaultCompact?: string;
  /** The last question answered, for follow-ups such as "and in Dacorum?". */
  lastQuestion?: string;
  /** The time of the message, for reading "next Friday" or a date without a year; not kept between turns. */
  now?: Date;
}

export interface EngineResult {
  reply: Reply;
  context: AnswerContext;
  /** Set when the message asks to start a guided flow. */
  start?: { flow: 'signup' | 'breach'; compact?: string };
  /** Set when the question was declined or answered with "did you mean": it is worth a maintainer's review. */
  review?: { reason: 'declined' | 'suggested'; candidates: Candidate[] };
  /** The item chosen by its button (an exact item command). */
  chosen?: string;
}

class ModelMissingError extends Error {
  constructor() {
    super('The knowledge base has no answer model (model.json): run `npm run train`.');
  }
}

/** The answer pipeline: analyse → candidates → score → decide → compose. */
export class AnswerEngine {
  readonly scorer: Scorer;
  readonly model: ModelData;
  /** The model was trained on other examples than these: answers still work, but `npm run train` is due. */
  readonly stale: boolean;

  constructor(
    readonly kb: KnowledgeBase,
    model: unknown = kb.model,
  ) {
    if (model === undefined) throw new ModelMissingError();
    this.model = modelSchema.parse(model);
    this.stale = this.model.trainedOn !== trainingDigest(kb);
    this.scorer = new Scorer(kb);
  }

  answer(question: string, context: AnswerContext = {}): EngineResult {
    const { now = new Date(), ...kept } = context;
    return this.answerAt(question, kept, now);
  }

  private answerAt(question: string, context: AnswerContext, now: Date): EngineResult {
    const ctx = { ...context };
    const command = exactCommand(this.kb, question);
    if (command) return this.onCommand(command, question, ctx);
    const a = this.scorer.analyse(question);
    if (a.refs.length > 0) {
      const found = compose.byReference(
        this.kb,
        a.refs,
        a.compacts.length > 0 ? a.compacts : ctx.defaultCompact ? [ctx.defaultCompact] : [],
      );
      if (found) return { context: ctx, reply: found };
    }
    const scope = a.compacts.length === 0 && ctx.defaultCompact ? [ctx.defaultCompact] : [];
    const described = this.scorer.describe(a, scope);
    const learned = this.learnedDecision(described, scope);
    // A question settled in review is not kept for review again.
    if (learned) return { ...this.act(question, described, learned, ctx, now), review: undefined };
    const decision = this.decide(described, question, now);
    const followUp = this.followUp(a, decision, ctx, now);
    if (followUp) return followUp;
    return this.act(question, described, decision, ctx, now);
  }

  /**
   * Takes in an example accepted in review (`label` an item key or "none"); false when the knowledge base
   * has no such item.
   */
  learn(label: string, text: string): boolean {
    if (label !== NONE_LABEL && !this.scorer.byKey.has(label)) return false;
    this.scorer.addExample(label, text);
    return true;
  }

  /** The model's three likeliest items for a question, best first. */
  candidates(question: string): Candidate[] {
    return this.topItems(this.scorer.describe(this.scorer.analyse(question)));
  }

  /** Ranked passages for a text within one compact, for choosing undertakings inside a flow. */
  search(text: string, compact?: string, kinds: Entry['kind'][] = ['undertaking'], limit = 5): Hit[] {
    const d = this.scorer.describe(this.scorer.analyse(text), compact ? [compact] : []);
    return this.rank(d)
      .filter((r): r is RankedItem => r.option.kind === 'item' && kinds.includes(r.option.entry.kind))
      .filter((r) => r.p >= this.model.thresholds.suggest / 2)
      .slice(0, limit)
      .map((r) => compose.hitOf(this.kb, r.option.entry, r.p));
  }

  /** Probabilities of every option, best first. */
  rank(d: Described): Ranked[] {
    const p = probabilities(this.model, d.features);
    return d.options.map((option, i) => ({ option, p: p[i]! })).sort((x, y) => y.p - x.p);
  }

  /** A date in the question picks, of the likely passages, the likeliest that sets a period: the date is about it. */
  private decide(d: Described, question: string, now: Date): Decision {
    const ranked = this.rank(d);
    const decision = decide(ranked, this.model.thresholds);
    const dated = decision.kind === 'suggest' && hasDates(readDates(question, now)) ? periodItem(decision.items) : undefined;
    if (!dated) return decision;
    const p = ranked.find((r) => r.option.kind === 'item' && r.option.entry === dated)?.p ?? 0;
    return { kind: 'answer', item: dated, p, others: [] };
  }

  /** A question that repeats an example accepted in review is answered as that example was labelled. */
  private learnedDecision(d: Described, scope: string[]): Decision | undefined {
    const match = this.scorer.learnedMatch(d.evidence.features);
    if (!match) return undefined;
    if (match.label === NONE_LABEL) return { kind: 'decline' };
    const item = this.scorer.byKey.get(match.label);
    if (!item || (scope.length > 0 && !scope.includes(item.compact))) return undefined;
    return { kind: 'answer', item, p: match.cos, others: [] };
  }

  private topItems(d: Described): Candidate[] {
    return this.rank(d)
      .filter((r) => r.option.kind === 'item')
      .slice(0, 3)
      .map((r) => ({ key: (r as RankedItem).option.entry.key, p: Math.round(r.p * 1000) / 1000 }));
  }

  /**
   * "And in Dacorum?": a message that names a compact but is not itself answered there is read as the
   * last question asked of that compact.
   */
  private followUp(a: Analysis, decision: Decision, ctx: AnswerContext, now: Date): EngineResult | undefined {
    if (a.compacts.length === 0 || !ctx.lastQuestion) return undefined;
    if (decision.kind === 'answer' && a.compacts.includes(decision.item.compact)) return undefined;
    if (decision.kind === 'intent' && !['use', 'compare'].includes(decision.intent)) return undefined;
    const again = this.scorer.describe(this.scorer.analyse(ctx.lastQuestion), a.compacts);
    const d = this.decide(again, ctx.lastQuestion, now);
    if (d.kind !== 'answer') return undefined;
    return this.act(ctx.lastQuestion, again, d, ctx, now);
  }

  private act(question: string, described: Described, decision: Decision, ctx: AnswerContext, now: Date): EngineResult {
    const note = compose.correctionNote(described.evidence.analysis);
    switch (decision.kind) {
      case 'answer': {
        ctx.lastQuestion = question;
        const r =
          decision.item.kind === 'term'
            ? compose.defineReply(this.kb, question, this.termsLike(decision.item, described))
            : this.answerWithDates(question, decision, described, now, note);
        return { context: ctx, reply: r };
      }
      case 'suggest':
        return {
          context: ctx,
          reply: compose.suggestReply(decision.items),
          review: { reason: 'suggested', candidates: this.topItems(described) },
        };
      case 'decline':
        return {
          context: ctx,
          reply: compose.declineReply(this.kb, decision.nearest),
          review: { reason: 'declined', candidates: this.topItems(described) },
        };
      case 'intent':
        return this.onIntent(decision.intent, question, decision.items, ctx, described);
    }
  }

  private onIntent(intent: IntentName, question: string, ranked: RankedItem[], ctx: AnswerContext, d: Described): EngineResult {
    const a = d.evidence.analysis;
    // The topic of a definition or a comparison: the items, as likely as each other once the intent is known.
    const mass = ranked.reduce((s, r) => s + r.p, 0) || 1;
    const items = ranked.map((r) => ({ entry: r.option.entry, p: r.p / mass }));
    const compact = a.compacts[0] ?? ctx.defaultCompact;
    switch (intent) {
      case 'signup':
      case 'breach':
        return { context: ctx, reply: compose.routeReply(this.kb, intent, compact ? [compact] : []), start: { flow: intent, compact } };
      case 'help':
        return { context: ctx, reply: compose.helpReply(this.kb, ctx.defaultCompact) };
      case 'thanks':
        return { context: ctx, reply: compose.thanksReply() };
      case 'use':
        return this.onCommand({ kind: 'use', compact: a.compacts[0] }, question, ctx);
      case 'list': {
        const b = browseOf(this.kb, a.content, compact);
        const everything = !compact && b.kind !== 'glossary' && b.topic.length === 0;
        return { context: ctx, reply: everything ? compactsReply(this.kb, question) : browseReply(this.kb, b, question) };
      }
      case 'define': {
        // A term the compact in scope does not define is still explained from the compacts that do.
        const term =
          items.find((r) => d.evidence.named.has(r.entry.key))?.entry ??
          items.find((r) => r.entry.kind === 'term' && r.p >= this.model.thresholds.suggest)?.entry ??
          this.scorer.spotTerms(a)[0];
        if (!term) return { context: ctx, reply: compose.declineReply(this.kb, undefined) };
        ctx.lastQuestion = question;
        return { context: ctx, reply: compose.defineReply(this.kb, question, this.termsLike(term, d)) };
      }
      case 'compare': {
        const named = a.compacts.length >= 2 ? a.compacts : this.kb.compacts.map((c) => c.meta.id);
        const twoTerms = items.length >= 2 && items.slice(0, 2).every((r) => r.entry.kind === 'term' && d.evidence.named.has(r.entry.key));
        if (twoTerms)
          return {
            context: ctx,
            reply: compose.defineReply(
              this.kb,
              question,
              items.slice(0, 2).map((r) => r.entry),
            ),
          };
        // "Compare the compacts on this": a comparison with no topic of its own is about the last question.
        let topic = d;
        let rows = this.compareRows(topic, named);
        if (rows.every((r) => !r.best) && ctx.lastQuestion) {
          topic = this.scorer.describe(this.scorer.analyse(ctx.lastQuestion));
          rows = this.compareRows(topic, named);
        }
        // A comparison of whole compacts ("the difference between Dacorum and Halton") has no passage that answers
        // it alone: each compact's likeliest passage on the question stands for it.
        if (rows.every((r) => !r.best)) {
          const likely = (id: string) => items.find((r) => r.entry.compact === id && r.p >= this.model.thresholds.suggest / 4)?.entry;
          rows = named.map((id) => ({ compact: id, best: likely(id) }));
        }
        if (rows.every((r) => !r.best)) return { context: ctx, reply: compose.declineReply(this.kb, undefined) };
        if (topic === d) ctx.lastQuestion = question;
        const r = compareReply(this.kb, question, rows, this.spanQuestion(topic));
        if (topic !== d) r.blocks.unshift({ type: 'text', text: 'Comparing the compacts on your last question:' });
        return { context: ctx, reply: r };
      }
    }
  }

  private spanQuestion(d: Described) {
    return spanQuestion(d.evidence.analysis, this.kb.synonyms);
  }

  /**
   * Each compact's passage that answers the topic, judged by the model within that compact alone: the item
   * must be likely among the compact's items and "not in the compacts", leaving aside the request to compare.
   */
  private compareRows(topic: Described, compacts: string[]): { compact: string; best?: Entry }[] {
    return compacts.map((id) => {
      const ranked = this.rank(this.scorer.describe(topic.evidence.analysis, [id]));
      const mass = ranked.reduce((s, r) => s + (r.option.kind === 'intent' ? 0 : r.p), 0) || 1;
      const best = ranked.find((r): r is RankedItem => r.option.kind === 'item' && r.option.entry.compact === id);
      return { compact: id, best: best && best.p / mass >= this.model.thresholds.answer ? best.option.entry : undefined };
    });
  }

  /** A question that gives a date, answered by a passage that sets a period: the date worked out, that passage first. */
  private answerWithDates(question: string, decision: Extract<Decision, { kind: 'answer' }>, d: Described, now: Date, note?: Block): Reply {
    const reading = readDates(question, now);
    const answering = [decision.item, ...decision.others.map((r) => r.option.entry)];
    const dated = hasDates(reading) ? periodItem(answering) : undefined;
    if (!dated) return answerReply(this.kb, question, decision, this.spanQuestion(d), note);
    const first = { option: { kind: 'item' as const, entry: decision.item }, p: decision.p };
    const others = [first, ...decision.others].filter((r) => r.option.entry !== dated);
    return withDates(answerReply(this.kb, question, { ...decision, item: dated, others }, this.spanQuestion(d), note), dated, reading);
  }

  /** A glossary answer with the entries the glossary links to it: LSP with "Local Strategic Partnership". */
  private termsLike(term: Entry, d: Described): Entry[] {
    const named =
      d.evidence.named.size > 0 ? [...d.evidence.named].map((k) => this.scorer.byKey.get(k)!) : this.scorer.spotTerms(d.evidence.analysis);
    return named.includes(term) ? [term, ...named.filter((e) => e !== term)] : [term];
  }

  private onCommand(command: NonNullable<ReturnType<typeof exactCommand>>, question: string, ctx: AnswerContext): EngineResult {
    switch (command.kind) {
      case 'item':
        return { context: ctx, reply: compose.itemReply(this.kb, question, command.entry), chosen: command.entry.key };
      case 'help':
        return { context: ctx, reply: compose.helpReply(this.kb, ctx.defaultCompact) };
      case 'browse':
        return { context: ctx, reply: browseReply(this.kb, command.browse, question) };
      case 'start':
        return {
          context: ctx,
          reply: compose.routeReply(this.kb, command.flow, ctx.defaultCompact ? [ctx.defaultCompact] : []),
          start: { flow: command.flow, compact: ctx.defaultCompact },
        };
      case 'use':
        if (command.compact) ctx.defaultCompact = command.compact;
        else delete ctx.defaultCompact;
        return { context: ctx, reply: compose.defaultCompactReply(this.kb, ctx.defaultCompact) };
    }
  }
}
