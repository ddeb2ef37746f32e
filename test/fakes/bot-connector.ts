import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The activity replied to (POST) or updated (PUT); absent for a new message in the conversation. */
  activityId?: string;
  authorization?: string;
  activity: any;
}

/**
 * A Bot Framework Connector on loopback: records what the bot sends to
 * POST /v3/conversations/{id}/activities, POST …/activities/{activityId} (a reply) and PUT …/activities/{activityId}
 * (an update), and answers each with a ResourceResponse `{ id }`.
 */
export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  /** Requests to any other path, which a correct bot never makes. */
  readonly unexpected: string[] = [];
  private server?: Server;
  private waiters: { count: number; resolve: () => void }[] = [];
  private next = 1;

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const path = decodeURI((req.url ?? '').split('?')[0]!);
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
      const method = req.method === 'POST' || req.method === 'PUT' ? req.method : undefined;
      if (!m || !method || (method === 'PUT' && !m[2])) {
        this.unexpected.push(`${req.method} ${path}`);
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { code: 'NotFound', message: 'no such route' } }));
        return;
      }
      const call: ConnectorCall = {
        method,
        conversationId: decodeURIComponent(m[1]!),
        activityId: m[2] ? decodeURIComponent(m[2]) : undefined,
        authorization: req.headers.authorization,
        activity: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
      };
      this.calls.push(call);
      const id = method === 'PUT' ? call.activityId! : `sent-${this.next++}`;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      this.waiters = this.waiters.filter((w) => {
        if (this.calls.length < w.count) return true;
        w.resolve();
        return false;
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  /** Resolves once at least `count` calls have arrived in all. */
  async waitForCalls(count: number, timeoutMs = 10_000): Promise<ConnectorCall[]> {
    if (this.calls.length < count) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} connector calls, got ${this.calls.length}`)), timeoutMs);
        this.waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    }
    return this.calls;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
