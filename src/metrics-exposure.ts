import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { parseEnv } from './config.js';

const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(1, 'must be 1 to 65535')
  .max(65535, 'must be 1 to 65535');

const schema = z.object({
  METRICS_PORT: port.optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

/** Where /metrics is served: on the main port (with a token if set), or on a port of its own, loopback by default. */
export interface MetricsExposure {
  port?: number;
  host: string;
  token?: string;
}

export function metricsExposure(env: NodeJS.ProcessEnv): MetricsExposure {
  const parsed = parseEnv(schema, { METRICS_PORT: env.METRICS_PORT, METRICS_HOST: env.METRICS_HOST, METRICS_TOKEN: env.METRICS_TOKEN });
  return { port: parsed.METRICS_PORT, host: parsed.METRICS_HOST, token: parsed.METRICS_TOKEN };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether a scrape may read the metrics: always without a token; with one, only with `Authorization: Bearer <token>` (constant time). */
export function scrapeAllowed(req: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return true;
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}
