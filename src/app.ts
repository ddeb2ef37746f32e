import type { Logger } from 'pino';
import { coreConfig, type CoreConfig } from './config.js';
import { AnswerEngine } from './core/answers/engine.js';
import { Bot } from './core/conversation.js';
import { loadKnowledge } from './core/knowledge/load.js';
import type { KnowledgeBase } from './core/knowledge/types.js';
import { ReportDesk } from './core/reports/report-desk.js';
import { openStore } from './core/storage/open-store.js';
import { Metrics } from './metrics.js';
import type { Store } from './core/storage/store.js';

export interface App {
  config: CoreConfig;
  kb: KnowledgeBase;
  engine: AnswerEngine;
  store: Store;
  bot: Bot;
  metrics: Metrics;
  /** Administrators' handling of breach reports; channels add how they message reporters and post reminders. */
  reports: ReportDesk;
}

/**
 * Loads the knowledge base (refusing a broken one), opens the store and builds the bot. Every store failure is
 * counted, and logged with its cause when there is a log (the terminal chat has none: its output is the chat).
 */
export async function createApp(env: NodeJS.ProcessEnv = process.env, options: { log?: Logger } = {}): Promise<App> {
  const config = coreConfig(env);
  const kb = loadKnowledge(config.KNOWLEDGE_DIR);
  const engine = new AnswerEngine(kb);
  const metrics = new Metrics();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }, (failure) => {
    metrics.storeErrors.inc({ op: failure.op, code: failure.code });
    options.log?.error({ store: failure }, 'store operation failed');
  });
  const bot = new Bot({ kb, engine, store, ttlMs: config.FLOW_TTL_MINUTES * 60_000, onReply: (r, s) => metrics.observeTurn(r, s) });
  return { config, kb, engine, store, bot, metrics, reports: new ReportDesk(store, kb) };
}
