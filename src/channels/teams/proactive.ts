import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { type AdaptiveCard, cardMessage } from './card-elements.js';

/** Posts a card to a conversation outside any turn of it (a notice, a reminder, a message to a reporter). */
export async function sendProactive(
  adapter: CloudAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  card: AdaptiveCard,
): Promise<void> {
  await adapter.continueConversationAsync(appId, reference, async (ctx) => {
    // A proactive turn's activity has a made-up id; replying to it would address a message that does not exist.
    ctx.onSendActivities(async (_ctx, activities, next) => {
      for (const a of activities) delete a.replyToId;
      return next();
    });
    await ctx.sendActivity(cardMessage(card));
  });
}
