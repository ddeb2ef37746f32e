import type { Reply } from '../answers/reply.js';
import type { Who } from '../flows/runner.js';
import type { RecordStore } from '../storage/record-store.js';
import type { Candidate, ReviewQuestion, ReviewReason, ReviewStore } from '../storage/review-store.js';
import { askerHash, maskPersonal, newSalt } from './mask.js';

const SALT_SETTING = 'review.salt';

/** What a reply gave, as kept with the question: its intent and the passages it quoted or offered. */
export function replyGiven(reply: Reply): ReviewQuestion['reply'] {
  return { intent: reply.intent, keys: reply.hits.length > 0 ? reply.hits.map((h) => h.key) : reply.actions.map((a) => a.value) };
}

/**
 * Keeps questions for review: the text with emails and phone numbers masked, the channel kind, the reply
 * and the candidates, and a salted hash of the asker (never who they are). The salt is made once and kept
 * in the store's settings, so every instance counts the same asker once.
 */
export class QuestionCapture {
  private salt?: Promise<string>;

  constructor(
    private readonly review: ReviewStore,
    private readonly settings: Pick<RecordStore, 'getSetting' | 'setSetting'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async keep(
    id: string,
    who: Who,
    question: string,
    reason: ReviewReason,
    reply: ReviewQuestion['reply'],
    candidates: Candidate[],
  ): Promise<void> {
    const salt = await this.saltOnce();
    await this.review.addQuestion({
      id,
      question: maskPersonal(question.slice(0, 2000)),
      channel: who.channel,
      asker: askerHash(salt, who.channel, who.userId),
      reason,
      reply,
      candidates,
      createdAt: this.clock(),
    });
  }

  pressed(id: string, key: string): Promise<void> {
    return this.review.notePressed(id, key);
  }

  private saltOnce(): Promise<string> {
    this.salt ??= this.loadSalt().catch((error: unknown) => {
      this.salt = undefined;
      throw error;
    });
    return this.salt;
  }

  private async loadSalt(): Promise<string> {
    const kept = await this.settings.getSetting(SALT_SETTING);
    if (kept) return kept;
    await this.settings.setSetting(SALT_SETTING, newSalt());
    return (await this.settings.getSetting(SALT_SETTING))!;
  }
}
