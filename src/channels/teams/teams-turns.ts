import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { App } from '../../app.js';
import { helpReply, reply as makeReply } from '../../core/answers/compose.js';
import type { Reply } from '../../core/answers/reply.js';
import { FLOWS, type Who } from '../../core/flows/runner.js';
import type { SubmissionKind } from '../../core/storage/store.js';
import { cardMessage, type AdaptiveCard } from './card-elements.js';
import { formCard } from './form-card.js';
import { addressedText, cardSubmit, teamsCommand, whoOf, type CardSubmit, type Command } from './inbound.js';
import { replyCard } from './reply-card.js';
import type { ReportNotices } from './report-notices.js';

const noticeOf = (text: string, intent: Reply['intent'] = 'help') => makeReply(intent, [{ type: 'text', text }]);

/** One Teams turn: a message, a card button, or the bot being added to a conversation. */
export class TeamsTurns {
  constructor(
    private readonly app: App,
    private readonly adminAadIds: string[],
    private readonly notices: ReportNotices,
    private readonly log: Logger,
  ) {}

  async onTurn(ctx: TurnContext): Promise<void> {
    if (ctx.activity.type === ActivityTypes.Message) await this.onMessage(ctx);
    else if (ctx.activity.type === ActivityTypes.ConversationUpdate) await this.onConversationUpdate(ctx);
  }

  private async onMessage(ctx: TurnContext): Promise<void> {
    const who = whoOf(ctx.activity);
    const pressed = cardSubmit(ctx.activity);
    if (pressed === 'invalid') return this.send(ctx, replyCard(noticeOf('I could not read that button (the card may be from an older version). Please type your message instead.')));
    if (pressed) return this.onCardSubmit(ctx, who, pressed);
    const text = addressedText(ctx.activity);
    if (text === undefined) return;
    const command = teamsCommand(text);
    if (command) return this.onCommand(ctx, who, command);
    await this.sendReply(ctx, await this.app.bot.handle({ ...who, text: text || 'help' }));
  }

  private async onCardSubmit(ctx: TurnContext, who: Who, pressed: CardSubmit): Promise<void> {
    switch (pressed.compactBot) {
      case 'message':
        return this.sendReply(ctx, await this.app.bot.handle({ ...who, text: pressed.text }));
      case 'feedback':
        await this.app.bot.feedback(who, pressed.question, pressed.keys, pressed.helpful);
        return this.send(ctx, replyCard(noticeOf('Thank you: your feedback is recorded.')));
      case 'cancel': {
        const what = pressed.flowId === 'breach' ? 'report' : 'sign-up';
        return this.replaceCard(ctx, replyCard(noticeOf(`Cancelled. Nothing from this ${what} was stored.`, pressed.flowId)));
      }
      case 'form':
        return this.onFormSubmit(ctx, who, pressed.flowId, pressed);
    }
  }

  private async onFormSubmit(ctx: TurnContext, who: Who, flowId: SubmissionKind, data: Record<string, unknown>): Promise<void> {
    const flow = FLOWS[flowId];
    const values = Object.fromEntries(flow.fields.map((f) => [f.id, typeof data[f.id] === 'string' ? (data[f.id] as string) : undefined]));
    const result = await this.app.bot.submitForm(who, flowId, values);
    if ('errors' in result) return this.replaceCard(ctx, formCard(flow, this.app.kb, { values, errors: result.errors }));
    await this.replaceCard(ctx, replyCard(result.reply));
    await this.afterReply(result.reply);
  }

  private async onCommand(ctx: TurnContext, who: Who, command: Command): Promise<void> {
    if (command.kind === 'form') return this.send(ctx, formCard(FLOWS[command.flowId], this.app.kb));
    const aadId = ctx.activity.from.aadObjectId;
    if (!aadId || !this.adminAadIds.includes(aadId)) {
      const why = this.adminAadIds.length === 0 ? 'No Teams administrators are configured (TEAMS_ADMIN_AAD_IDS).' : 'Only the administrators listed in TEAMS_ADMIN_AAD_IDS can do that.';
      return this.send(ctx, replyCard(makeReply('help', [{ type: 'error', text: why }])));
    }
    const actor = `teams:${who.userId}`;
    switch (command.action) {
      case 'here': {
        await this.notices.remember(ctx.activity, actor);
        return this.send(ctx, replyCard(noticeOf('New breach reports will be posted here: reference, compact and organisation concerned only.')));
      }
      case 'off':
        await this.notices.forget(actor);
        return this.send(ctx, replyCard(noticeOf('New breach reports will no longer be posted in Teams.')));
      case 'status': {
        const current = await this.notices.current();
        const where = current?.conversation ? `New breach reports are posted to the Teams conversation ${current.conversation.id}.` : 'New breach reports are not posted in Teams. Type "reports here" in a channel to choose it.';
        return this.send(ctx, replyCard(noticeOf(where)));
      }
    }
  }

  /** When the bot joins: say what it does; in a team channel, take it for breach report notices if none is chosen yet. */
  private async onConversationUpdate(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    if (!(a.membersAdded ?? []).some((m) => m.id === a.recipient.id)) return;
    const help = helpReply(this.app.kb);
    if (a.conversation.conversationType === 'channel') {
      if (!(await this.notices.current())) {
        const id = await this.notices.remember(a, `teams:${a.from?.aadObjectId ?? a.from?.id ?? 'install'}`);
        this.log.info({ conversation: id }, 'teams: installed in a channel; breach report notices will be posted there');
        help.blocks.push({ type: 'text', text: 'New breach reports will be posted in this channel (reference, compact and organisation concerned only). An administrator can move them by mentioning me with "reports here" in another channel.' });
      }
      help.blocks.push({ type: 'text', text: 'In a channel, mention me with your question.' });
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
        this.log.warn({ error: error instanceof Error ? error.message : String(error) }, 'teams: could not update the card; sending a new one');
      }
    }
    await this.send(ctx, card);
  }
}
