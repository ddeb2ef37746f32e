import { compactName, reply, routeBlocks } from '../answers/compose.js';
import type { AnswerEngine } from '../answers/engine.js';
import type { Action, Block, Reply } from '../answers/reply.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { normalize } from '../search/text.js';
import type { SubmissionKind } from '../storage/submission.js';
import type { SubmissionStore } from '../storage/submission-store.js';
import { breachFlow } from './breach.js';
import { echo, type FieldContext } from './field-input.js';
import { parseField } from './fields.js';
import { advance, findField, nextField } from './flow-editing.js';
import { flowView, prompt, promptOrReview, review } from './flow-prompts.js';
import { interrupt } from './interruptions.js';
import { signupFlow } from './signup.js';
import type { FieldDef, FlowDef, FlowState } from './types.js';
import { choiceNumber, formUndertakings, parseUndertakings, undertakingList } from './undertakings.js';

export const FLOWS: Record<SubmissionKind, FlowDef> = { signup: signupFlow, breach: breachFlow };

export interface Who {
  conversationId: string;
  userId: string;
  channel: string;
}

export interface StepResult {
  /** Undefined when the flow has ended (submitted or cancelled). */
  state?: FlowState;
  reply: Reply;
}

const CANCEL = new Set(['cancel', 'stop', 'quit', 'abort', 'cancel it', 'cancel please', 'never mind', 'nevermind', 'forget it']);
const SUBMIT = new Set(['submit', 'send', 'confirm', 'yes', 'y', 'yes submit', 'submit it', 'send it', 'ok', 'done']);
const REVIEW_HINT =
  'Type "submit" to send it, "edit" and a field name (for example "edit email") to change an answer, "back", or "cancel".';
const QUESTION_START = /^(what|whats|how|why|when|where|who|which|can|could|does|do|is|are|should|must|will|would|define|explain)\b/;

