import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { AdapterOptions } from '../../../src/channels/adapter-factory.js';
import { createSlackAdapter } from '../../../src/channels/slack/slack-adapter.js';
import { signatureFor } from '../../../src/channels/slack/verify-signature.js';
import type { PlatformAdapter } from '../../../src/core/index.js';
import { createLogger } from '../../../src/logger.js';
import { createRuntime, type Runtime } from '../../../src/runtime.js';
import { createHttpServer } from '../../../src/server.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';

export const SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-1111-2222-testtoken';
export const TEAM = 'T0001';
export const ADMIN = 'UADMIN01';
export const REPORTS_CHANNEL = 'CREPORTS1';

/** A harness started before the file's tests and stopped after them, with the fake's calls cleared before each test. */
export function startedHarness(): Harness {
  const h = new Harness();
  beforeAll(async () => {
    await h.start();
  }, 60_000);
  afterAll(async () => h.stop());
  beforeEach(() => h.slack.reset());
  return h;
}

export interface SignedOptions {
  contentType?: string;
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

/** The real server with the Slack channel, in this process, talking to a fake Slack. */
export class Harness {
  readonly slack = new FakeSlackApi();
  app!: Runtime;
  channel!: PlatformAdapter;
  private server!: Server;
  private dataDir = mkdtempSync(join(tmpdir(), 'compact-bot-slack-'));
  readonly logLines: string[] = [];
  private nextEvent = 0;

  /** Starts the fake Slack (unless already started) and the server. */
  async start(extraEnv: NodeJS.ProcessEnv = {}, options: AdapterOptions = {}): Promise<this> {
    if (!this.slack.started) await this.slack.start();
    const env: NodeJS.ProcessEnv = {
      DATA_DIR: this.dataDir,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: this.slack.apiUrl,
      SLACK_REPORTS_CHANNEL: REPORTS_CHANNEL,
      SLACK_ADMIN_USERS: ADMIN,
      ...extraEnv,
    };
    const log = createLogger({
      level: 'debug',
      destination: new Writable({
        write: (chunk: Buffer, _enc, done) => {
          this.logLines.push(chunk.toString('utf8'));
          done();
        },
      }),
    });
    this.app = await createRuntime(env);
    const channel = await createSlackAdapter(this.app, env, log, options);
    if (!channel) throw new Error('the Slack channel did not turn on');
    this.channel = channel;
    this.server = createHttpServer(this.app, [channel], log);
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    await channel.start?.();
    return this;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/slack/events`;
  }

  async stop(): Promise<void> {
    await this.channel?.stop?.();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await this.app?.store.close();
    await this.slack.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Posts a body signed as Slack signs it. */
  async post(body: string | Buffer, options: SignedOptions = {}): Promise<Response> {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    return fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': options.contentType ?? 'application/json',
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': signatureFor(options.secret ?? SECRET, timestamp, body),
        ...options.headers,
      },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
  }

  /** An Events API delivery of `event`; returns the response and the event id used. */
  async event(
    event: Record<string, unknown>,
    options: SignedOptions & { eventId?: string } = {},
  ): Promise<{ res: Response; eventId: string }> {
    const eventId = options.eventId ?? `Ev${String((this.nextEvent += 1)).padStart(8, '0')}`;
    const body = {
      token: 'legacy-verification-token',
      team_id: TEAM,
      api_app_id: 'A0001',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: TEAM, user_id: FakeSlackApi.BOT_USER_ID, is_bot: true }],
      event,
    };
    return { res: await this.post(JSON.stringify(body), options), eventId };
  }

  dm(text: string, user = 'U0USER01', extra: Record<string, unknown> = {}) {
    return this.event({
      type: 'message',
      channel_type: 'im',
      channel: 'D0USER01',
      user,
      text,
      ts: `${Date.now() / 1000}`,
      event_ts: '1',
      ...extra,
    });
  }

  /** A slash command as Slack posts it (form encoded). */
  async command(text: string, user = 'U0USER01', responseId = 'cmd'): Promise<Response> {
    const form = new URLSearchParams({
      token: 'legacy',
      team_id: TEAM,
      team_domain: 'example',
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: user,
      user_name: 'someone',
      command: '/compact',
      text,
      api_app_id: 'A0001',
      response_url: this.slack.responseUrl(responseId),
      trigger_id: `trigger-${responseId}`,
    });
    return this.post(form.toString(), { contentType: 'application/x-www-form-urlencoded' });
  }

  /** An interaction payload (block_actions, view_submission, shortcut) as Slack posts it. */
  async interaction(payload: Record<string, unknown>): Promise<Response> {
    const form = new URLSearchParams({
      payload: JSON.stringify({ team: { id: TEAM, domain: 'example' }, api_app_id: 'A0001', token: 'legacy', ...payload }),
    });
    return this.post(form.toString(), { contentType: 'application/x-www-form-urlencoded' });
  }

  /** A button pressed on a message in a DM or channel; an ephemeral message is not sent back with it, as in Slack. */
  async pressButton(p: {
    user: string;
    channel: string;
    button: { action_id: string; value: string };
    responseId: string;
    ephemeral?: boolean;
  }): Promise<Response> {
    const ts = '1700000001.000100';
    return this.interaction({
      type: 'block_actions',
      user: { id: p.user, team_id: TEAM },
      channel: { id: p.channel },
      container: { type: 'message', message_ts: ts, channel_id: p.channel, is_ephemeral: p.ephemeral ?? false },
      ...(p.ephemeral ? {} : { message: { type: 'message', ts, text: 'earlier' } }),
      trigger_id: `trig-${p.responseId}`,
      response_url: this.slack.responseUrl(p.responseId),
      actions: [{ type: 'button', action_id: p.button.action_id, block_id: 'b', value: p.button.value, action_ts: '1' }],
    });
  }

  logs(): string {
    return this.logLines.join('');
  }
}

/** All the text of a posted message's blocks, for assertions. */
export function blockText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') return;
    if (Array.isArray(v)) return v.forEach(walk);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out.join('\n');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The log holds lines, but neither credential and none of the words users typed. */
export function expectNothingSecretLogged(logs: string, typed: string[]): void {
  if (process.env.SHOW_LOGS) console.log(logs);
  expect(logs.length).toBeGreaterThan(0);
  expect(logs).not.toContain(BOT_TOKEN);
  expect(logs).not.toContain(SECRET);
  for (const words of typed) expect(logs).not.toContain(words);
}
