import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { BOT_ID, BOT_USER_ID, callProblems, SlackMethods } from './slack-methods.js';

/** One request the fake received: a Web API method, or a post to a response_url (method "response_url"). */
export interface RecordedCall {
  method: string;
  /** The body, with JSON-valued form fields (blocks, view…) decoded. */
  body: Record<string, any>;
  /** The bearer token (or the body's token), as sent. */
  token?: string;
  /** What the fake answered: 400 for a call real Slack would refuse (invalid_blocks), whatever the HTTP status. */
  status: number;
  /** Why it was refused. */
  problems?: string[];
  /** For response_url posts: the id in the URL. */
  responseId?: string;
  /** When it arrived (ms since the epoch). */
  at: number;
}

type Failure = { status: 429 | 500; remaining: number; retryAfter: number };

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata']);

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(contentType: string | undefined, text: string): Record<string, any> {
  if ((contentType ?? '').startsWith('application/json')) return text ? (JSON.parse(text) as Record<string, any>) : {};
  const body: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(text)) body[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  return body;
}

/**
 * A local stand-in for Slack's Web API (POST /api/<method>, form or JSON bodies, Bearer tokens) and for
 * response_url endpoints (POST /respond/<id>). Blocks and views are checked as strictly as Slack checks them
 * (slack-blocks.ts). It records every call, and can be told to answer the next
 * calls of a method with 429 (Retry-After: 1) or 500, or hold its answers back until released.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  private readonly failures = new Map<string, Failure>();
  private overrides: { method: string; answer: Record<string, unknown>; when: (body: Record<string, any>) => boolean }[] = [];
  private readonly holds = new Map<string, { arrive: (call: RecordedCall) => void; released: Promise<void> }>();
  private server?: Server;
  private readonly methods = new SlackMethods();
  private waiters: (() => void)[] = [];
  private sockets?: WebSocketServer;
  private socket?: WebSocket;

  static readonly BOT_USER_ID = BOT_USER_ID;
  static readonly BOT_ID = BOT_ID;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: `fake failed: ${String(error)}` }));
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  get started(): boolean {
    return this.server !== undefined;
  }

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** What SLACK_API_URL should be. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }

  /** The next `times` calls of `method` ("response_url" for response_url posts) get `status`; a 429 says Retry-After `retryAfter` s. */
  failNext(method: string, times: number, status: 429 | 500, retryAfter = 1): void {
    this.failures.set(method, { status, remaining: times, retryAfter });
  }

  /**
   * The next call of `method` (whose body passes `when`) gets this answer with HTTP 200,
   * e.g. `{ ok: false, error: 'expired_trigger_id' }`.
   */
  answerNext(method: string, answer: Record<string, unknown>, when: (body: Record<string, any>) => boolean = () => true): void {
    this.overrides.push({ method, answer, when });
  }

  /**
   * Calls of `method` are recorded but not answered until `release()`; `arrived` resolves with the first one
   * held, e.g. to stop a server while it waits for Slack.
   */
  hold(method: string): { arrived: Promise<RecordedCall>; release(): void } {
    let arrive!: (call: RecordedCall) => void;
    let release!: () => void;
    const arrived = new Promise<RecordedCall>((resolve) => (arrive = resolve));
    this.holds.set(method, { arrive, released: new Promise<void>((resolve) => (release = resolve)) });
    return {
      arrived,
      release: () => {
        this.holds.delete(method);
        release();
      },
    };
  }

  /** Successful calls of one method. */
  ok(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  /** Waits until a call matching `predicate` has been recorded. */
  async waitFor(predicate: (c: RecordedCall) => boolean, timeoutMs = 10_000): Promise<RecordedCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no matching Slack call within ${timeoutMs} ms; calls: ${this.calls.map((c) => `${c.method}:${c.status}`).join(', ') || 'none'}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * Socket Mode: apps.connections.open hands out ws://…/socket, where the fake says hello and then sends
   * the envelopes it is given; each acknowledgement is recorded as a call of method "socket_ack".
   */
  enableSocketMode(): void {
    this.sockets = new WebSocketServer({ server: this.server!, path: '/socket' });
    this.sockets.on('connection', (ws) => {
      this.socket = ws;
      ws.on('message', (data) =>
        this.record({ method: 'socket_ack', body: JSON.parse(data.toString()) as Record<string, any>, status: 200 }),
      );
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' } }));
    });
  }

  /** Sends one Socket Mode envelope to the connected app. */
  sendEnvelope(envelope: { envelope_id: string; type: string; payload: unknown; retry_attempt?: number }): void {
    if (!this.socket) throw new Error('no Socket Mode connection');
    this.socket.send(
      JSON.stringify({ accepts_response_payload: envelope.type !== 'events_api', retry_attempt: 0, retry_reason: '', ...envelope }),
    );
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.clear();
    this.overrides = [];
  }

  async close(): Promise<void> {
    this.sockets?.clients.forEach((c) => c.terminate());
    this.sockets?.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private record(call: Omit<RecordedCall, 'at'>): RecordedCall {
    const recorded = { ...call, at: Date.now() };
    this.calls.push(recorded);
    const waiting = this.waiters;
    this.waiters = [];
    waiting.forEach((wake) => wake());
    return recorded;
  }

  private failure(method: string): Failure | undefined {
    const f = this.failures.get(method);
    if (!f || f.remaining <= 0) return undefined;
    f.remaining -= 1;
    return f;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const text = await readText(req);
    const respond = path.match(/^\/respond\/([\w-]+)$/);
    const api = path.match(/^\/api\/([\w.]+)$/);
    if (req.method !== 'POST' || (!respond && !api)) {
      res.writeHead(404);
      res.end();
      return;
    }
    const body = parseBody(req.headers['content-type'], text);
    const method = respond ? 'response_url' : api![1]!;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof body.token === 'string' ? body.token : undefined);

    const fail = this.failure(method);
    if (fail) {
      this.record({ method, body, token, status: fail.status, responseId: respond?.[1] });
      const retry = fail.status === 429 ? { 'retry-after': String(fail.retryAfter) } : {};
      res.writeHead(fail.status, { ...retry, 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: fail.status === 429 ? 'ratelimited' : 'internal_error' }));
      return;
    }
    const problems = callProblems(method, body);
    if (problems.length > 0) {
      // Slack answers a Web API call with 200 and ok: false, a response_url post with 400; recorded as 400 either way.
      this.record({ method, body, token, status: 400, responseId: respond?.[1], problems });
      res.writeHead(respond ? 400 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'invalid_blocks', response_metadata: { messages: problems } }));
      return;
    }
    if (respond) {
      this.record({ method, body, status: 200, responseId: respond[1] });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    const call = this.record({ method, body, token, status: 200 });
    const hold = this.holds.get(method);
    if (hold) {
      hold.arrive(call);
      await hold.released;
    }
    const override = this.overrides.find((o) => o.method === method && o.when(body));
    this.overrides = this.overrides.filter((o) => o !== override);
    const answer = override?.answer ?? this.methods.answer(method, body, token ?? '', `${this.url.replace('http:', 'ws:')}/socket`);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer));
  }
}
