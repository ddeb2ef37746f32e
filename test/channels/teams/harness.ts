import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createTeamsAdapter } from '../../../src/channels/teams/teams-adapter.js';
import { createLogger } from '../../../src/logger.js';
import { createRuntime, type Runtime } from '../../../src/runtime.js';
import { createHttpServer } from '../../../src/server.js';
import { type ConnectorCall, FakeBotConnector } from '../../fakes/bot-connector.js';
import { tempDataDir } from '../../helpers/cli.js';

export const BOT_ID = '28:compact-bot';
export const ADMIN_AAD = '11111111-2222-3333-4444-555555555555';

/** The real app, the Teams channel and the HTTP server in this process, talking to a fake connector. */
export class TeamsHarness {
  readonly logs: Record<string, unknown>[] = [];
  app!: Runtime;
  connector!: FakeBotConnector;
  private server!: Server;
  private seq = 0;

  /** `env` may be a function of the fake connector's URL, for settings that name it. */
  static async start(
    envOrFn: Record<string, string> | ((connectorUrl: string) => Record<string, string>) = { TEAMS_LOCAL_MODE: '1' },
    host = '127.0.0.1',
  ): Promise<TeamsHarness> {
    const h = new TeamsHarness();
    h.connector = await new FakeBotConnector().start();
    const env = typeof envOrFn === 'function' ? envOrFn(h.connector.url) : envOrFn;
    h.app = await createRuntime({ DATA_DIR: tempDataDir() });
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        h.logs.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const log = createLogger({ level: 'debug', destination: sink });
    const channel = await createTeamsAdapter(h.app, env, log);
    if (!channel) throw new Error('the Teams channel is off');
    h.server = createHttpServer(h.app, [channel], log);
    h.server.listen(0, host);
    await once(h.server, 'listening');
    return h;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.connector.stop();
    await this.app.store.close();
  }

  /** POSTs a raw body to /api/messages. */
  async post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    const res = await fetch(`${this.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: await res.text() };
  }

  /** Sends an activity and returns the connector calls it caused. */
  async send(activity: Record<string, unknown>, expectCalls = 1): Promise<ConnectorCall[]> {
    const before = this.connector.calls.length;
    const res = await this.post(activity);
    if (res.status !== 200) throw new Error(`POST /api/messages: ${res.status} ${res.body}`);
    await this.connector.waitForCalls(before + expectCalls);
    return this.connector.calls.slice(before);
  }

  personal(text: string, extra: Record<string, unknown> = {}) {
    return this.activity({ text, conversation: { id: 'a:personal-1', conversationType: 'personal' }, ...extra });
  }

  channel(text: string, mention: boolean, extra: Record<string, unknown> = {}) {
    const mentionText = '<at>compact-bot</at>';
    return this.activity({
      text: mention ? `${mentionText} ${text}` : text,
      conversation: { id: '19:general@thread.tacv2;messageid=1700000000000', conversationType: 'channel', isGroup: true },
      entities: mention ? [{ type: 'mention', text: mentionText, mentioned: { id: BOT_ID, name: 'compact-bot' } }] : [],
      channelData: { team: { id: '19:team@thread.tacv2' }, channel: { id: '19:general@thread.tacv2' } },
      ...extra,
    });
  }

  /** A press on an Action.Submit of a card sent earlier (`replyToId` is that card's message). */
  submit(value: Record<string, unknown>, replyToId: string, conversation = { id: 'a:personal-1', conversationType: 'personal' }) {
    return this.activity({ value, replyToId, conversation });
  }

  activity(fields: Record<string, unknown>): Record<string, unknown> {
    return {
      type: 'message',
      id: `in-${++this.seq}`,
      channelId: 'msteams',
      serviceUrl: this.connector.url,
      from: { id: '29:user-1', name: 'Jo Bloggs', aadObjectId: ADMIN_AAD },
      recipient: { id: BOT_ID, name: 'compact-bot' },
      timestamp: new Date().toISOString(),
      ...fields,
    };
  }
}

/** The Adaptive Card of a sent activity. */
export function cardOf(call: ConnectorCall): any {
  const attachments = call.activity.attachments as { contentType: string; content: unknown }[];
  if (attachments?.length !== 1 || attachments[0]!.contentType !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`expected one Adaptive Card, got ${JSON.stringify(call.activity).slice(0, 300)}`);
  }
  return attachments[0]!.content;
}

/** Every piece of text on a card, in order: TextBlocks, TextRuns, facts, button titles. */
export function cardText(node: unknown): string {
  if (Array.isArray(node)) return node.map(cardText).filter(Boolean).join('\n');
  if (!node || typeof node !== 'object') return '';
  const o = node as Record<string, unknown>;
  const own = [o.text, o.title, o.value].filter((v): v is string => typeof v === 'string');
  const nested = ['body', 'items', 'inlines', 'facts', 'actions', 'columns'].map((k) => cardText(o[k]));
  return [...own, ...nested].filter(Boolean).join('\n');
}

/** Every Action.Submit on a card, wherever it sits. */
export function submitsOf(node: unknown): { title: string; data: any }[] {
  if (Array.isArray(node)) return node.flatMap(submitsOf);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.type === 'Action.Submit' ? [{ title: o.title as string, data: o.data }] : [];
  return [...own, ...['body', 'items', 'actions'].flatMap((k) => submitsOf(o[k]))];
}
