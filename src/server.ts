import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { App } from './app.js';

export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** A chat platform plugged into the server: its HTTP routes and, optionally, a connection of its own (Socket Mode). */
export interface Channel {
  name: string;
  routes: HttpRoute[];
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** Reads a request body up to `limit` bytes; larger bodies are refused rather than buffered. */
export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** One HTTP server for every channel, with health and readiness endpoints. */
export function createHttpServer(app: App, channels: Channel[], log: Logger): Server {
  const routes = new Map<string, HttpRoute>();
  const add = (r: HttpRoute) => routes.set(`${r.method} ${r.path}`, r);
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
  add({
    method: 'GET',
    path: '/metrics',
    handle: async (_req, res) => {
      const body = await app.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': app.metrics.registry.contentType });
      res.end(body);
    },
  });
  for (const c of channels) c.routes.forEach(add);

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
