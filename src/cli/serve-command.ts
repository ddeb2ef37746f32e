import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { ADAPTER_FACTORIES } from '../channels/adapters.js';
import type { PlatformAdapter } from '../core/index.js';
import { startHousekeeping } from '../housekeeping.js';
import { createLogger } from '../logger.js';
import { createRuntime } from '../runtime.js';
import { createHttpServer } from '../server.js';

/** How often an instance checks for examples accepted in review (one small query). */
const LIVE_EXAMPLES_CHECK_MS = 2000;

/** `compact-bot serve`: one HTTP server for every configured channel; SIGTERM drains it and closes the store. */
export async function serveCommand(): Promise<number> {
  const log = createLogger();
  const started = performance.now();
  const app = await createRuntime(process.env, { log });
  const channels: PlatformAdapter[] = [];
  for (const factory of ADAPTER_FACTORIES) {
    const channel = await factory(app, process.env, log);
    if (channel) channels.push(channel);
  }
  const server = createHttpServer(app, channels, log);
  try {
    server.listen(app.config.PORT, app.config.HOST);
    await once(server, 'listening');
  } catch (error) {
    // Port in use, or a HOST that is not this machine's: the command line says which (startup-errors.ts).
    await app.store.close();
    throw error;
  }
  for (const c of channels) await c.start?.();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : app.config.PORT;
  log.info(
    {
      port,
      host: app.config.HOST,
      channels: channels.map((c) => c.name),
      store: app.store.kind,
      startupMs: Math.round(performance.now() - started),
    },
    'ready',
  );

  // V8's default, held back while starting (see main.ts): under load a larger young generation costs less time.
  setFlagsFromString('--semi-space-growth-factor=2');
  const housekeeping = startHousekeeping({
    store: app.store,
    log,
    retentionDays: app.config.REPORT_RETENTION_DAYS,
    reports: app.reports,
    reminderDays: app.config.REPORT_REMINDER_DAYS,
    questions: { review: app.review, retentionDays: app.config.QUESTION_RETENTION_DAYS },
  });
  const learning = app.live.poll(LIVE_EXAMPLES_CHECK_MS, (err) => log.warn({ err }, 'could not check for examples accepted in review'));

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
  await learning.stop();
  await app.store.close();
  log.info('stopped');
  return 0;
}
