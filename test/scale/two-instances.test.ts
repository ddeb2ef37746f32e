import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../src/core/storage/postgres-store.js';
import { BOT_TOKEN, SECRET, TEAM } from '../channels/slack/harness.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { BREACH_STEPS, referenceIn } from '../helpers/breach-steps.js';
import { createTestSchema, type TestSchema } from '../helpers/pg-schema.js';
import { ServeProcess } from '../helpers/serve-process.js';
import { postDm, SlackDm } from '../helpers/slack-dm.js';
import { waitUntil } from '../helpers/wait-until.js';

const databaseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!databaseUrl)('two compact-bot serve processes sharing one PostgreSQL schema', () => {
  const slack = new FakeSlackApi();
  let schema: TestSchema;
  let store: PostgresStore;
  let a: ServeProcess;
  let b: ServeProcess;

  beforeAll(async () => {
    await slack.start();
    schema = await createTestSchema(databaseUrl!);
    const env = {
      DATABASE_URL: schema.databaseUrl(),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    };
    // Started together, so both also migrate the empty schema at once.
    [a, b] = [new ServeProcess(env), new ServeProcess(env)];
    await Promise.all([a.ready(), b.ready()]);
    store = await openPostgresStore({ connectionString: databaseUrl!, schema: schema.name });
  }, 90_000);

  afterAll(async () => {
    a?.kill();
    b?.kill();
    await store?.close();
    await schema?.drop();
    await slack.close();
  });

  it('continues a breach report on B that was started on A, and stores the answers given on both', async () => {
    const dm = new SlackDm(slack);
    let last = '';
    // Every message goes to the other server than the one before, starting on A and submitting on B.
    for (const [i, step] of BREACH_STEPS.entries()) {
      last = await dm.say((i % 2 === 0 ? a : b).url, step.text);
      expect(last, `reply to "${step.text}"`).toMatch(step.reply);
    }

    const ref = referenceIn(last);
    const [stored, ...others] = await store.listSubmissions({ kind: 'breach', userId: dm.user });
    expect(others).toEqual([]);
    expect(stored).toMatchObject({
      ref,
      kind: 'breach',
      compact: 'hertfordshire',
      channel: 'slack',
      conversationId: `slack:${TEAM}:${dm.channel}`,
    });
    expect(stored!.data).toEqual({
      compact: 'hertfordshire',
      reporterOrg: 'Friends of the Park',
      reporterName: 'Sam Reporter',
      reporterEmail: 'sam@example.org',
      aboutOrg: 'County Council',
      signatories: 'both',
      undertakings: ['4.4'],
      what: 'Funding ended at two weeks notice.',
      when: '2025-01-15',
      tried: 'A letter.',
      outcome: 'Three months of funding.',
      consent: true,
    });
  }, 60_000);

  it('answers an event delivered ten times at once across both servers exactly once', async () => {
    for (let round = 0; round < 3; round++) {
      const dm = new SlackDm(slack);
      const event = {
        eventId: `Ev${randomUUID()}`,
        channel: dm.channel,
        user: dm.user,
        text: 'what notice is required before our funding is cut?',
      };
      const deliveries = Array.from({ length: 10 }, (_, i) =>
        postDm(
          i % 2 === 0 ? a.url : b.url,
          event,
          i < 2 ? {} : { 'x-slack-retry-num': String(i - 1), 'x-slack-retry-reason': 'http_timeout' },
        ),
      );
      expect((await Promise.all(deliveries)).map((r) => r.status)).toEqual(Array(10).fill(200));

      // Every delivery is accounted for before counting answers: one answered, nine seen as already handled.
      const skipped = () =>
        [...a.logs(), ...b.logs()].filter((l) => l.msg === 'slack event already handled' && l.eventId === event.eventId).length;
      await waitUntil('nine deliveries to be skipped', () => skipped() >= 9);
      const [answer] = await waitUntil('the answer', () => dm.replies().length > 0 && dm.replies());
      expect(skipped()).toBe(9);
      expect(dm.replies()).toHaveLength(1);
      expect(JSON.stringify(answer!.body.blocks)).toContain('three months');
    }
  }, 60_000);
});
