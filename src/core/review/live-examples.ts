import type { AnswerEngine } from '../answers/engine.js';
import type { ReviewStore } from '../storage/review-store.js';

/**
 * Keeps the engine's examples up to date with those accepted in review. A version check is one small query,
 * so every instance can make it every few seconds and pick up an example accepted anywhere, no restart.
 */
export class LiveExamples {
  private seen = -1;
  private readonly taken = new Set<string>();

  constructor(
    private readonly review: ReviewStore,
    private readonly engine: AnswerEngine,
    /** Told how many examples each refresh took in. */
    private readonly onLearned: (n: number) => void = () => undefined,
  ) {}

  /** Takes in the accepted examples not yet taken in, when the version has moved; returns how many. */
  async refresh(): Promise<number> {
    const version = await this.review.version();
    if (version === this.seen) return 0;
    let n = 0;
    for (const q of await this.review.accepted()) {
      if (this.taken.has(q.id) || !q.label) continue;
      this.taken.add(q.id);
      if (this.engine.learn(q.label, q.question)) n += 1;
    }
    this.seen = version;
    if (n > 0) this.onLearned(n);
    return n;
  }

  /** Refreshes every `intervalMs` until stopped; a failed check is reported and tried again next time. */
  poll(intervalMs: number, onError: (error: unknown) => void): { stop(): Promise<void> } {
    let running = Promise.resolve();
    const timer = setInterval(() => {
      running = running.then(() => this.refresh().then(() => undefined, onError));
    }, intervalMs);
    timer.unref();
    return {
      async stop() {
        clearInterval(timer);
        await running;
      },
    };
  }
}
