import { describe, expect, it } from 'vitest';
import { buttons } from './calls.js';
import { ADMIN, blockText, startedHarness, TEAM } from './harness.js';

const h = startedHarness();

const QUESTION = 'rent free hall withdrawn by borough with six weeks warning';

async function openHome(user: string) {
  h.slack.reset();
  await h.event({ type: 'app_home_opened', user, channel: 'D0HOME09', tab: 'home', event_ts: '1' });
  const publish = await h.slack.waitFor((c) => c.method === 'views.publish');
  expect(publish.problems).toBeUndefined();
  expect(publish.status).toBe(200);
  return publish.body.view.blocks as any[];
}

async function press(user: string, button: { action_id: string; value: string }) {
  h.slack.reset();
  await h.interaction({
    type: 'block_actions',
    user: { id: user, team_id: TEAM },
    container: { type: 'view', view_id: 'V0HOME' },
    view: { id: 'V0HOME', type: 'home' },
    trigger_id: 'trig-review',
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: '1' }],
  });
  return (await h.slack.waitFor((c) => c.method === 'views.publish')).body.view.blocks as any[];
}

describe('Slack: questions to review in App Home', () => {
  it('shows a declined question to administrators only, with the three decisions, and audits the one taken', async () => {
    await h.dm(QUESTION, 'U0ASKER1', { channel: 'D0ASKER1' });
    await h.slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0ASKER1');
    await h.dm('can the parish clerk sack our volunteers', 'U0ASKER2', { channel: 'D0ASKER2' });
    await h.slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0ASKER2');

    expect(blockText(await openHome('U0NOBODY'))).not.toContain('Questions to review');
    const home = await openHome(ADMIN);
    expect(blockText(home)).toContain('Questions to review');
    expect(blockText(home)).toContain(QUESTION);
    const pending = await h.app.review.listQuestions('pending');
    const asked = pending.find((q) => q.question === QUESTION)!;
    const mine = buttons(home).filter((b) => b.value.startsWith(asked.id));
    expect(mine.map((b) => b.action_id)).toEqual([
      'review:example:0',
      'review:example:1',
      'review:example:2',
      'review:out-of-scope',
      'review:dismiss',
    ]);

    // Someone else pressing an administrator's button changes nothing.
    await h.interaction({
      type: 'block_actions',
      user: { id: 'U0NOBODY', team_id: TEAM },
      container: { type: 'view', view_id: 'V0HOME' },
      view: { id: 'V0HOME', type: 'home' },
      trigger_id: 'trig-x',
      actions: [{ type: 'button', action_id: 'review:dismiss', block_id: 'b', value: asked.id, action_ts: '1' }],
    });
    const example = mine.find((b) => b.action_id === 'review:example:0');
    const after = await press(ADMIN, example);
    expect(blockText(after)).not.toContain(QUESTION);
    const decided = await h.app.review.getQuestion(asked.id);
    expect(decided).toMatchObject({ status: 'example', label: asked.candidates[0]!.key, decidedBy: `slack:${ADMIN}` });
    expect(await h.app.store.listAudit()).toContainEqual(expect.objectContaining({ actor: `slack:${ADMIN}`, action: 'review.example' }));

    const other = pending.find((q) => q.question !== QUESTION)!;
    const outOfScope = buttons(after).find((b) => b.action_id === 'review:out-of-scope' && b.value === other.id);
    await press(ADMIN, outOfScope);
    expect(await h.app.review.getQuestion(other.id)).toMatchObject({ status: 'out-of-scope', label: 'none' });
  });
});
