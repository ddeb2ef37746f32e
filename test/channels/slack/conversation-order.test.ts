import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureFor } from '../../../src/channels/slack/verify-signature.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { BREACH_STEPS, referenceIn } from '../../helpers/breach-steps.js';
import { waitUntil } from '../../helpers/wait-until.js';
import { blockText, Harness, SECRET, TEAM } from './harness.js';

const h = new Harness();
beforeAll(async () => {
  await h.start();
}, 60_000);
afterAll(async () => h.stop());

/**
 * Delivers DMs in one write on one connection (HTTP/1.1 pipelining), so that the server takes them all at the
 * same moment and in a known order; returns the status of each response.
 */
async function deliverTogether(texts: string[], user: string, channel: string): Promise<number[]> {
  const url = new URL(h.url);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const requests = texts.map((text, i) => {
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: TEAM,
      event_id: `EvTogether${i}`,
      authorizations: [{ team_id: TEAM, user_id: FakeSlackApi.BOT_USER_ID, is_bot: true }],
      event: { type: 'message', channel_type: 'im', channel, user, text, ts: `1700000000.${String(i).padStart(6, '0')}` },
    });
    const headers = [
      `POST ${url.pathname} HTTP/1.1`,
      `host: ${url.host}`,
      'content-type: application/json',
      `content-length: ${Buffer.byteLength(body)}`,
      `x-slack-request-timestamp: ${timestamp}`,
      `x-slack-signature: ${signatureFor(SECRET, timestamp, body)}`,
    ];
    return `${headers.join('\r\n')}\r\n\r\n${body}`;
  });
  const socket = connect(Number(url.port), url.hostname);
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.write(requests.join(''));
  const statuses = () => [...received.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
  await waitUntil('a response to every delivery', () => statuses().length >= texts.length);
  socket.destroy();
  return statuses();
}

describe('Slack: messages of one conversation that arrive together', () => {
  // Two things keep them apart: the store's conversation lock (without it the turns interleave and the form loses
  // answers) and ReplyOrder (without it later replies overtake earlier ones on their way to Slack).
  it('answers each in the order sent, each turn seeing the state the one before left', async () => {
    const [user, channel] = ['U0QUICK1', 'D0QUICK1'];
    const statuses = await deliverTogether(
      BREACH_STEPS.map((s) => s.text),
      user,
      channel,
    );
    expect(statuses).toEqual(BREACH_STEPS.map(() => 200));

    const replies = () => h.slack.ok('chat.postMessage').filter((c) => c.body.channel === channel);
    await waitUntil('every message to be answered', () => replies().length >= BREACH_STEPS.length);
    const texts = replies().map((c) => blockText(c.body.blocks));
    expect(texts).toHaveLength(BREACH_STEPS.length);
    texts.forEach((text, i) => expect(text, `reply ${i + 1}, to "${BREACH_STEPS[i]!.text}"`).toMatch(BREACH_STEPS[i]!.reply));

    const [stored, ...others] = await h.app.store.listSubmissions({ kind: 'breach', userId: user });
    expect(others).toEqual([]);
    expect(stored!.ref).toBe(referenceIn(texts.at(-1)!));
    const answers = { compact: 'hertfordshire', reporterOrg: 'Friends of the Park', undertakings: ['4.4'], when: '2025-01-15' };
    expect(stored!.data).toMatchObject(answers);
  });
});
