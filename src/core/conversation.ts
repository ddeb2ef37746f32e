import { reply } from './answers/compose.js';
import type { AnswerEngine } from './answers/engine.js';
import type { AnswerContext } from './answers/engine-types.js';
import type { Reply } from './answers/reply.js';
import { FLOWS, FlowRunner, type Who } from './flows/runner.js';
import type { FlowState } from './flows/types.js';
import type { KnowledgeBase } from './knowledge/types.js';
import { type QuestionCapture, replyGiven } from './review/capture.js';
import { newReviewId } from './review/mask.js';
import type { Store, SubmissionKind } from './storage/store.js';

/** The store could not be reached; the turn was not applied. */
class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

async function unavailableOnError<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (error) {
    throw new StoreUnavailableError(error instanceof Error ? error.message : String(error));
  }
}

/** The store with every failure turned into StoreUnavailableError, so a turn can tell the user instead of failing silently. */
function guarded(store: Store): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise ? unavailableOnError(result) : result;
      };
    },
  });
}

const UNAVAILABLE = 'I cannot save right now. Your answers so far are kept: try again in a minute.';

function unavailableReply(): Reply {
  return reply('unknown', [{ type: 'error', text: UNAVAILABLE }]);
}

/** The reply to a turn refused because the store could not be reached: an outage, not an unanswered question. */
export function isUnavailableReply(r: Reply): boolean {
  return r.blocks.some((b) => b.type === 'error' && b.text === UNAVAILABLE);
}

export interface Inbound extends Who {
  text: string;
}

/**
 * Where a person's state lives: one conversation (a DM, a thread, a channel) holds a separate state for each
 * person in it, so nobody can continue, edit or submit a form someone else started.
 */
export function stateKey(who: Pick<Who, 'conversationId' | 'userId'>): string {
  return `${who.conversationId}|user:${who.userId}`;
}

/** A turn's reply and, from answerPrivately, the form a request to report or sign up asks for. */
export interface Answered {
  reply: Reply;
  form?: { flow: SubmissionKind; compact?: string };
}

interface ConversationState {
  answer: AnswerContext;
  flow?: FlowState;
  /** The last question kept for review, so the button then pressed is recorded with it. */
  review?: string;
}

/** A turn's result, and what to keep for review once the turn is committed. */
type Turned = Answered & { keep?: (capture: QuestionCapture) => Promise<void> };

export interface BotDeps {
  kb: KnowledgeBase;
  engine: AnswerEngine;
  store: Store;
  clock?: () => Date;
  /** How long an untouched conversation (and any flow in it) is kept. */
  ttlMs?: number;
  /** Told of every reply and how long it took, e.g. for metrics. */
  onReply?: (reply: Reply, seconds: number) => void;
  /** Keeps declined, "did you mean" and 👎 questions for review; without it none are kept. */
  capture?: QuestionCapture;
  /** Told when keeping a question for review failed: the reply still goes. */
  onCaptureError?: (error: unknown) => void;
}

/**
 * One turn: message in, reply out. Loads the conversation state, routes to the flow in progress or to
 * the answer engine, and saves the new state before the reply is returned to the channel.
 */
export class Conversations {
  readonly kb: KnowledgeBase;
  readonly engine: AnswerEngine;
  readonly store: Store;
  private readonly raw: Store;
  private readonly clock: () => Date;
  private readonly ttlMs: number;
  private readonly onReply?: (reply: Reply, seconds: number) => void;
  private readonly capture?: QuestionCapture;
  private readonly onCaptureError: (error: unknown) => void;

  constructor(deps: BotDeps) {
    this.capture = deps.capture;
    this.onCaptureError = deps.onCaptureError ?? (() => undefined);
    this.kb = deps.kb;
    this.engine = deps.engine;
    this.raw = deps.store;
    this.store = guarded(deps.store);
    this.clock = deps.clock ?? (() => new Date());
    this.ttlMs = deps.ttlMs ?? 24 * 60 * 60 * 1000;
    this.onReply = deps.onReply;
  }

  /** Handles a message; when the store cannot be reached the user is told so, and nothing is half-saved. */
  async handle(msg: Inbound): Promise<Reply> {
    return (await this.answer(msg, false)).reply;
  }

  /**
   * A message whose answer only its author sees, so no guided conversation can follow it: a request to
   * report or sign up comes back as `form`, for the channel to open, and is not started.
   */
  answerPrivately(msg: Inbound): Promise<Answered> {
    return this.answer(msg, true);
  }

  private async answer(msg: Inbound, offerForm: boolean): Promise<Answered> {
    const started = performance.now();
    let result: Turned;
    try {
      result = await this.locked(stateKey(msg), (store, runner) => this.turn(store, runner, msg, offerForm));
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      result = { reply: unavailableReply() };
    }
    if (result.keep && this.capture) await result.keep(this.capture).catch(this.onCaptureError);
    this.onReply?.(result.reply, (performance.now() - started) / 1000);
    return { reply: result.reply, ...(result.form ? { form: result.form } : {}) };
  }

