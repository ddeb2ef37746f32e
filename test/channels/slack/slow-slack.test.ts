import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { posted } from './calls.js';
import { blockText, Harness } from './harness.js';

const FUNDING = 'what notice is required before our funding is cut?';
// The server's clock; moved on to show what admission makes of work that has waited.
let offsetMs = 0;
const h = new Harness();
beforeAll(async () => {
  await h.start({}, { clock: () => Date.now() + offsetMs });
}, 60_000);
afterAll(async () => h.stop());

describe('Slack: one reply waiting on Slack does not shut others out', () => {
  it('answers other users while one user’s reply waits out a 429 Retry-After', async () => {
    h.slack.failNext('chat.postMessage', 1, 429, 2);
    const slow = await h.dm(FUNDING, 'U0SLOW01', { channel: 'D0SLOW01' });
    expect(slow.res.status).toBe(200);
    await h.slack.waitFor((c) => c.method === 'chat.postMessage' && c.status === 429);
    // Judged by the server's clock, the waiting reply is now 20 s old: past the 10 s that means overload
    // when the bot itself is behind, but it is Slack that the reply is waiting for.
    offsetMs = 20_000;
    for (const user of ['U0FAST01', 'U0FAST02', 'U0FAST03']) {
      const channel = `D${user.slice(1)}`;
      const fast = await h.dm(FUNDING, user, { channel });
      expect(fast.res.status).toBe(200);
      const answer = await h.slack.waitFor(posted(channel));
      expect(blockText(answer.body.blocks)).toContain('three months');
    }
    const late = await h.slack.waitFor(posted('D0SLOW01'));
    expect(blockText(late.body.blocks)).toContain('three months');
  });
});
