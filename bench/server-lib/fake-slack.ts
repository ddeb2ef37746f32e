import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake has seen: posts per key (a response_url id, or the thread a message went to) and every method called. */
export interface FakeSlackCounts {
  posts: number;
  keys: number;
  duplicates: number;
  methods: Record<string, number>;
}

const AUTH_TEST = JSON.stringify({ ok: true, team_id: 'T0BENCH', user_id: 'UBENCHBOT', bot_id: 'BBENCHBOT' });

/**
 * A cheap stand-in for Slack's Web API and response_url endpoints for the load benchmark: it parses only what
 * it must to tell which request a post answers (the response_url id, or the thread_ts the benchmark made
 * unique per event) and answers at once.
 */
export class BenchFakeSlack {
  private server?: Server;
  private readonly perKey = new Map<string, number>();
  private readonly methods = new Map<string, number>();
  private ts = 0;

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    this.server.listen(port, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  counts(): FakeSlackCounts {
    let posts = 0;
    let duplicates = 0;
    for (const n of this.perKey.values()) {
      posts += n;
      if (n > 1) duplicates += n - 1;
    }
    return { posts, keys: this.perKey.size, duplicates, methods: Object.fromEntries(this.methods) };
  }

  reset(): void {
    this.perKey.clear();
    this.methods.clear();
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private count(key: string): void {
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = req.url ?? '/';
    const method = path.startsWith('/respond/') ? 'response_url' : path.replace(/^\/api\//, '');
    this.methods.set(method, (this.methods.get(method) ?? 0) + 1);
    if (method === 'response_url') {
      this.count(`cmd:${path.slice('/respond/'.length)}`);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    let body = '{"ok":true}';
    if (method === 'auth.test') body = AUTH_TEST;
    else if (method === 'chat.postMessage') {
      const text = Buffer.concat(chunks).toString('utf8');
      const thread = /(?:^|&)thread_ts=([^&]+)/.exec(text)?.[1] ?? /"thread_ts":"([^"]+)"/.exec(text)?.[1];
      this.count(`event:${thread ?? 'none'}`);
      body = `{"ok":true,"channel":"D0BENCH","ts":"${(this.ts += 1)}.000100"}`;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
  }
}
