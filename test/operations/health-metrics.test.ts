import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/answers/render-text.js';
import { Conversations } from '../../src/core/conversation.js';
import { openSqliteStore } from '../../src/core/storage/sqlite-store.js';
import { createLogger } from '../../src/logger.js';
import { Metrics } from '../../src/metrics.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { createHttpServer } from '../../src/server.js';
import { cardOf, cardText, TeamsHarness } from '../channels/teams/harness.js';
import { BREACH_STEPS } from '../helpers/breach-steps.js';
import { tempDataDir } from '../helpers/cli.js';

const silent = () => createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });

/** The real server for `app`, with no chat channel, on a loopback port; returns its base URL. */
async function serve(app: Runtime): Promise<{ base: string; server: Server }> {
  const server = createHttpServer(app, [], silent());
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

function healthChecks(name: string, env: () => NodeJS.ProcessEnv, skip = false) {
  describe.skipIf(skip)(`health and readiness (${name})`, () => {
    let app: Runtime;
    let base: string;
    let server: Server;
    beforeAll(async () => {
      app = await createRuntime(env());
      ({ base, server } = await serve(app));
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.store.close();
    });

    it('is live and ready with the store reachable and the knowledge loaded, then not ready once the store is closed', async () => {
      expect(await get(`${base}/healthz`)).toEqual({ status: 200, body: { ok: true } });
      const ready = await get(`${base}/readyz`);
      expect(ready).toEqual({ status: 200, body: { ok: true, store: name, compacts: app.kb.compacts.length } });
      expect(app.kb.compacts.length).toBeGreaterThan(0);

      await app.store.close();
      expect(await get(`${base}/readyz`)).toEqual({
        status: 503,
        body: { ok: false, store: name, compacts: app.kb.compacts.length, error: 'store unreachable' },
      });
      // Liveness does not depend on the store: a restart would not bring it back.
      expect((await get(`${base}/healthz`)).status).toBe(200);
    });
  });
}

healthChecks('sqlite', () => ({ DATA_DIR: tempDataDir() }));
healthChecks('postgres', () => ({ DATABASE_URL: process.env.TEST_DATABASE_URL }), !process.env.TEST_DATABASE_URL);

describe('readiness without knowledge', () => {
  it('is 503 with the reason when no compact is loaded', async () => {
    const app = await createRuntime({ DATA_DIR: tempDataDir() });
    const { base, server } = await serve({ ...app, kb: { ...app.kb, compacts: [] } });
    try {
      expect(await get(`${base}/readyz`)).toEqual({
        status: 503,
        body: { ok: false, store: 'sqlite', compacts: 0, error: 'no knowledge loaded' },
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.store.close();
    }
  });
});

/** One scrape of /metrics: the value of a series such as `name{label="v"}`, 0 when absent. */
async function scrape(base: string): Promise<{ text: string; value: (series: string) => number }> {
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  const values = new Map(
    text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))] as const),
  );
  return { text, value: (series) => values.get(series) ?? 0 };
}

const BREACH_ANSWERS = BREACH_STEPS.map((step) => step.text);

describe('metrics after real traffic (Teams, local mode)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await TeamsHarness.start();
  });
  afterAll(async () => h.stop());

  it('counts requests, answer latency, intents (unknown included) and flow completions in Prometheus text format', async () => {
    const before = await scrape(h.url);
    for (const name of [
      'compact_bot_http_requests_total counter',
      'compact_bot_answer_seconds histogram',
      'compact_bot_intents_total counter',
      'compact_bot_flow_completions_total counter',
    ]) {
      expect(before.text).toContain(`# TYPE ${name}`);
    }

    const questions = ['what notice is required before our funding is cut?', 'what is an LSP?', 'xyzzy plugh frobnicate', 'help'];
    for (const q of questions) await h.send(h.personal(q, { conversation: { id: 'a:metrics-questions', conversationType: 'personal' } }));
    const chat = { conversation: { id: 'a:metrics-flow', conversationType: 'personal' } };
    let last = '';
    for (const answer of BREACH_ANSWERS) last = cardText(cardOf((await h.send(h.personal(answer, chat)))[0]!));
    expect(last).toMatch(/BR-\d{4}-\d{4}/);
    const refused = await h.post('{not json');
    expect(refused.status).toBe(400);

    const after = await scrape(h.url);
    const delta = (series: string) => after.value(series) - before.value(series);
    const turns = questions.length + BREACH_ANSWERS.length;
    expect(delta('compact_bot_http_requests_total{route="/api/messages",status="200"}')).toBe(turns);
    expect(delta('compact_bot_http_requests_total{route="/api/messages",status="400"}')).toBe(1);
    // The scrape before this one was counted once it had been sent.
    expect(delta('compact_bot_http_requests_total{route="/metrics",status="200"}')).toBe(1);
    expect(delta('compact_bot_answer_seconds_count')).toBe(turns);
    expect(delta('compact_bot_answer_seconds_bucket{le="+Inf"}')).toBe(turns);
    expect(delta('compact_bot_answer_seconds_sum')).toBeGreaterThan(0);
    expect(delta('compact_bot_intents_total{intent="answer"}')).toBe(1);
    expect(delta('compact_bot_intents_total{intent="define"}')).toBe(1);
    expect(delta('compact_bot_intents_total{intent="help"}')).toBe(1);
    expect(delta('compact_bot_intents_total{intent="unknown"}')).toBe(1);
    expect(delta('compact_bot_intents_total{intent="breach"}')).toBe(BREACH_ANSWERS.length);
    expect(delta('compact_bot_flow_completions_total{flow="breach"}')).toBe(1);
    expect(delta('compact_bot_flow_completions_total{flow="signup"}')).toBe(0);
    expect(delta('compact_bot_questions_total{outcome="answered"}')).toBe(2);
    expect(delta('compact_bot_questions_total{outcome="unanswered"}')).toBe(1);
  });

  it('counts a turn refused for want of the store as an outage, not as an unanswered question', async () => {
    const metrics = new Metrics();
    const bot = new Conversations({
      kb: h.app.kb,
      engine: h.app.engine,
      store: h.app.store,
      ttlMs: 60_000,
      onReply: (r, s) => metrics.observeTurn(r, s),
    });
    const closed = await openSqliteStore(tempDataDir());
    await closed.close();
    const down = new Conversations({
      kb: h.app.kb,
      engine: h.app.engine,
      store: closed,
      ttlMs: 60_000,
      onReply: (r, s) => metrics.observeTurn(r, s),
    });
    const who = { conversationId: 'metrics-outage', userId: 'u1', channel: 'terminal' };
    await bot.handle({ ...who, text: 'xyzzy plugh frobnicate' });
    const refused = await down.handle({ ...who, text: 'what notice is required before our funding is cut?' });
    expect(renderText(refused)).toMatch(/cannot save right now/);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^compact_bot_store_unavailable_total 1$/m);
    expect(text).toMatch(/^compact_bot_questions_total\{outcome="unanswered"\} 1$/m);
    expect(text).not.toMatch(/^compact_bot_questions_total\{outcome="answered"\}/m);
    expect(text).toMatch(/^compact_bot_intents_total\{intent="unknown"\} 1$/m);
  });
});
