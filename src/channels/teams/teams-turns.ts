import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import {
  decideQuestion,
  FLOWS,
  groupQuestions,
  helpReply,
  reply as makeReply,
  type Reply,
  type SubmissionKind,
  type Who,
} from '../../core/index.js';
import type { Runtime } from '../../runtime.js';
import type { AdminCheck } from './admins.js';
import { type AdaptiveCard, cardMessage } from './card-elements.js';
import { formCard, submitCard, typedValues } from './form-card.js';
import { addressedText, type CardSubmit, type Command, cardSubmit, isShared, teamsCommand, whoOf } from './inbound.js';
import { replyCard } from './reply-card.js';
import { reportsPlaceholder } from './report-admin-card.js';
import type { ReportNotices } from './report-notices.js';
import { reviewCard } from './review-card.js';
import { SharedForms } from './shared-forms.js';

const noticeOf = (text: string, intent: Reply['intent'] = 'help') => makeReply(intent, [{ type: 'text', text }]);

/** One Teams turn: a message, a card button, or the bot being added to a conversation. */
export class TeamsTurns {
  private readonly forms: SharedForms;

  constructor(
    private readonly app: Runtime,
    private readonly admins: AdminCheck,
    private readonly notices: ReportNotices,
    private readonly log: Logger,
  ) {
    this.forms = new SharedForms(app, notices, log);
  }

  /** The turn; for an invoke, the body of its response. */
  async onTurn(ctx: TurnContext): Promise<unknown> {
    if (ctx.activity.type === ActivityTypes.Message) await this.onMessage(ctx);
    else if (ctx.activity.type === ActivityTypes.ConversationUpdate) await this.onConversationUpdate(ctx);
    else if (ctx.activity.type === ActivityTypes.Invoke) return this.forms.onInvoke(ctx);
    return undefined;
  }

  private async onMessage(ctx: TurnContext): Promise<void> {
    const who = whoOf(ctx.activity);
    const pressed = cardSubmit(ctx.activity);
    if (pressed === 'invalid')
      return this.send(
        ctx,
        replyCard(noticeOf('I could not read that button (the card may be from an older version). Please type your message instead.')),
      );
    if (pressed) return this.onCardSubmit(ctx, who, pressed);
    const text = addressedText(ctx.activity);
    if (text === undefined) return;
    const command = teamsCommand(text);
    if (command) return this.onCommand(ctx, who, command);
    await this.answer(ctx, who, text || 'help');
  }

  /** Others read a channel or group chat: a form is never asked for there, only offered to its requester. */
  private async answer(ctx: TurnContext, who: Who, text: string): Promise<void> {
    if (!isShared(ctx.activity)) return this.sendReply(ctx, await this.app.bot.handle({ ...who, text }));
    const answered = await this.app.bot.answerPrivately({ ...who, text });
    if (answered.form) return this.send(ctx, this.forms.offer(ctx.activity, answered.form.flow));
    await this.sendReply(ctx, answered.reply);
  }

  private async onCardSubmit(ctx: TurnContext, who: Who, pressed: CardSubmit): Promise<void> {
    switch (pressed.compactBot) {
      case 'message':
        return this.answer(ctx, who, pressed.text);
      case 'feedback':
        await this.app.bot.feedback(who, pressed.question, pressed.keys, pressed.helpful);
        return this.send(ctx, replyCard(noticeOf('Thank you: your feedback is recorded.')));
      case 'cancel': {
        const what = pressed.flowId === 'breach' ? 'report' : 'sign-up';
        return this.replaceCard(ctx, replyCard(noticeOf(`Cancelled. Nothing from this ${what} was stored.`, pressed.flowId)));
      }
      case 'form':
        return this.onFormSubmit(ctx, who, pressed.flowId, pressed);
      case 'review':
        return this.onReviewDecision(ctx, who, pressed);
    }
  }

  /** An administrator's decision on a question in review; audited, and the card is drawn again without it. */
  private async onReviewDecision(ctx: TurnContext, who: Who, pressed: Extract<CardSubmit, { compactBot: 'review' }>): Promise<void> {
    const refused = this.admins(ctx.activity);
    if (refused) return this.send(ctx, replyCard(makeReply('help', [{ type: 'error', text: refused }])));
    const verdict = pressed.decision === 'example' ? { kind: 'example' as const, item: pressed.item ?? '' } : { kind: pressed.decision };
    const deps = { kb: this.app.kb, review: this.app.review, store: this.app.store };
    const decided = await decideQuestion(deps, pressed.id, verdict, `teams:${who.userId}`);
    if (decided.ok) this.app.metrics.reviewDecisions.inc({ decision: verdict.kind });
    const note = decided.ok
      ? `Done: "${decided.question.question}" is ${decided.question.status === 'example' ? 'now an example' : decided.question.status}.`
      : decided.error;
    await this.replaceCard(ctx, await this.reviewCard(note));
  }

