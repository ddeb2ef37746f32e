import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureFor } from '../../src/channels/slack/verify-signature.js';
import { openStore } from '../../src/core/storage/open-store.js';
import { createLogger, REDACT_PATHS } from '../../src/logger.js';
import { BOT_TOKEN, REPORTS_CHANNEL, SECRET, TEAM } from '../channels/slack/harness.js';
import { FakeOpenIdIssuer, signingKey, signJwt } from '../channels/teams/fake-openid.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { BREACH_STEPS } from '../helpers/breach-steps.js';
import { tempDataDir } from '../helpers/cli.js';
import { ServeProcess } from '../helpers/serve-process.js';
import { postDm, SlackDm } from '../helpers/slack-dm.js';
import { waitUntil } from '../helpers/wait-until.js';
import { expectJsonLines, expectNoneOf, QUESTION } from './serve-log-checks.js';

const LEAK = 'Qv7LEAK';

/** Every line a logger built by createLogger writes, parsed. */
function capture(): { log: ReturnType<typeof createLogger>; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({
    level: 'debug',
    destination: new Writable({
      write: (c, _e, done) => {
        lines.push(JSON.parse(String(c)));
        done();
      },
    }),
  });
  return { log, lines };
}

// One object per redact path, with the secret where that path points.
const BY_PATH: Record<string, Record<string, unknown>> = {
  token: { token: LEAK },
  password: { password: LEAK },
  secret: { secret: LEAK },
  authorization: { authorization: LEAK },
  text: { text: LEAK },
  values: { values: { reporterName: LEAK } },
  data: { data: { reporterEmail: LEAK } },
  '*.token': { slack: { token: LEAK } },
  '*.password': { db: { password: LEAK } },
  '*.secret': { slack: { secret: LEAK } },
  '*.authorization': { headers: { authorization: LEAK } },
  '*.text': { event: { text: LEAK } },
  '*.values': { state: { values: [LEAK] } },
  '*.data': { err: { data: { ok: false, error: 'invalid_auth', token: LEAK } } },
  '*.*.token': { err: { request: { token: LEAK } } },
  '*.*.password': { config: { db: { password: LEAK } } },
  '*.*.secret': { config: { slack: { secret: LEAK } } },
  '*.*.authorization': { err: { headers: { authorization: LEAK } } },
  '*.*.text': { body: { event: { text: LEAK } } },
  '*.*.values': { view: { state: { values: { field: LEAK } } } },
  '*.*.data': { err: { response: { data: { token: LEAK } } } },
  'req.headers.authorization': { req: { headers: { authorization: `Bearer ${LEAK}` } } },
  'req.headers["x-slack-signature"]': { req: { headers: { 'x-slack-signature': `v0=${LEAK}` } } },
};

describe('logger redaction', () => {
  it('has a case below for every redact path', () => {
    expect(Object.keys(BY_PATH).sort()).toEqual([...REDACT_PATHS].sort());
  });

  it.each(Object.entries(BY_PATH))('censors %s, keeping the rest of the line', (_path, fields) => {
    const { log, lines } = capture();
    log.warn({ ...fields, ref: 'BR-2026-0001' }, 'something happened');
    expect(lines).toHaveLength(1);
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain(LEAK);
    expect(line).toContain('[redacted]');
    expect(lines[0]).toMatchObject({ level: 40, msg: 'something happened', ref: 'BR-2026-0001', service: 'compact-bot' });
  });
});

/** Distinctive answers for the date and every free-text field of a breach report. */
const ANSWERS: Record<string, string> = {
  'Friends of the Park': 'Qv7 Wibblethorpe Allotment Society',
  'Sam Reporter': 'Qv7 Ottoline Brackenbury',
  'sam@example.org': 'ottoline.qv7@wibblethorpe.example',
  'County Council': 'Qv7 Snodsbury District Council',
  'Funding ended at two weeks notice.': 'Qv7 the hall grant stopped without a word',
  '2025-01-15': '2024-02-29',
  'A letter.': 'Qv7 three phone calls to Mr Pumphrey',
  'Three months of funding.': 'Qv7 the grant restored until March',
};
const STEPS = BREACH_STEPS.map((s) => ({ ...s, text: ANSWERS[s.text] ?? s.text }));

/** A signed POST to /slack/events with any body, e.g. one that is not valid JSON. */
function slackPost(url: string, body: string, contentType: string): Promise<Response> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signatureFor(SECRET, timestamp, body),
    },
    body,
  });
}

