import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, blockText, SECRET } from '../channels/slack/harness.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { tempDataDir } from '../helpers/cli.js';
import { ServeProcess } from '../helpers/serve-process.js';
import { postDm, SlackDm } from '../helpers/slack-dm.js';
import { waitUntil } from '../helpers/wait-until.js';

/** Opens a TCP connection to the port and closes it: "connected", or the error code. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('compact-bot serve stopped by SIGTERM while an answer is being posted', () => {
  const slack = new FakeSlackApi();
  const dataDir = tempDataDir();
  let server: ServeProcess;

  beforeAll(async () => {
    await slack.start();
    server = await new ServeProcess({
      DATA_DIR: dataDir,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    }).ready();
  }, 60_000);

  afterAll(async () => {
    server?.kill();
    await slack.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses new connections, posts the answer it had acknowledged, then exits 0', async () => {
    const held = slack.hold('chat.postMessage');
    const dm = new SlackDm(slack);
    const res = await postDm(server.url, {
      eventId: `Ev${randomUUID()}`,
      channel: dm.channel,
      user: dm.user,
      text: 'what notice is required before our funding is cut?',
    });
    expect(res.status).toBe(200);
    const post = await held.arrived;

    server.child.kill('SIGTERM');
    await waitUntil('new connections to be refused', async () => (await tryConnect(server.port)) === 'ECONNREFUSED');
    // Still running: it waits for Slack to take the answer.
    expect(server.alive).toBe(true);
    const releasedAt = Date.now();
    held.release();

    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(post.body.channel).toBe(dm.channel);
    expect(blockText(post.body.blocks)).toContain('three months');
    expect(server.logs().map((l) => l.msg)).not.toContain('slack call failed');
    // An order, not a duration: both clocks are this machine's.
    const stopped = server.logs().at(-1)!;
    expect(stopped.msg).toBe('stopped');
    expect(stopped.time).toBeGreaterThanOrEqual(releasedAt);
  }, 60_000);
});