export class FlowRunner {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly engine: AnswerEngine,
    private readonly store: SubmissionStore,
  ) {}

  start(flowId: SubmissionKind, compact?: string, now?: Date): StepResult {
    const flow = FLOWS[flowId];
    const state: FlowState = { flowId, values: compact ? { compact } : {}, at: 0, touchedAt: now?.toISOString() };
    state.at = nextField(flow, state, -1);
    const intro: Block[] = [
      { type: 'heading', text: flow.title },
      { type: 'text', text: flow.intro },
    ];
    if (compact) intro.push({ type: 'text', text: `Compact: ${compactName(this.kb, compact)} (type "back" to choose another).` });
    return { state, reply: prompt(this.kb, flow, state, intro) };
  }

  async step(state: FlowState, text: string, who: Who, now: Date): Promise<StepResult> {
    const result = await this.read(state, text, who, now);
    return result.state ? { ...result, state: { ...result.state, touchedAt: now.toISOString() } } : result;
  }

  private async read(state: FlowState, input: string, who: Who, now: Date): Promise<StepResult> {
    const flow = FLOWS[state.flowId];
    const asked = flow.fields[state.at];
    const place = { flow, label: asked?.label, step: `${state.at + 1} of ${flow.fields.length}` };
    const interruption = interrupt(state, input, now, place);
    if (interruption?.kind === 'reply') {
      const r = promptOrReview(this.kb, flow, interruption.state, interruption.blocks);
      return { state: interruption.state, reply: { ...r, actions: interruption.actions } };
    }
    if (interruption?.kind === 'discard') return this.cancelled(flow);
    state = { ...state, resuming: undefined, held: undefined };
    if (interruption?.kind === 'go-on') return { state, reply: promptOrReview(this.kb, flow, state) };
    const text = interruption?.kind === 'answer' ? interruption.text : input;
    const n = normalize(text);
    if (CANCEL.has(n)) return this.cancelled(flow);
    if (n === 'help' || n === '?') {
      const field = flow.fields[state.at];
      const help: Block[] = field ? [{ type: 'text', text: field.help }] : [{ type: 'text', text: REVIEW_HINT }];
      help.push({
        type: 'text',
        text:
          'At any question: "back" for the previous one, "cancel" to stop. ' +
          'You can also ask me about the compacts and come back to the form.',
      });
      return { state, reply: state.at === -1 ? review(this.kb, flow, state, help) : prompt(this.kb, flow, state, help) };
    }
    if (n === 'back') {
      const back = state.at === -1 ? flow.fields.length - 1 : Math.max(0, state.at - 1);
      const next = { ...state, at: back, editing: false };
      return { state: next, reply: prompt(this.kb, flow, next) };
    }
    if (state.at === -1) return this.atReview(flow, state, text, who, now);

    const field = flow.fields[state.at]!;
    if (this.isQuestion(text, field)) {
      const answered = this.engine.answer(text, { defaultCompact: state.values.compact as string | undefined });
      if (answered.reply.intent !== 'unknown' && answered.reply.intent !== 'help') {
        const r = prompt(this.kb, flow, state, [...answered.reply.blocks, { type: 'text', text: 'Back to the form:' }]);
        return { state, reply: { ...r, hits: answered.reply.hits } };
      }
    }
    const ctx: FieldContext = { kb: this.kb, compact: state.values.compact as string | undefined, now };
    if (field.type === 'undertakings') {
      const picked = parseUndertakings(text, ctx);
      if ('search' in picked) return this.offerUndertakings(flow, state, picked.search);
      if (!picked.ok) return { state, reply: prompt(this.kb, flow, state, [{ type: 'error', text: picked.error }]) };
      return this.answered(flow, state, field, picked.value);
    }
    const parsed = parseField(field, text, ctx);
    if (!parsed.ok) return { state, reply: prompt(this.kb, flow, state, [{ type: 'error', text: parsed.error }]) };
    return this.answered(flow, state, field, parsed.value);
  }

  private cancelled(flow: FlowDef): StepResult {
    const text = `Cancelled. Nothing from this ${flow.id === 'breach' ? 'report' : 'sign-up'} was stored.`;
    return { reply: reply(flow.id, [{ type: 'text', text }], { flow: { flowId: flow.id, title: flow.title, stage: 'cancelled' } }) };
  }

  /** Saves an answer and moves on; answers that depended on a changed one and no longer fit are asked again. */
  private answered(flow: FlowDef, state: FlowState, field: FieldDef, value: unknown): StepResult {
    const next = advance(this.kb, flow, state, field, value);
    const again = (next.pending ?? []).filter((id) => !(state.pending ?? []).includes(id));
    if (again.length === 0) return { state: next, reply: promptOrReview(this.kb, flow, next) };
    const labels = again.map((id) => `“${flow.fields.find((f) => f.id === id)!.label}”`).join(' and ');
    const note = `You changed “${field.label}”, so the answer to ${labels} no longer fits and I need to ask again.`;
    return { state: next, reply: prompt(this.kb, flow, next, [{ type: 'text', text: note }]) };
  }

  /** Validates a whole form at once (Slack modal, Teams card): errors by field id, or the stored submission. */
  async submitForm(
    flowId: SubmissionKind,
    raw: Record<string, string | undefined>,
    who: Who,
    now: Date,
  ): Promise<{ errors: Record<string, string> } | { reply: Reply }> {
    const flow = FLOWS[flowId];
    const values: Record<string, unknown> = {};
    const errors: Record<string, string> = {};
    for (const field of flow.fields) {
      const input = raw[field.id] ?? '';
      if (field.optional && input.trim() === '') continue;
      const ctx: FieldContext = { kb: this.kb, compact: values.compact as string | undefined, now };
      const parsed = field.type === 'undertakings' ? formUndertakings(this.engine, input, ctx) : parseField(field, input, ctx);
      if (parsed.ok) values[field.id] = parsed.value;
      else errors[field.id] = parsed.error;
    }
    if (Object.keys(errors).length > 0) return { errors };
    return { reply: await this.submit(flow, values, who, now) };
  }

  private async atReview(flow: FlowDef, state: FlowState, text: string, who: Who, now: Date): Promise<StepResult> {
    const n = normalize(text);
    if (SUBMIT.has(n)) return { reply: await this.submit(flow, state.values, who, now) };
    const edit = /^(?:edit|change|update|fix|correct) (.+)$/.exec(n);
    if (edit) {
      const target = findField(flow, edit[1]!);
      if (target < 0) {
        return {
          state,
          reply: review(this.kb, flow, state, [
            { type: 'error', text: `There is no field "${echo(edit[1]!, 60)}". Fields: ${flow.fields.map((f) => f.id).join(', ')}.` },
          ]),
        };
      }
      const next = { ...state, at: target, editing: true };
      return { state: next, reply: prompt(this.kb, flow, next) };
    }
    return {
      state,
      reply: review(this.kb, flow, state, [{ type: 'text', text: REVIEW_HINT }]),
    };
  }

  private async submit(flow: FlowDef, values: Record<string, unknown>, who: Who, now: Date): Promise<Reply> {
    const compact = String(values.compact);
    const submission = await this.store.createSubmission({
      kind: flow.id,
      compact,
      channel: who.channel,
      userId: who.userId,
      conversationId: who.conversationId,
      data: values,
      createdAt: now,
    });
    const c = this.kb.compacts.filter((x) => x.meta.id === compact);
    const route = routeBlocks(this.kb, c, flow.routeAtReview === 'signup' ? 'signup' : 'dispute');
    return reply(
      flow.id,
      [
        { type: 'heading', text: `Reference ${submission.ref}` },
        { type: 'text', text: `${flow.confirmation}` },
        ...route.blocks,
        { type: 'text', text: `Keep the reference ${submission.ref}; the compact team will use it when they contact you.` },
      ],
      { hits: route.hits, submission: { ref: submission.ref, kind: flow.id }, flow: { flowId: flow.id, title: flow.title, stage: 'done' } },
    );
  }

  private isQuestion(text: string, field: FieldDef): boolean {
    const t = text.trim();
    if (field.type === 'longtext') return false;
    const asksForItem =
      field.type !== 'date' && field.type !== 'undertakings' && /^(?:(?:show|read|open)\s+)?(?:[a-z]+\s+)?\d+\.\d+$/i.test(t);
    return asksForItem || t.endsWith('?') || (QUESTION_START.test(normalize(t)) && field.type !== 'text');
  }

  /** Words typed at the undertakings question: the matches, under the numbers the compact's whole list uses. */
  private offerUndertakings(flow: FlowDef, state: FlowState, text: string): StepResult {
    const list = undertakingList(this.kb, state.values.compact as string | undefined);
    const hits = this.engine.search(text, state.values.compact as string, ['undertaking'], 6);
    if (hits.length === 0) {
      const words = echo(text, 80);
      const error = `Nothing in the ${list.compactName} matched "${words}". Try other words, a number from the list, or "not sure".`;
      return { state, reply: prompt(this.kb, flow, state, [{ type: 'error', text: error }]) };
    }
    const number = (id: string) =>
      choiceNumber(
        list,
        list.entries.findIndex((e) => e.id === id),
      );
    const blocks: Block[] = [
      { type: 'text', text: `Matches in the ${list.compactName}:` },
      { type: 'fields', items: hits.map((h) => ({ label: number(h.id), value: h.title })) },
      { type: 'text', text: `Reply with the number(s), for example "${number(hits[0]!.id)}"; other words to search again; or "not sure".` },
    ];
    const actions: Action[] = hits.map((h) => ({ label: `${number(h.id)} ${h.title}`.slice(0, 75), value: number(h.id) }));
    actions.push({ label: 'Not sure', value: 'not sure' });
    return { state, reply: reply(flow.id, blocks, { actions, hits, flow: flowView(flow, state) }) };
  }
}
