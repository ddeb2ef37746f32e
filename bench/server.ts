// `npm run bench:server`: `compact-bot serve` as a child process, Slack pointed at a fake Web API on loopback,
// driven by autocannon with correctly signed Slack requests (slash commands and DM events, each unique).
// Embedded store and PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL), against a bare node:http baseline.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema } from '../test/helpers/pg-schema.js';
import { FakeSlackChild, ROOT, rssOf, type Started, startServer, stopServer } from './server-lib/children.js';
import { type LoadResult, runLoad } from './server-lib/load.js';
import { LOAD_HEADER, loadRow, verdict } from './server-lib/report.js';
import { BOT_TOKEN, SIGNING_SECRET } from './server-lib/slack-requests.js';

const SECONDS = 10;
const RATE = 1000;
// Paced runs need enough connections that one slow acknowledgement does not make a connection miss its slots.
const PACED_CONNECTIONS = 20;
const FLAT_OUT_CONNECTIONS = 10;
const IDLE_SETTLE_MS = 30_000;
const COLD_STARTS = 3;
// A fresh process compiles and loads as the first requests arrive; a few seconds of load first, not counted.
const WARM_UP_SECONDS = 3;

const SERVE = [join(ROOT, 'bin', 'compact-bot.js'), 'serve'];
const BASELINE = [join(ROOT, 'bin', 'run-ts.js'), join(ROOT, 'bench', 'server-lib', 'baseline-server.ts')];
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const fake = await FakeSlackChild.start();
const slackEnv = { PATH: process.env.PATH, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: fake.apiUrl };
const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'compact-bot-bench-'));
  dirs.push(dir);
  return dir;
};
const load = (s: Started, rate?: number, withFake = true, seconds = SECONDS): Promise<LoadResult> =>
  runLoad({
    port: s.port,
    pid: s.child.pid!,
    seconds,
    connections: rate ? PACED_CONNECTIONS : FLAT_OUT_CONNECTIONS,
    rate,
    fake: withFake ? fake : undefined,
    responseUrl: (id) => fake.responseUrl(id),
  });
const warmUp = (s: Started, withFake = true) => load(s, RATE, withFake, WARM_UP_SECONDS);

console.log(`# compact-bot serve under signed Slack load\n`);
console.log(
  `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; ` +
    'load generator, fake Slack and PostgreSQL share them.',
);
console.log(
  `Each run: ${SECONDS} s, after ${WARM_UP_SECONDS} s of warm-up at ${RATE}/s on a fresh server that is not counted; ` +
    'half /compact questions, half DM events, each with its own id and a fresh signature.',
);
console.log(
  `"at ${RATE}/s": ${RATE} requests per second over ${PACED_CONNECTIONS} connections (latency corrected for coordinated omission); ` +
    `"flat out": ${FLAT_OUT_CONNECTIONS} connections, each sending its next request as soon as the last is acknowledged.\n`,
);

// Start-up, embedded store: spawn to the `ready` log line, and resident memory when idle.
const readyMs: number[] = [];
let embedded: Started | undefined;
for (let i = 0; i < COLD_STARTS; i++) {
  const s = await startServer(SERVE, { ...slackEnv, DATA_DIR: dataDir() });
  readyMs.push(s.readyMs);
  if (i < COLD_STARTS - 1) await stopServer(s);
  else embedded = s;
}
await sleep(1000);
const idleAtStart = await rssOf(embedded!.child.pid!);
await sleep(IDLE_SETTLE_MS - 1000);
const idleSettled = await rssOf(embedded!.child.pid!);
const coldStart = Math.max(...readyMs);
console.log(`Cold start to ready (embedded store, ${COLD_STARTS} runs): ${readyMs.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`);
console.log(`Idle RSS: ${mb(idleAtStart)} MB one second after ready, ${mb(idleSettled)} MB after ${IDLE_SETTLE_MS / 1000} s idle\n`);

const rows: [string, LoadResult][] = [];
const baseline = await startServer(BASELINE, { PATH: process.env.PATH, SLACK_SIGNING_SECRET: SIGNING_SECRET });
await warmUp(baseline, false);
rows.push(['baseline: node:http + signature check, flat out', await load(baseline, undefined, false)]);
await stopServer(baseline);

await warmUp(embedded!);
const embeddedPaced = await load(embedded!, RATE);
rows.push([`compact-bot, embedded store, at ${RATE}/s`, embeddedPaced]);
rows.push(['compact-bot, embedded store, flat out', await load(embedded!)]);
const embeddedExit = await stopServer(embedded!);

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
let pgPaced: LoadResult | undefined;
let pgNote = '';
if (pgUrl) {
  const schema = await createTestSchema(pgUrl);
  try {
    const s = await startServer(SERVE, { ...slackEnv, DATABASE_URL: schema.databaseUrl() });
    await warmUp(s);
    pgPaced = await load(s, RATE);
    rows.push([`compact-bot, PostgreSQL, at ${RATE}/s`, pgPaced]);
    rows.push(['compact-bot, PostgreSQL, flat out', await load(s)]);
    await stopServer(s);
  } finally {
    await schema.drop();
  }
} else {
  pgNote = 'PostgreSQL run skipped: neither BENCH_DATABASE_URL nor TEST_DATABASE_URL is set.';
}

console.log(LOAD_HEADER);
for (const [name, r] of rows) console.log(loadRow(name, r));
if (pgNote) console.log(pgNote);
console.log(
  '\nanswered: distinct requests answered on the fake Slack / requests acknowledged; ' +
    'drain s: how long answering went on after the load stopped.',
);
console.log(
  'answers/s: answers posted per second from the first request to the last answer; ' +
    'requests in flight when the load stopped are answered too.',
);
console.log(
  'non-2xx under flat-out load are 503s: once the oldest request in hand has waited 10 s, ' +
    'new ones are refused for Slack to deliver again.\n',
);

const meets = (r: LoadResult | undefined) =>
  r !== undefined && r.rps >= RATE * 0.98 && r.p99 <= 50 && r.errors === 0 && r.non2xx === 0 && r.duplicates === 0;
console.log('Targets');
function rateTarget(store: string) {
  return `${store}: ≥ ${RATE} signed requests/s acknowledged, p99 ≤ 50 ms, 0 errors, no duplicate posts`;
}
console.log(verdict(meets(embeddedPaced), rateTarget('embedded store')));
if (pgPaced) console.log(verdict(meets(pgPaced), rateTarget('PostgreSQL')));
const idle = `${mb(idleAtStart)} MB; ${mb(idleSettled)} MB settled`;
console.log(verdict(idleAtStart <= 120 * 2 ** 20, `idle RSS ≤ 120 MB one second after ready (${idle})`));
console.log(verdict(coldStart <= 1500, `cold start ≤ 1.5 s (slowest of ${COLD_STARTS}: ${coldStart.toFixed(0)} ms)`));
console.log(verdict(embeddedExit === 0, `SIGTERM after the runs: exit code ${embeddedExit}`));

await fake.close();
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
