import autocannon, { type Request } from 'autocannon';
import { type FakeSlackChild, rssOf } from './children.js';
import { messageEvent, slashCommand } from './slack-requests.js';

export interface LoadOptions {
  port: number;
  pid: number;
  seconds: number;
  connections: number;
  /** Requests per second across all connections; unset, each connection sends as fast as it is answered. */
  rate?: number;
  fake?: FakeSlackChild;
  /** Where response_url posts go; any URL will do when there is no fake (the baseline never calls it). */
  responseUrl: (id: string) => string;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  acked: number;
  errors: number;
  non2xx: number;
  maxRssMb: number;
  /** After the run: requests answered on the fake (distinct), extra posts for one request, and how long the backlog took. */
  answered?: number;
  /** Answers posted per second, from the first request to the last answer. */
  answerRate?: number;
  duplicates?: number;
  drainSeconds?: number;
}

let next = 0;

/** Signed Slack requests, half slash commands and half DM events, each built as it is sent (new id, fresh timestamp). */
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

/** Waits until the fake has an answer for every acknowledged request, or nothing has changed for 5 s (60 s at most). */
async function drain(fake: FakeSlackChild, acked: number): Promise<{ answered: number; duplicates: number; drainSeconds: number }> {
  const started = performance.now();
  let last = -1;
  let changed = performance.now();
  for (;;) {
    const c = await fake.counts();
    const now = performance.now();
    const complete = c.keys >= acked;
    if (complete || now - changed > 5000 || now - started > 60_000) {
      return { answered: c.keys, duplicates: c.duplicates, drainSeconds: ((complete ? now : changed) - started) / 1000 };
    }
    if (c.keys !== last) {
      last = c.keys;
      changed = now;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  await o.fake?.reset();
  let maxRss = await rssOf(o.pid);
  const sampler = setInterval(
    () =>
      void rssOf(o.pid).then(
        (r) => (maxRss = Math.max(maxRss, r)),
        () => undefined,
      ),
    200,
  );
  const result = await autocannon({
    url: `http://127.0.0.1:${o.port}`,
    connections: o.connections,
    duration: o.seconds,
    timeout: 10,
    ...(o.rate ? { overallRate: o.rate } : {}),
    requests: requests(o.responseUrl),
  });
  const acked = result.statusCodeStats['200']?.count ?? 0;
  const drained = o.fake ? await drain(o.fake, acked) : undefined;
  clearInterval(sampler);
  return {
    rps: acked / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    acked,
    errors: result.errors,
    non2xx: result.non2xx,
    maxRssMb: maxRss / 2 ** 20,
    ...(drained ? { ...drained, answerRate: drained.answered / (result.duration + drained.drainSeconds) } : {}),
  };
}
