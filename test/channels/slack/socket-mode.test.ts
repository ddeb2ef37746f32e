import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockText, Harness, sleep, TEAM } from './harness.js';

const APP_TOKEN = 'xapp-1-A0001-1234-apptoken';

describe('Slack over Socket Mode (SLACK_APP_TOKEN set)', () => {
  const h = new Harness();
  beforeAll(async () => {
    await h.slack.start();
    h.slack.enableSocketMode();
    await h.start({ SLACK_APP_TOKEN: APP_TOKEN });
  }, 60_000);
  afterAll(async () => {
    await h.stop();
  });

  it('connects with the app token and serves no HTTP route of its own', async () => {
    expect(h.channel.routes).toEqual([]);
    expect(h.slack.ok('apps.connections.open')[0]!.token).toBe(APP_TOKEN);
    const res = await h.post(JSON.stringify({ type: 'url_verification', challenge: 'c' }));
    expect(res.status).toBe(404);
  });

  it('acknowledges an event over the socket, answers it, and answers a redelivery only once', async () => {
    const payload = {
      type: 'event_callback',
      team_id: TEAM,
      event_id: 'EvSocket01',
      event: {
        type: 'message',
        channel_type: 'im',
        channel: 'D0SOCKET1',
        user: 'U0SOCKET1',
        text: 'what notice is required before our funding is cut?',
        ts: '1700000000.000100',
      },
    };
    h.slack.sendEnvelope({ envelope_id: 'env-1', type: 'events_api', payload });
    await h.slack.waitFor((c) => c.method === 'socket_ack' && c.body.envelope_id === 'env-1');
    const post = await h.slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0SOCKET1');
    expect(blockText(post.body.blocks)).toContain('three months');

    h.slack.sendEnvelope({ envelope_id: 'env-2', type: 'events_api', payload, retry_attempt: 1 });
    await h.slack.waitFor((c) => c.method === 'socket_ack' && c.body.envelope_id === 'env-2');
    await sleep(400);
    expect(h.slack.ok('chat.postMessage').filter((c) => c.body.channel === 'D0SOCKET1')).toHaveLength(1);
  });

  it('answers /compact over the socket', async () => {
    h.slack.sendEnvelope({
      envelope_id: 'env-3',
      type: 'slash_commands',
      payload: {
        command: '/compact',
        text: 'define LSP',
        team_id: TEAM,
        user_id: 'U0SOCKET1',
        channel_id: 'C0GENERAL',
        trigger_id: 't',
        response_url: h.slack.responseUrl('sock'),
      },
    });
    await h.slack.waitFor((c) => c.method === 'socket_ack' && c.body.envelope_id === 'env-3');
    const answer = await h.slack.waitFor((c) => c.method === 'response_url' && c.responseId === 'sock');
    expect(blockText(answer.body.blocks)).toContain('Local Strategic Partnership');
  });
});