describe('compact-bot serve logs, with secrets in its environment and errors forced', () => {
  const APP_PASSWORD = `teams-app-password-${randomUUID()}`;
  const slack = new FakeSlackApi();
  const issuer = new FakeOpenIdIssuer([signingKey('trusted')]);
  const dataDir = tempDataDir();
  let serve: ServeProcess;

  beforeAll(async () => {
    await slack.start();
    await issuer.start();
    // The token check at start is refused: logged as an error, without the token.
    slack.answerNext('auth.test', { ok: false, error: 'invalid_auth' });
    serve = await new ServeProcess({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_REPORTS_CHANNEL: REPORTS_CHANNEL,
      MICROSOFT_APP_ID: '6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      MICROSOFT_APP_PASSWORD: APP_PASSWORD,
      TEAMS_OPENID_METADATA_URL: issuer.metadataUrl,
    }).ready();
  });
  afterAll(async () => {
    serve?.kill();
    await slack.close();
    await issuer.stop();
  });

  it('logs valid JSON lines, errors included, but no secret, token, response_url or anything the user wrote', async () => {
    const dm = new SlackDm(slack);
    expect(await dm.say(serve.url, QUESTION)).toContain('three months');

    for (const [i, step] of STEPS.entries()) {
      // A Slack outage mid-report (retried), and both posts about the finished report refused.
      if (i === 3) slack.failNext('chat.postMessage', 1, 500);
      if (step.text === 'submit') {
        slack.answerNext('chat.postMessage', { ok: false, error: 'invalid_auth' }, (b) => b.channel === dm.channel);
        slack.answerNext('chat.postMessage', { ok: false, error: 'invalid_auth' }, (b) => b.channel === REPORTS_CHANNEL);
        await postDm(serve.url, { eventId: `Ev${randomUUID()}`, channel: dm.channel, user: dm.user, text: step.text });
        await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === REPORTS_CHANNEL, 20_000);
      } else {
        expect(await dm.say(serve.url, step.text)).toMatch(step.reply);
      }
    }
    expect(slack.calls.filter((c) => c.status === 500)).toHaveLength(1);

    // A private answer whose response_url fails; that URL is a credential in its own right.
    const respondId = `Qv7respond${randomUUID().slice(0, 8)}`;
    slack.failNext('response_url', 10, 500);
    const form = new URLSearchParams({
      team_id: TEAM,
      channel_id: 'C0GENERAL',
      user_id: 'U0QV7',
      command: '/compact',
      text: QUESTION,
      response_url: slack.responseUrl(respondId),
      trigger_id: 'trigger-qv7',
    });
    expect((await slackPost(serve.url, form.toString(), 'application/x-www-form-urlencoded')).status).toBe(200);
    await slack.waitFor((c) => c.method === 'chat.postEphemeral', 30_000);

    const forged = await postDm(
      serve.url,
      { eventId: 'EvQv7Forged', channel: dm.channel, user: dm.user, text: QUESTION },
      { 'x-slack-signature': `v0=${'0'.repeat(64)}` },
    );
    expect(forged.status).toBe(401);
    expect((await slackPost(serve.url, `{"event":{"text":"${QUESTION}"`, 'application/json')).status).toBe(400);

    const jwt = signJwt(signingKey('stranger'), {
      iss: 'https://api.botframework.com',
      aud: 'someone-else',
      serviceurl: 'http://127.0.0.1:9',
      note: LEAK,
    });
    const teams = await fetch(`${serve.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
      body: JSON.stringify({
        type: 'message',
        id: 'qv7',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9',
        text: QUESTION,
        from: { id: '29:qv7' },
        recipient: { id: '28:bot' },
        conversation: { id: 'a:qv7' },
      }),
    });
    expect(teams.status).toBe(401);

    await waitUntil(
      'the refused posts to be logged',
      () => serve.logs().filter((l) => l.level === 50 && JSON.stringify(l).includes('invalid_auth')).length >= 3,
    );
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toEqual({ code: 0, signal: null });

    const entries = expectJsonLines(serve.output);
    const messages = entries.map((e) => String(e.msg));
    expect(messages).toEqual(
      expect.arrayContaining([
        'Slack refused SLACK_BOT_TOKEN; replies will fail until it is replaced',
        'slack call failed',
        'slack request refused',
        'slack request malformed',
        'teams: request refused',
      ]),
    );
    expectNoneOf(serve.output, [BOT_TOKEN, SECRET, APP_PASSWORD, jwt, jwt.split('.')[2]!, respondId, QUESTION, ...Object.values(ANSWERS)]);

    // The answers did reach the store: their absence from the logs is redaction, not a report that never arrived.
    const store = await openStore({ dataDir });
    const [report] = await store.listSubmissions({ kind: 'breach' });
    await store.close();
    expect(report!.data).toMatchObject({
      reporterName: ANSWERS['Sam Reporter'],
      what: ANSWERS['Funding ended at two weeks notice.'],
      when: '2024-02-29',
    });
  }, 120_000);
});
