import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../src/core/storage/postgres-store.js';
import { BOT_TOKEN, SECRET } from '../channels/slack/harness.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { BREACH_STEPS, referenceIn } from '../helpers/breach-steps.js';
import { createTestSchema, type TestSchema } from '../helpers/pg-schema.js';
import { ServeProcess } from '../helpers/serve-process.js';
import { SlackDm } from '../helpers/slack-dm.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { waitUntil } from '../helpers/wait-until.js';

const databaseUrl = process.env.TEST_DATABASE_URL;

/** Sends the steps of a breach report from `from` up to (not including) `to`, checking each reply. */
async function breachSteps(dm: SlackDm, serverUrl: string, from: number, to = BREACH_STEPS.length): Promise<string> {
  let last = '';
  for (const step of BREACH_STEPS.slice(from, to)) {
    last = await dm.say(serverUrl, step.text);
    expect(last, `reply to "${step.text}"`).toMatch(step.reply);
  }
  return last;
}

async function statusOf(url: string): Promise<number> {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.status;
}

// The steps of the second report sent before the cut; the next one is sent while it lasts.
const BEFORE_CUT = 3;

describe.skipIf(!databaseUrl)('compact-bot serve when PostgreSQL cannot be reached', () => {
  const slack = new FakeSlackApi();
  let schema: TestSchema;
  let proxy: TcpProxy;
  let store: PostgresStore;
  let server: ServeProcess;
  let confirmedRef: string;
  const interrupted = new SlackDm(slack);

  beforeAll(async () => {
    await slack.start();
    schema = await createTestSchema(databaseUrl!);
    const target = new URL(databaseUrl!);
    proxy = await new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) }).start();
    server = await new ServeProcess({
      DATABASE_URL: schema.databaseUrl(proxy.port),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    }).ready();
    // The test reads the database directly, not through the proxy.
    store = await openPostgresStore({ connectionString: databaseUrl!, schema: schema.name });
  }, 90_000);

  afterAll(async () => {
    server?.kill();
    await store?.close();
    await proxy?.close();
    await schema?.drop();
    await slack.close();
  });

  it('acknowledges a DM and says it cannot save while the database is cut; /readyz 503, /healthz 200', async () => {
    confirmedRef = referenceIn(await breachSteps(new SlackDm(slack), server.url, 0));
    await breachSteps(interrupted, server.url, 0, BEFORE_CUT);

    proxy.cut();
    expect(await interrupted.say(server.url, BREACH_STEPS[BEFORE_CUT]!.text)).toContain('cannot save right now');
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ok: false, error: 'store unreachable' });
    expect(await statusOf(`${server.url}/healthz`)).toBe(200);
  }, 60_000);

  it('recovers by itself when connections go through again: ready, and the interrupted report is finished', async () => {
    proxy.restore();
    await waitUntil('/readyz to answer 200', async () => (await statusOf(`${server.url}/readyz`)) === 200);
    // The answer that could not be saved is given again; the ones before the cut were kept.
    const last = await breachSteps(interrupted, server.url, BEFORE_CUT);

    const [stored] = await store.listSubmissions({ kind: 'breach', userId: interrupted.user });
    expect(stored!.ref).toBe(referenceIn(last));
    expect(stored!.ref).not.toBe(confirmedRef);
    expect(stored!.data).toMatchObject({
      reporterOrg: 'Friends of the Park',
      reporterName: 'Sam Reporter',
      outcome: 'Three months of funding.',
    });
    expect(server.alive).toBe(true);
  }, 60_000);

  it('loses nothing confirmed before the cut', async () => {
    const confirmed = await store.getSubmission(confirmedRef);
    expect(confirmed).toMatchObject({
      kind: 'breach',
      status: 'received',
      data: { reporterEmail: 'sam@example.org', aboutOrg: 'County Council' },
    });
  });

  it('logged no crash or unexpected error, stayed up, and still stops cleanly', async () => {
    expect(server.alive).toBe(true);
    expect(server.output).not.toMatch(/unhandled|uncaught/i);
    const errors = server.logs().filter((l) => (l.level as number) >= 50);
    // The outage itself is logged, each failed store operation with its cause and none of the answers.
    const storeFailures = errors.filter((l) => l.msg === 'store operation failed');
    expect(storeFailures.length).toBeGreaterThan(0);
    for (const l of storeFailures)
      expect(l.store).toMatchObject({ op: expect.any(String), code: expect.stringMatching(/^(E[A-Z]+|[0-9A-Z]{5}|Error)$/) });
    expect(JSON.stringify(storeFailures)).not.toMatch(/Friends of the Park|Sam Reporter|sam@example\.org/);
    expect(errors.filter((l) => l.msg !== 'store operation failed')).toEqual([]);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  }, 30_000);
});
