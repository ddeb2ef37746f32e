import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { FLOWS, reply as makeReply, type SubmissionKind } from '../../core/index.js';
import type { Runtime } from '../../runtime.js';
import { type AdaptiveCard, cardMessage } from './card-elements.js';
import { submitCard, typedValues } from './form-card.js';
import { type ExecutePress, executeAction, whoOf } from './inbound.js';
import { type ExecuteData, notYours, ownerForm, sharedFormNotice, VERB } from './private-form.js';
import { replyCard } from './reply-card.js';
import type { ReportNotices } from './report-notices.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const cardResponse = (card: AdaptiveCard) => ({ statusCode: 200, type: CARD, value: card });
const ERROR = 'application/vnd.microsoft.error';
const errorResponse = (statusCode: number, code: string, message: string) => ({ statusCode, type: ERROR, value: { code, message } });

/**
 * Forms in a channel or group chat. The channel sees a notice; Teams asks for the requester's own view of it
 * (refresh.userIds), which is the form, and every press of its buttons is an Action.Execute invoke whose
 * response only the presser sees. So the questions, the answers and any errors never reach the channel.
 */
export class SharedForms {
  constructor(
    private readonly app: Runtime,
    private readonly notices: ReportNotices,
    private readonly log: Logger,
  ) {}

  /** The card to post in the channel when someone there asks for a form. */
  offer(activity: Activity, flowId: SubmissionKind): AdaptiveCard {
    return sharedFormNotice(FLOWS[flowId], { flowId, owner: { id: activity.from.id, name: activity.from.name ?? 'Someone' } });
  }

  /** The response to an `adaptiveCard/action` invoke: a card for the presser alone. */
  async onInvoke(ctx: TurnContext): Promise<unknown> {
    const pressed = executeAction(ctx.activity);
    if (pressed === undefined) return errorResponse(501, 'NotImplemented', 'not handled');
    if (pressed === 'invalid') return errorResponse(400, 'BadRequest', 'This card is not one compact-bot can read.');
    const flow = FLOWS[pressed.data.flowId];
    const data: ExecuteData = { flowId: pressed.data.flowId, owner: pressed.data.owner };
    const mine = ctx.activity.from.id === data.owner.id;
    if (pressed.verb === VERB.show) return cardResponse(mine ? ownerForm(flow, this.app.kb, data) : sharedFormNotice(flow, data));
    if (!mine) return cardResponse(notYours(flow, data.owner));
    if (pressed.verb === VERB.cancel) {
      await this.updateShared(ctx, sharedFormNotice(flow, data, 'cancelled'));
      const text = `Cancelled. Nothing from this ${flow.id === 'breach' ? 'report' : 'sign-up'} was stored.`;
      return cardResponse(replyCard(makeReply(flow.id, [{ type: 'text', text }])));
    }
    return this.submit(ctx, pressed, data);
  }

  private async submit(ctx: TurnContext, pressed: ExecutePress, data: ExecuteData): Promise<unknown> {
    const flow = FLOWS[data.flowId];
    const result = await submitCard(this.app.bot, whoOf(ctx.activity), flow, this.app.kb, pressed.data);
    if ('errors' in result) {
      return cardResponse(ownerForm(flow, this.app.kb, data, { values: typedValues(pressed.data), errors: result.errors }));
    }
    await this.updateShared(ctx, sharedFormNotice(flow, data, 'sent'));
    if (result.reply.submission?.kind === 'breach') await this.notices.notify(result.reply.submission.ref);
    return cardResponse(replyCard(result.reply));
  }

  /** The channel's copy of the card: it stops offering the form once the form is sent or cancelled. */
  private async updateShared(ctx: TurnContext, card: AdaptiveCard): Promise<void> {
    const id = ctx.activity.replyToId;
    if (!id) return;
    try {
      await ctx.updateActivity({ ...cardMessage(card), id });
    } catch (error) {
      this.log.warn({ error: error instanceof Error ? error.message : String(error) }, 'teams: could not update the shared form notice');
    }
  }
}
