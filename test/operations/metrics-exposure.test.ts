import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { metricsExposure } from '../../src/metrics-exposure.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { createHttpServer } from '../../src/server.js';
import { tempDataDir } from '../helpers/cli.js';

const TOKEN = 'scrape-token-0123456789';
const log = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });

let app: Runtime;
beforeAll(async () => {
  app = await createRuntime({ DATA_DIR: tempDataDir() });
});
afterAll(async () => app.store.close());

async function listen(env: NodeJS.ProcessEnv): Promise<{ server: Server; base: string }> {
  const server = createHttpServer(app, [], log, env);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('/metrics exposure', () => {
  it('asks for the bearer token when METRICS_TOKEN is set, and gives the metrics for it', async () => {
    const { server, base } = await listen({ METRICS_TOKEN: TOKEN });
    try {
      const none = await fetch(`${base}/metrics`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
      const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('compact_bot_http_requests_total');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await close(server);
    }
  });

  it('serves /metrics on METRICS_PORT only, on loopback, and stops it with the server', async () => {
    const port = await freePort();
    const { server, base } = await listen({ METRICS_PORT: String(port) });
    const metricsUrl = `http://127.0.0.1:${port}/metrics`;
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    let scraped: Response | undefined;
    for (let i = 0; i < 50 && !scraped; i++)
      scraped = await fetch(metricsUrl).catch(() => new Promise<undefined>((r) => setImmediate(() => r(undefined))));
    expect(scraped!.status).toBe(200);
    expect(await scraped!.text()).toContain('compact_bot_http_requests_total');
    await close(server);
    await expect(fetch(metricsUrl)).rejects.toThrow();
  });

  it('refuses bad settings, naming the variable', () => {
    expect(() => metricsExposure({ METRICS_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => metricsExposure({ METRICS_PORT: 'abc' })).toThrow(/METRICS_PORT: must be a port number/);
    expect(() => metricsExposure({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
    expect(metricsExposure({})).toEqual({ host: '127.0.0.1', port: undefined, token: undefined });
  });
});
