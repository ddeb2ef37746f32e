/**
 * Sends a conversation's replies in the order of its turns. The store's conversation lock orders the turns
 * themselves; this orders only what follows them, so that a reply cannot overtake the one before it on the way to
 * Slack (the Web API client spreads calls over several connections, and waits out a 429 on the call that got it).
 * A turn is queued when it has finished, so the next turn of the conversation runs while this one's reply is sent.
 */
export class ReplyOrder {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `send` once the replies queued before it under `key` have been sent, or have failed. */
  after(key: string, send: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const sent = previous.then(send);
    const tail = sent.catch(() => {});
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return sent;
  }
}
