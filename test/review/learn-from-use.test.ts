import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../src/core/storage/postgres-store.js';
import { BOT_TOKEN, SECRET } from '../channels/slack/harness.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { createTestSchema, type TestSchema } from '../helpers/pg-schema.js';
import { ServeProcess } from '../helpers/serve-process.js';
import { SlackDm } from '../helpers/slack-dm.js';
import { waitUntil } from '../helpers/wait-until.js';

const databaseUrl = process.env.TEST_DATABASE_URL;
const QUESTION = 'rent free hall withdrawn by borough with six weeks warning';

describe.skipIf(!databaseUrl)('it learns from use: Slack → review → every instance → knowledge/', () => {
  const slack = new FakeSlackApi();
  let schema: TestSchema;
  let store: PostgresStore;
  let a: ServeProcess;
  let b: ServeProcess;
  let knowledge: string;

  beforeAll(async () => {
    await slack.start();
    schema = await createTestSchema(databaseUrl!);
    knowledge = join(mkdtempSync(join(tmpdir(), 'compact-bot-knowledge-')), 'knowledge');
    cpSync(join(ROOT, 'knowledge'), knowledge, { recursive: true });
    const env = {
      DATABASE_URL: schema.databaseUrl(),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    };
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
    if (knowledge) rmSync(join(knowledge, '..'), { recursive: true, force: true });
  });

  it('a question declined in Slack is accepted in the CLI, answered on the other instance without restart, and exported', async () => {
    const cli = (args: string[]) => runCli(['review', ...args], { env: { DATABASE_URL: schema.databaseUrl(), KNOWLEDGE_DIR: knowledge } });
    const dm = new SlackDm(slack);
    expect(await dm.say(a.url, QUESTION)).toMatch(/outside what I know/);
    expect(await dm.say(b.url, QUESTION)).toMatch(/outside what I know/);

    const listed = cli(['list', '--json']);
    expect(listed.status).toBe(0);
    const pending = listed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; question: string; channel: string; candidates: unknown[] });
    expect(pending.map((q) => [q.question, q.channel])).toEqual([
      [QUESTION, 'slack'],
      [QUESTION, 'slack'],
    ]);
    expect(pending[0]!.candidates).toHaveLength(3);
    const grouped = cli([]);
    expect(grouped.stdout).toMatch(/\[1\] asked 2 times by 1 person/);

    const accepted = cli(['accept', pending[0]!.id, '--item', 'hertfordshire 4.4']);
    expect(accepted.stderr).toBe('');
    expect(accepted.stdout).toContain('is now an example of hertfordshire 4.4');
    expect(cli(['dismiss', pending[1]!.id]).status).toBe(0);
    expect(cli(['dismiss', pending[1]!.id]).stderr).toMatch(/already decided \(dismissed by cli:/);

    // B was started before the example existed and has not restarted.
    const answer = await waitUntil(
      'B to answer with Hertfordshire 4.4',
      async () => {
        // A keep-alive connection idle through the CLI runs may be closed by the server just as it is reused.
        const text = await dm.say(b.url, QUESTION).catch(() => '');
        return /4\.4/.test(text) && /three months/.test(text) && text;
      },
      30_000,
    );
    expect(answer).toMatch(/Hertfordshire Compact 4\.4/);
    expect(b.alive).toBe(true);
    expect((await store.listAudit()).map((e) => e.action)).toEqual(expect.arrayContaining(['review.example', 'review.dismissed']));

    const exported = cli(['export']);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toContain(`${pending[0]!.id} → hertfordshire/undertakings.yml`);
    expect(exported.stdout).toMatch(/npm run train/);
    const yml = readFileSync(join(knowledge, 'hertfordshire', 'undertakings.yml'), 'utf8');
    expect(yml).toContain(`        - "minimum notise period council stopping funding"\n        - "${QUESTION}"\n`);
    const original = readFileSync(join(ROOT, 'knowledge', 'hertfordshire', 'undertakings.yml'), 'utf8');
    expect(yml.replace(`\n        - "${QUESTION}"`, '')).toBe(original);
    const check = runCli(['knowledge', 'check'], { env: { KNOWLEDGE_DIR: knowledge } });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(cli(['list', '--json']).stdout).toBe('');
    expect(cli(['export']).stdout).toContain('No accepted examples to export.');
  }, 120_000);
});
