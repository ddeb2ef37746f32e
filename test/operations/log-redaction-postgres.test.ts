import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, SECRET } from '../channels/slack/harness.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { ServeProcess } from '../helpers/serve-process.js';
import { SlackDm } from '../helpers/slack-dm.js';
import { expectJsonLines, expectNoneOf, QUESTION } from './serve-log-checks.js';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('compact-bot serve logs with a PostgreSQL password', () => {
  const role = `redact_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const password = `pg-password-${randomUUID()}`;
  const urlWith = (secret: string) => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.username = role;
    url.password = secret;
    url.searchParams.set('options', `-c search_path=${role}`);
    return url.toString();
  };

  beforeAll(async () => {
    await admin(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'; CREATE SCHEMA ${role} AUTHORIZATION ${role}`);
  });
  afterAll(async () => {
    await admin(`DROP SCHEMA IF EXISTS ${role} CASCADE; DROP ROLE IF EXISTS ${role}`);
  });

  it('names the refused login without the wrong password, and serves without ever logging the right one', async () => {
    const wrong = `pg-wrong-${randomUUID()}`;
    const refused = new ServeProcess({ DATABASE_URL: urlWith(wrong) });
    expect((await refused.exited).code).toBe(1);
    expect(refused.output).toMatch(new RegExp(`refused to log in user "${role}"`));
    expect(refused.output).not.toContain(wrong);

    const slack = await new FakeSlackApi().start();
    const serve = new ServeProcess({
      DATABASE_URL: urlWith(password),
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
    try {
      await serve.ready();
      expect(serve.logs().find((l) => l.msg === 'ready')).toMatchObject({ store: 'postgres' });
      expect(await new SlackDm(slack).say(serve.url, QUESTION)).toContain('three months');
      serve.child.kill('SIGTERM');
      expect(await serve.exited).toEqual({ code: 0, signal: null });
      expectJsonLines(serve.output);
      expectNoneOf(serve.output, [password, encodeURIComponent(password), BOT_TOKEN, SECRET, QUESTION]);
    } finally {
      serve.kill();
      await slack.close();
    }
  }, 90_000);
});