  private async turn(store: Store, runner: FlowRunner, msg: Inbound, offerForm: boolean): Promise<Turned> {
    const now = this.clock();
    const key = stateKey(msg);
    const state = await this.load(store, key, now);
    if (state.flow) {
      const step = await runner.step(state.flow, msg.text, msg, now);
      await this.save(store, key, { answer: state.answer, flow: step.state }, now);
      return { reply: step.reply };
    }
    const result = this.engine.answer(msg.text, { ...state.answer, now });
    if (result.start && offerForm) return { reply: result.reply, form: result.start };
    if (result.start) {
      const started = runner.start(result.start.flow, result.start.compact);
      await this.save(store, key, { answer: result.context, flow: started.state }, now);
      return { reply: started.reply };
    }
    const kept = this.capture && result.review ? newReviewId() : undefined;
    const review = kept ?? (result.chosen ? state.review : undefined);
    await this.save(store, key, { answer: result.context, ...(review ? { review } : {}) }, now);
    const { review: why, chosen } = result;
    if (kept && why)
      return { reply: result.reply, keep: (c) => c.keep(kept, msg, msg.text, why.reason, replyGiven(result.reply), why.candidates) };
    if (review && chosen) return { reply: result.reply, keep: (c) => c.pressed(review, chosen) };
    return { reply: result.reply };
  }

  /** Starts a guided flow directly (a button, a slash command), replacing any flow in progress. */
  async startFlow(who: Who, flowId: SubmissionKind, compact?: string): Promise<Reply> {
    try {
      return await this.locked(stateKey(who), async (store, runner) => {
        const now = this.clock();
        const state = await this.load(store, stateKey(who), now);
        const started = runner.start(flowId, compact ?? state.answer.defaultCompact);
        await this.save(store, stateKey(who), { answer: state.answer, flow: started.state }, now);
        return started.reply;
      });
    } catch (error) {
      if (error instanceof StoreUnavailableError) return unavailableReply();
      throw error;
    }
  }

  /** A whole form at once (Slack modal, Teams card). On success the conversational flow, if any, is closed. */
  async submitForm(
    who: Who,
    flowId: SubmissionKind,
    values: Record<string, string | undefined>,
  ): Promise<{ errors: Record<string, string> } | { reply: Reply }> {
    const now = this.clock();
    const started = performance.now();
    try {
      const result = await this.locked(stateKey(who), async (store, runner) => {
        const submitted = await runner.submitForm(flowId, values, who, now);
        if ('reply' in submitted) {
          const state = await this.load(store, stateKey(who), now);
          if (state.flow?.flowId === flowId) await this.save(store, stateKey(who), { answer: state.answer }, now);
        }
        return submitted;
      });
      if ('reply' in result) this.onReply?.(result.reply, (performance.now() - started) / 1000);
      return result;
    } catch (error) {
      // The form stays open with what was typed: the message sits on its first field.
      if (error instanceof StoreUnavailableError) return { errors: { [FLOWS[flowId].fields[0]!.id]: UNAVAILABLE } };
      throw error;
    }
  }

  /** Records 👍/👎; a 👎 also keeps the question for review. */
  async feedback(who: Who, question: string, answerKeys: string[], helpful: boolean): Promise<void> {
    await this.store.recordFeedback({ ...who, question, answerKeys, helpful, createdAt: this.clock() });
    if (helpful || !this.capture) return;
    const given = { intent: 'answer', keys: answerKeys };
    await this.capture.keep(newReviewId(), who, question, 'disliked', given, this.engine.candidates(question)).catch(this.onCaptureError);
  }

  /**
   * Runs a turn in the conversation's lock (Store.inConversation) with a guarded store and a flow runner on
   * it. Failing to take the lock or to commit is StoreUnavailableError; the turn's own errors pass unchanged.
   */
  private async locked<T>(key: string, work: (store: Store, runner: FlowRunner) => Promise<T>): Promise<T> {
    let failed: unknown;
    try {
      return await this.raw.inConversation(key, async (tx) => {
        const store = guarded(tx);
        try {
          return await work(store, new FlowRunner(this.kb, this.engine, store));
        } catch (error) {
          failed = error;
          throw error;
        }
      });
    } catch (error) {
      if (error === failed) throw error;
      throw new StoreUnavailableError(error instanceof Error ? error.message : String(error));
    }
  }

  private async load(store: Store, key: string, now: Date): Promise<ConversationState> {
    const raw = (await store.getConversation(key, now)) as ConversationState | undefined;
    return raw && typeof raw === 'object' ? { answer: raw.answer ?? {}, flow: raw.flow, review: raw.review } : { answer: {} };
  }

  private async save(store: Store, key: string, state: ConversationState, now: Date): Promise<void> {
    await store.putConversation(key, state, new Date(now.getTime() + this.ttlMs));
  }
}
