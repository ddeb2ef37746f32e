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

  const purge = startRetention(app, log);

  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  log.info({ signal }, 'stopping: no new connections, finishing requests in flight');
  if (purge) clearInterval(purge);
  for (const c of channels) await c.stop?.();
  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app.store.close();
  log.info('stopped');
  return 0;
}

const DAY_MS = 86_400_000;

/** With REPORT_RETENTION_DAYS set, deletes expired reports and sign-ups at start and then daily. */
function startRetention(app: App, log: Logger): NodeJS.Timeout | undefined {
  const days = app.config.REPORT_RETENTION_DAYS;
  if (!days) return undefined;
  const run = () => {
    const before = new Date(Date.now() - days * DAY_MS);
    app.store
      .purgeSubmissions(before)
      .then((deleted) => app.store.audit({ actor: 'serve:retention', action: 'purge', target: `${deleted} older than ${before.toISOString().slice(0, 10)}`, at: new Date() }).then(() => log.info({ deleted, days }, 'retention purge')))
      .catch((err: unknown) => log.error({ err }, 'retention purge failed'));
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return timer;
}
