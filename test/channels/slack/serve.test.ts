import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signatureFor } from '../../../src/channels/slack/verify-signature.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { ServeProcess } from '../../helpers/serve-process.js';
import { BOT_TOKEN, blockText, SECRET, TEAM } from './harness.js';

describe('compact-bot serve with Slack', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('answers a signed DM from a real child process, and exits 0 on SIGTERM', async () => {
    const slack = await new FakeSlackApi().start();
    cleanups.push(() => slack.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'compact-bot-serve-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

    // Only what the server needs: no Teams settings, nothing from the developer's shell.
    const serve = new ServeProcess({
      DATA_DIR: dataDir,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    });
    cleanups.push(() => serve.kill());
    await serve.ready();
    expect(serve.output).toMatch(/"channels":\["slack"\]/);

    const body = JSON.stringify({
      type: 'event_callback',
      team_id: TEAM,
      event_id: 'EvServe01',
      event: {
        type: 'message',
        channel_type: 'im',
        channel: 'D0SERVE1',
        user: 'U0SERVE1',
        text: 'what notice is required before our funding is cut?',
        ts: '1700000000.000100',
      },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await fetch(`${serve.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': signatureFor(SECRET, timestamp, body),
      },
      body,
    });
    expect(res.status).toBe(200);
    const post = await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0SERVE1', 20_000);
    const text = blockText(post.body.blocks);
    expect(text).toContain('three months');
    expect(text).toContain('Hertfordshire Compact 4.4');
    expect(post.token).toBe(BOT_TOKEN);

    serve.child.kill('SIGTERM');
    expect(await serve.exited).toEqual({ code: 0, signal: null });
    expect(serve.output).toMatch(/"msg":"stopped"/);
    expect(serve.output).not.toContain(BOT_TOKEN);
    expect(serve.output).not.toContain('funding is cut');
  }, 90_000);
});
