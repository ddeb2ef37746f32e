import type { Logger } from 'pino';
import { type CoreConfig, coreConfig } from './config.js';
import { AnswerEngine } from './core/answers/engine.js';
import { Conversations } from './core/conversation.js';
import { loadKnowledge } from './core/knowledge/load.js';
import type { KnowledgeBase } from './core/knowledge/types.js';
import { ReportDesk } from './core/reports/report-desk.js';
import { QuestionCapture } from './core/review/capture.js';
import { LiveExamples } from './core/review/live-examples.js';
import { openStores } from './core/storage/open-store.js';
import type { ReviewStore } from './core/storage/review-store.js';
import type { Store } from './core/storage/store.js';
import { Metrics } from './metrics.js';

export interface Runtime {
  config: CoreConfig;
  kb: KnowledgeBase;
  engine: AnswerEngine;
  store: Store;
  /** Questions kept for review and the examples accepted from them. */
  review: ReviewStore;
  /** The accepted examples, taken into the engine at start; `serve` polls for more. */
  live: LiveExamples;
  bot: Conversations;
  metrics: Metrics;
  /** Administrators' handling of breach reports; channels add how they message reporters and post reminders. */
  reports: ReportDesk;
}

/**
 * Loads the knowledge base (refusing a broken one), opens the store and builds the bot. Every store failure is
 * counted, and logged with its cause when there is a log (the terminal chat has none: its output is the chat).
 */
export async function createRuntime(env: NodeJS.ProcessEnv = process.env, options: { log?: Logger } = {}): Promise<Runtime> {
  const config = coreConfig(env);
  const kb = loadKnowledge(config.KNOWLEDGE_DIR);
  const engine = new AnswerEngine(kb);
  const metrics = new Metrics();
  const { store, review } = await openStores({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }, (failure) => {
    metrics.storeErrors.inc({ op: failure.op, code: failure.code });
    options.log?.error({ store: failure }, 'store operation failed');
  });
  metrics.watchReview(review);
  const live = new LiveExamples(review, engine, (n) => metrics.examplesLearned.inc(n));
  try {
    await live.refresh();
  } catch (error) {
    await store.close();
    throw error;
  }
  const bot = new Conversations({
    kb,
    engine,
    store,
    ttlMs: config.FLOW_TTL_MINUTES * 60_000,
    onReply: (r, s) => metrics.observeTurn(r, s),
    capture: new QuestionCapture(review, store),
    onCaptureError: (err) => options.log?.error({ err }, 'could not keep a question for review'),
  });
  return { config, kb, engine, store, review, live, bot, metrics, reports: new ReportDesk(store, kb) };
}
