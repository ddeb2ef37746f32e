/**
 * Runs the turns of one conversation one after another (in this process), so two quick messages in the
 * same DM or thread cannot both read the conversation's state before either has saved it.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run(key: string, turn: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(turn, turn);
    const tail = next.catch(() => {});
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
