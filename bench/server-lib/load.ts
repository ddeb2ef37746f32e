import autocannon, { type Request } from 'autocannon';
import { rssOf, type FakeSlackChild } from './children.js';
import { messageEvent, slashCommand } from './slack-requests.js';

export interface LoadOptions {
  port: number;
  pid: number;
  seconds: number;
  connections: number;
  fake?: FakeSlackChild;
  /** Where response_url posts go; any URL will do when there is no fake (the baseline never calls it). */
  responseUrl: (id: string) => string;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  acked: number;
  errors: number;
  non2xx: number;
  maxRssMb: number;
  /** After the run: requests answered on the fake, duplicates, and how long the backlog took to clear. */
  answered?: number;
  duplicates?: number;
  drainMs?: number;
}

let next = 0;

/** Signed Slack requests, half slash commands and half DM events, each built fresh (new id, new timestamp) as it is sent. */
function requests(responseUrl: (id: string) => string): Request[] {
  return [
    {
      method: 'POST',
      path: '/slack/events',
      setupRequest: (req) => {
        const n = (next += 1);
        const signed = n % 2 === 0 ? slashCommand(n, responseUrl) : messageEvent(n);
        return { ...req, headers: signed.headers, body: signed.body };
      },
    },
  ];
}

/** Waits until the fake has seen an answer for every acknowledged request, or nothing has changed for 5 s. */
async function drain(fake: FakeSlackChild, acked: number): Promise<{ answered: number; duplicates: number; drainMs: number }> {
  const started = performance.now();
  let last = -1;
  let stableSince = performance.now();
  for (;;) {
    const c = await fake.counts();
    if (c.keys >= acked || performance.now() - stableSince > 5000) return { answered: c.keys, duplicates: c.duplicates, drainMs: performance.now() - started };
    if (c.keys !== last) {
      last = c.keys;
      stableSince = performance.now();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  await o.fake?.reset();
  let maxRss = await rssOf(o.pid);
  const sampler = setInterval(() => void rssOf(o.pid).then((r) => (maxRss = Math.max(maxRss, r)), () => undefined), 200);
  const result = await autocannon({ url: `http://127.0.0.1:${o.port}`, connections: o.connections, duration: o.seconds, timeout: 10, requests: requests(o.responseUrl) });
  clearInterval(sampler);
  const acked = result.statusCodeStats['200']?.count ?? 0;
  const out: LoadResult = {
    rps: acked / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    acked,
    errors: result.errors,
    non2xx: result.non2xx,
    maxRssMb: maxRss / 2 ** 20,
  };
  if (o.fake) Object.assign(out, await drain(o.fake, acked));
  return out;
}
