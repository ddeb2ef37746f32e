import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signatureFor } from '../../../src/channels/slack/verify-signature.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { blockText, BOT_TOKEN, SECRET, TEAM } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

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
    const port = await freePort();

    const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [join(ROOT, 'bin', 'compact-bot.js'), 'serve'], {
      cwd: ROOT,
      // Only what the server needs: no Teams settings, nothing from the developer's shell.
      env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });

    const deadline = Date.now() + 45_000;
    while (!/"msg":"ready"/.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`serve did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(output).toMatch(/"channels":\["slack"\]/);

    const body = JSON.stringify({
      type: 'event_callback',
      team_id: TEAM,
      event_id: 'EvServe01',
      event: { type: 'message', channel_type: 'im', channel: 'D0SERVE1', user: 'U0SERVE1', text: 'what notice is required before our funding is cut?', ts: '1700000000.000100' },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signatureFor(SECRET, timestamp, body) },
      body,
    });
    expect(res.status).toBe(200);
    const post = await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0SERVE1', 20_000);
    const text = blockText(post.body.blocks);
    expect(text).toContain('three months');
    expect(text).toContain('Hertfordshire Compact 4.4');
    expect(post.token).toBe(BOT_TOKEN);

    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(output).toMatch(/"msg":"stopped"/);
    expect(output).not.toContain(BOT_TOKEN);
    expect(output).not.toContain('funding is cut');
  }, 90_000);
});
