/**
 * Conversation state, the per-conversation lock and inbound event ids. Every implementation passes
 * test/storage/contract/conversations.ts. Times are passed in by the caller so that expiry follows an injected clock.
 * `Turn` is the store a conversation turn is given (the whole Store, for the flows' submissions and the feedback).
 */
export interface ConversationStore<Turn> {
  /** Conversation state (answer context and any flow in progress), or undefined when absent or expired at `now`. */
  getConversation(conversationId: string, now: Date): Promise<unknown | undefined>;
  putConversation(conversationId: string, state: unknown, expiresAt: Date): Promise<void>;

  /**
   * Runs one turn of a conversation with the store `work` is given. Turns of the same conversation run one at
   * a time: across processes on PostgreSQL (a transaction holding a lock on the conversation, so a turn's
   * writes are committed together or not at all), within the process on SQLite. Not reentrant.
   */
  inConversation<T>(conversationId: string, work: (store: Turn) => Promise<T>): Promise<T>;

  /** Records an inbound event id; true the first time it is seen, false for a repeat (unique constraint, not read-then-write). */
  claimEvent(eventId: string, now: Date): Promise<boolean>;
  /** Gives up a claim whose work did not happen (a form refused, a store failure), so the same input can be tried again. */
  releaseEvent(eventId: string): Promise<void>;

  /** Deletes conversations expired at `now` and event ids seen before `eventsSeenBefore`; says how many of each went. */
  purgeExpired(now: Date, eventsSeenBefore: Date): Promise<{ conversations: number; events: number }>;
}
