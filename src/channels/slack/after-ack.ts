/**
 * Paces the work that follows an acknowledgement: a few pieces start on each turn of the event loop, after
 * the requests that arrived meanwhile have been read and acknowledged. Without it the answering of earlier
 * requests runs ahead of the acknowledgement of later ones, and a burst would push acknowledgements past
 * Slack's three seconds. Waiting work keeps its order.
 */
export class AfterAck {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(
    /** How many waiting pieces of work start per turn of the event loop. */
    private readonly perTurn: number,
  ) {}

  /** Resolves when the caller's work may start. */
  turn(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.release);
  }

  private readonly release = (): void => {
    this.scheduled = false;
    for (const start of this.waiting.splice(0, this.perTurn)) start();
    if (this.waiting.length > 0) this.schedule();
  };
}
