import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import type { Candidate } from '../storage/review-store.js';
import type { Analysis } from './analyze.js';
import { answerReply } from './answer-reply.js';
import { commandReply } from './command-reply.js';
import { exactCommand } from './commands.js';
import * as compose from './compose.js';
import { periodItem, withDates } from './compose-dates.js';
import { hasDates, readDates } from './dates.js';
import { type Decision, decide, type Ranked, type RankedItem } from './decide.js';
import type { AnswerContext, EngineResult } from './engine-types.js';
import { NONE_LABEL } from './features.js';
import { intentReply, spanOf, termsLike } from './intent-reply.js';
import { type ModelData, modelSchema, probabilities } from './model.js';
import type { Block, Hit, Reply } from './reply.js';
import { type Described, Scorer } from './scorer.js';
import { trainingDigest } from './train.js';

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
    if (command) return commandReply(this.kb, command, question, ctx);
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
            ? compose.defineReply(this.kb, question, termsLike(this, decision.item, described))
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
        return intentReply(this, decision.intent, question, decision.items, ctx, described);
    }
  }

  /** A question that gives a date, answered by a passage that sets a period: the date worked out, that passage first. */
  private answerWithDates(question: string, decision: Extract<Decision, { kind: 'answer' }>, d: Described, now: Date, note?: Block): Reply {
    const reading = readDates(question, now);
    const answering = [decision.item, ...decision.others.map((r) => r.option.entry)];
    const dated = hasDates(reading) ? periodItem(answering) : undefined;
    if (!dated) return answerReply(this.kb, question, decision, spanOf(this.kb, d), note);
    const first = { option: { kind: 'item' as const, entry: decision.item }, p: decision.p };
    const others = [first, ...decision.others].filter((r) => r.option.entry !== dated);
    return withDates(answerReply(this.kb, question, { ...decision, item: dated, others }, spanOf(this.kb, d), note), dated, reading);
  }
}
