import { type Activity, type CloudAdapter, type ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { RecordStore, Submission } from '../../core/index.js';
import { adaptiveCard, plainText } from './card-elements.js';
import { whoOf } from './inbound.js';
import { sendProactive } from './proactive.js';

const settingKey = (userId: string) => `teams.personal.${userId}`;

/**
 * Direct messages to reporters. Teams can message a person only in a conversation the bot already has with
 * them, so the reference of each user's personal chat is kept when they write there (once per process).
 */
export class ReporterMessages {
  private readonly known = new Set<string>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly store: RecordStore,
    private readonly log: Logger,
  ) {}

  /** Keeps where to reach the sender of a personal-chat activity; a failure only costs a later message. */
  async remember(activity: Activity): Promise<void> {
    if (activity.conversation.conversationType !== 'personal' || !activity.from?.id) return;
    const { userId } = whoOf(activity);
    if (this.known.has(userId)) return;
    const { bot, channelId, serviceUrl, conversation, user } = TurnContext.getConversationReference(activity);
    try {
      await this.store.setSetting(settingKey(userId), JSON.stringify({ bot, channelId, serviceUrl, conversation, user }));
      this.known.add(userId);
    } catch (error) {
      this.log.warn({ error: error instanceof Error ? error.message : String(error) }, 'teams: could not keep the personal chat reference');
    }
  }

  /** Sends `text` to the reporter's personal chat; false when there is none known or Teams refused. */
  async tell(submission: Submission, text: string): Promise<boolean> {
    const raw = await this.store.getSetting(settingKey(submission.userId));
    if (!raw) return false;
    try {
      await sendProactive(this.adapter, this.appId, JSON.parse(raw) as Partial<ConversationReference>, adaptiveCard(plainText(text), text));
      return true;
    } catch (error) {
      this.log.warn(
        { ref: submission.ref, error: error instanceof Error ? error.message : String(error) },
        'teams: could not message the reporter',
      );
      return false;
    }
  }
}