  private async reviewCard(note?: string): Promise<AdaptiveCard> {
    return reviewCard(this.app.kb, groupQuestions(await this.app.review.listQuestions('pending')), note);
  }

  private async onFormSubmit(ctx: TurnContext, who: Who, flowId: SubmissionKind, data: Record<string, unknown>): Promise<void> {
    const flow = FLOWS[flowId];
    if (isShared(ctx.activity)) return this.send(ctx, this.forms.offer(ctx.activity, flowId));
    const result = await submitCard(this.app.bot, who, flow, this.app.kb, data);
    if ('errors' in result) return this.replaceCard(ctx, formCard(flow, this.app.kb, { values: typedValues(data), errors: result.errors }));
    await this.replaceCard(ctx, replyCard(result.reply));
    await this.afterReply(result.reply);
  }

  private async onCommand(ctx: TurnContext, who: Who, command: Command): Promise<void> {
    if (command.kind === 'form') {
      const shared = isShared(ctx.activity);
      return this.send(ctx, shared ? this.forms.offer(ctx.activity, command.flowId) : formCard(FLOWS[command.flowId], this.app.kb));
    }
    const refused = this.admins(ctx.activity);
    if (refused) return this.send(ctx, replyCard(makeReply('help', [{ type: 'error', text: refused }])));
    if (command.kind === 'review') {
      // What others asked stays out of channels, even masked.
      if (isShared(ctx.activity))
        return this.send(ctx, replyCard(noticeOf('Questions to review are shown in a personal chat with me: send me "review" there.')));
      return this.send(ctx, await this.reviewCard());
    }
    const actor = `teams:${who.userId}`;
    switch (command.action) {
      case 'list':
        return this.send(ctx, reportsPlaceholder({ id: ctx.activity.from.id, name: ctx.activity.from.name ?? 'you' }));
      case 'here': {
        await this.notices.remember(ctx.activity, actor);
        return this.send(
          ctx,
          replyCard(noticeOf('New breach reports will be posted here: reference, compact and organisation concerned only.')),
        );
      }
      case 'off':
        await this.notices.forget(actor);
        return this.send(ctx, replyCard(noticeOf('New breach reports will no longer be posted in Teams.')));
      case 'status': {
        const current = await this.notices.current();
        const where = current?.conversation
          ? `New breach reports are posted to the Teams conversation ${current.conversation.id}.`
          : 'New breach reports are not posted in Teams. Type "reports here" in a channel to choose it.';
        return this.send(ctx, replyCard(noticeOf(where)));
      }
    }
  }

  /**
   * When the bot joins: say what it does. Joining never chooses where breach report notices go: only an
   * administrator does that ("reports here"), so an install, in this tenant or another, cannot take them.
   */
  private async onConversationUpdate(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    if (!(a.membersAdded ?? []).some((m) => m.id === a.recipient.id)) return;
    const help = helpReply(this.app.kb);
    if (a.conversation.conversationType === 'channel') {
      const text =
        'In a channel, mention me with your question. An administrator can have new breach reports announced in a channel ' +
        'by mentioning me there with "reports here".';
      help.blocks.push({ type: 'text', text });
    }
    await this.send(ctx, replyCard(help));
  }

  private async sendReply(ctx: TurnContext, reply: Reply): Promise<void> {
    await this.send(ctx, replyCard(reply));
    await this.afterReply(reply);
  }

  private async afterReply(reply: Reply): Promise<void> {
    if (reply.submission?.kind === 'breach') await this.notices.notify(reply.submission.ref);
  }

  private async send(ctx: TurnContext, card: AdaptiveCard): Promise<void> {
    await ctx.sendActivity(cardMessage(card));
  }

  /** Replaces the card whose button was pressed (so a form cannot be sent twice); a new message if that fails. */
  private async replaceCard(ctx: TurnContext, card: AdaptiveCard): Promise<void> {
    const id = ctx.activity.replyToId;
    if (id) {
      try {
        await ctx.updateActivity({ ...cardMessage(card), id });
        return;
      } catch (error) {
        this.log.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'teams: could not update the card; sending a new one',
        );
      }
    }
    await this.send(ctx, card);
  }
}
