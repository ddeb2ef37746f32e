import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Reply } from './core/answers/reply.js';
import { isUnavailableReply } from './core/conversation.js';
import type { ReviewStore } from './core/storage/review-store.js';

const QUESTION_INTENTS = new Set<Reply['intent']>(['answer', 'define', 'compare', 'unknown']);

/** Prometheus metrics for one process: HTTP requests, answer latency, intents and flow completions. */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'compact_bot_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['route', 'status'],
    registers: [this.registry],
  });
  readonly answerSeconds = new Histogram({
    name: 'compact_bot_answer_seconds',
    help: 'Time to produce a reply, storage included',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly intents = new Counter({
    name: 'compact_bot_intents_total',
    help: 'Replies by intent, the steps of guided flows included',
    labelNames: ['intent'],
    registers: [this.registry],
  });
  readonly questions = new Counter({
    name: 'compact_bot_questions_total',
    help: 'Questions about the compacts, answered or not (outcome="unanswered" / all is the unknown-question rate)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly storeUnavailable = new Counter({
    name: 'compact_bot_store_unavailable_total',
    help: 'Turns refused because the store could not be reached',
    registers: [this.registry],
  });
  readonly storeErrors = new Counter({
    name: 'compact_bot_store_errors_total',
    help: 'Store operations that failed, by operation and error code (SQLITE_FULL, 53100, ECONNREFUSED…)',
    labelNames: ['op', 'code'],
    registers: [this.registry],
  });
  readonly completions = new Counter({
    name: 'compact_bot_flow_completions_total',
    help: 'Submissions stored, by flow',
    labelNames: ['flow'],
    registers: [this.registry],
  });

  readonly reviewDecisions = new Counter({
    name: 'compact_bot_review_decisions_total',
    help: 'Questions decided in review through this process (Slack, Teams), by decision: example, out-of-scope, dismissed',
    labelNames: ['decision'],
    registers: [this.registry],
  });
  readonly examplesLearned = new Counter({
    name: 'compact_bot_review_examples_learned_total',
    help: 'Examples accepted in review (anywhere) that this process took into its answers',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** compact_bot_review_pending, read from the store when scraped. */
  watchReview(review: ReviewStore): void {
    new Gauge({
      name: 'compact_bot_review_pending',
      help: 'Questions waiting for review',
      registers: [this.registry],
      async collect() {
        this.set(await review.countPending());
      },
    });
  }

  observeTurn(reply: Reply, seconds: number): void {
    this.answerSeconds.observe(seconds);
    if (isUnavailableReply(reply)) {
      this.storeUnavailable.inc();
      return;
    }
    this.intents.inc({ intent: reply.intent });
    if (QUESTION_INTENTS.has(reply.intent)) this.questions.inc({ outcome: reply.intent === 'unknown' ? 'unanswered' : 'answered' });
    if (reply.submission) this.completions.inc({ flow: reply.submission.kind });
  }
}
