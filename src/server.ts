import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { HttpRoute, PlatformAdapter } from './core/index.js';
import { BodyTooLargeError, sendJson } from './http.js';
import { metricsExposure, scrapeAllowed } from './metrics-exposure.js';
import type { Runtime } from './runtime.js';

/**
 * One HTTP server for every channel, with health and readiness endpoints. `/metrics` is on it unless
 * METRICS_PORT gives it a server of its own, started and stopped with this one; METRICS_TOKEN asks for a bearer token.
 */
export function createHttpServer(app: Runtime, channels: PlatformAdapter[], log: Logger, env: NodeJS.ProcessEnv = process.env): Server {
  const exposure = metricsExposure(env);
  const metricsRoute: HttpRoute = {
    method: 'GET',
    path: '/metrics',
    handle: async (req, res) => {
      if (!scrapeAllowed(req, exposure.token)) {
        res.setHeader('www-authenticate', 'Bearer');
        return sendJson(res, 401, { error: 'metrics need the bearer token set in METRICS_TOKEN' });
      }
      const body = await app.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': app.metrics.registry.contentType });
      res.end(body);
    },
  };
  const ownPort = exposure.port !== undefined;
  const server = routedServer(app, [...baseRoutes(app), ...(ownPort ? [] : [metricsRoute]), ...channels.flatMap((c) => c.routes)], log);
  if (ownPort) {
    const where = { port: exposure.port, host: exposure.host };
    const metricsServer = routedServer(app, [metricsRoute], log);
    metricsServer.on('error', (error) => {
      log.error({ err: error, ...where }, 'the metrics server (METRICS_PORT, METRICS_HOST) could not listen');
    });
    server.once('listening', () => metricsServer.listen(where.port, where.host, () => log.info(where, 'metrics listening')));
    server.once('close', () => {
      metricsServer.close();
      metricsServer.closeAllConnections();
    });
  }
  return server;
}

function baseRoutes(app: Runtime): HttpRoute[] {
  const routes: HttpRoute[] = [];
  const add = (r: HttpRoute) => routes.push(r);
  add({ method: 'GET', path: '/healthz', handle: async (_req, res) => sendJson(res, 200, { ok: true }) });
  add({
    method: 'GET',
    path: '/readyz',
    handle: async (_req, res) => {
      const compacts = app.kb.compacts.length;
      if (compacts === 0) return sendJson(res, 503, { ok: false, store: app.store.kind, compacts, error: 'no knowledge loaded' });
      try {
        await app.store.health();
        sendJson(res, 200, { ok: true, store: app.store.kind, compacts });
      } catch {
        sendJson(res, 503, { ok: false, store: app.store.kind, compacts, error: 'store unreachable' });
      }
    },
  });
  return routes;
}

function routedServer(app: Runtime, list: HttpRoute[], log: Logger): Server {
  const routes = new Map(list.map((r) => [`${r.method} ${r.path}`, r]));
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.get(`${req.method} ${path}`);
    res.once('finish', () => app.metrics.requests.inc({ route: route ? path : 'other', status: String(res.statusCode) }));
    if (!route) {
      const known = [...routes.values()].some((r) => r.path === path);
      sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
      return;
    }
    route.handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        // The rest of the body is unread, so this connection cannot carry another request.
        if (!res.headersSent) {
          res.setHeader('connection', 'close');
          sendJson(res, 413, { error: 'request body too large' });
        }
        return;
      }
      log.error({ err: error, path }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
}
