import { randomUUID } from 'node:crypto';
import { signatureFor } from '../../src/channels/slack/verify-signature.js';
import { blockText, SECRET, TEAM } from '../channels/slack/harness.js';
import type { FakeSlackApi, RecordedCall } from '../fakes/slack-api.js';
import { waitUntil } from './wait-until.js';

/** Posts an Events API delivery of a DM, signed as Slack signs it, to a server's /slack/events. */
export async function postDm(
  serverUrl: string,
  dm: { eventId: string; channel: string; user: string; text: string },
  headers: Record<string, string> = {},
): Promise<Response> {
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: TEAM,
    event_id: dm.eventId,
    event: { type: 'message', channel_type: 'im', channel: dm.channel, user: dm.user, text: dm.text, ts: `${Date.now() / 1000}` },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  return fetch(`${serverUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signatureFor(SECRET, timestamp, body),
      ...headers,
    },
    body,
  });
}

/** One person's DM with the bot; each message can go to a different server. */
export class SlackDm {
  readonly channel = `D${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
  readonly user = `U${this.channel.slice(1)}`;

  constructor(private readonly slack: FakeSlackApi) {}

  replies(): RecordedCall[] {
    return this.slack.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200 && c.body.channel === this.channel);
  }

  /** Sends `text` to the server at `serverUrl`, expects it acknowledged, and returns the text of the reply posted. */
  async say(serverUrl: string, text: string): Promise<string> {
    const before = this.replies().length;
    const res = await postDm(serverUrl, { eventId: `Ev${randomUUID()}`, channel: this.channel, user: this.user, text });
    if (res.status !== 200) throw new Error(`"${text}" was answered with HTTP ${res.status}`);
    const reply = await waitUntil(`a reply to "${text}"`, () => this.replies()[before]);
    return blockText(reply.body.blocks);
  }
}
