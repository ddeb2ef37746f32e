import { once } from 'node:events';
import type { Logger } from 'pino';
import { createApp, type App } from '../app.js';
import { CHANNEL_FACTORIES } from '../channels/channels.js';
import { createLogger } from '../logger.js';
import { createHttpServer, type Channel } from '../server.js';

/** `compact-bot serve`: one HTTP server for every configured channel; SIGTERM drains it and closes the store. */
export async function serveCommand(): Promise<number> {
  const log = createLogger();
  const started = performance.now();
  const app = await createApp();
  const channels: Channel[] = [];
  for (const factory of CHANNEL_FACTORIES) {
    const channel = await factory(app, process.env, log);
    if (channel) channels.push(channel);
  }
  const server = createHttpServer(app, channels, log);
  server.listen(app.config.PORT, app.config.HOST);
  await once(server, 'listening');
  for (const c of channels) await c.start?.();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : app.config.PORT;
  log.info({ port, host: app.config.HOST, channels: channels.map((c) => c.name), store: app.store.kind, startupMs: Math.round(performance.now() - started) }, 'ready');

  const housekeeping = startHousekeeping(app, log);

  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  log.info({ signal }, 'stopping: no new connections, finishing requests in flight');
  // Stop accepting first; requests in flight finish, then the work acknowledged before them.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  for (const c of channels) await c.stop?.();
  await closed;
  await housekeeping.stop();
  await app.store.close();
  log.info('stopped');
  return 0;
}

const DAY_MS = 86_400_000;
/** Slack redelivers an event for an hour at most; ids are kept well beyond that. */
const EVENT_IDS_KEPT_MS = 3 * DAY_MS;

/**
 * At start and then daily: deletes expired conversations and old event ids, and, with REPORT_RETENTION_DAYS
 * set, reports and sign-ups older than that (written to the audit log). Any one instance may do it.
 */
function startHousekeeping(app: App, log: Logger): { stop(): Promise<void> } {
  const days = app.config.REPORT_RETENTION_DAYS;
  const once = async () => {
    const now = new Date();
    const expired = await app.store.purgeExpired(now, new Date(now.getTime() - EVENT_IDS_KEPT_MS));
    log.info(expired, 'expired conversations and event ids deleted');
    if (!days) return;
    const before = new Date(now.getTime() - days * DAY_MS);
    const deleted = await app.store.purgeSubmissions(before);
    await app.store.audit({ actor: 'serve:retention', action: 'purge', target: `${deleted} older than ${before.toISOString().slice(0, 10)}`, at: new Date() });
    log.info({ deleted, days }, 'retention purge');
  };
  let running = Promise.resolve();
  const run = () => {
    running = once().catch((err: unknown) => log.error({ err }, 'housekeeping failed'));
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
