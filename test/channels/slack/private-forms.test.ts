import { describe, expect, it } from 'vitest';
import { breachState, VALID_BREACH } from '../../helpers/slack-forms.js';
import { buttons, posted } from './calls.js';
import { blockText, REPORTS_CHANNEL, startedHarness, TEAM } from './harness.js';

const h = startedHarness();

describe('Slack: forms are private to the person filling them in', () => {
  it('answers "report a breach" in a channel thread with a button, never a question; the form opens for whoever presses it', async () => {
    const ts = '1700000500.000100';
    await h.event({ type: 'app_mention', channel: 'C0GENERAL', user: 'U0ALICE1', text: '<@UBOT0001> report a breach', ts, event_ts: ts });
    const offer = await h.slack.waitFor(posted('C0GENERAL'));
    expect(offer.body.thread_ts).toBe(ts);
    const text = blockText(offer.body.blocks);
    expect(text).toContain('<@U0ALICE1>');
    expect(text).not.toMatch(/Which compact|your name|email/i);
    const [open] = buttons(offer.body.blocks);
    expect(open).toMatchObject({ action_id: 'open_form:breach', value: 'breach' });

    // Another person in the thread gets a form of their own: the modal opens on their trigger, for them.
    await h.pressButton({ user: 'U0BOB001', channel: 'C0GENERAL', button: open, responseId: 'bob' });
    const modal = await h.slack.waitFor((c) => c.method === 'views.open');
    expect(modal.status).toBe(200);
    expect(modal.body.trigger_id).toBe('trig-bob');
    expect(JSON.parse(modal.body.view.private_metadata)).toEqual({ conversationId: `slack:${TEAM}:user:U0BOB001` });

    // Typing form commands in the thread submits nothing and posts no one's answers.
    await h.event({
      type: 'app_mention',
      channel: 'C0GENERAL',
      user: 'U0BOB001',
      text: '<@UBOT0001> submit',
      ts: '1700000501.1',
      thread_ts: ts,
      event_ts: '1',
    });
    const after = await h.slack.waitFor((c) => posted('C0GENERAL')(c) && c !== offer);
    expect(blockText(after.body.blocks)).not.toMatch(/Reference|check your answers/);
    expect(await h.app.store.listSubmissions({ kind: 'breach' })).toEqual([]);
  });

  it('keeps the compact named in the thread on the button', async () => {
    await h.event({
      type: 'app_mention',
      channel: 'C0GENERAL',
      user: 'U0ALICE1',
      text: '<@UBOT0001> I want to sign up to the Halton compact',
      ts: '1700000600.1',
      event_ts: '1',
    });
    const offer = await h.slack.waitFor(posted('C0GENERAL'));
    expect(buttons(offer.body.blocks)[0]).toMatchObject({ action_id: 'open_form:signup', value: 'signup:halton' });
    await h.pressButton({ user: 'U0ALICE1', channel: 'C0GENERAL', button: buttons(offer.body.blocks)[0], responseId: 'alice' });
    const modal = await h.slack.waitFor((c) => c.method === 'views.open');
    const compact = modal.body.view.blocks.find((b: any) => b.block_id === 'compact');
    expect(compact.element.initial_option.value).toBe('halton');
  });

  it('files a signed view_submission delivered twice as one report with one announcement', async () => {
    const payload = {
      type: 'view_submission',
      user: { id: 'U0TWICE1', team_id: TEAM },
      trigger_id: 'trig-twice',
      view: {
        id: 'V0TWICE1',
        hash: '1700000000.abc',
        type: 'modal',
        callback_id: 'form:breach',
        private_metadata: JSON.stringify({ conversationId: `slack:${TEAM}:user:U0TWICE1` }),
        state: { values: breachState(VALID_BREACH) },
      },
    };
    const refused = await h.interaction({
      ...payload,
      view: { ...payload.view, state: { values: breachState({ ...VALID_BREACH, reporterEmail: 'nope' }) } },
    });
    expect(((await refused.json()) as { response_action: string }).response_action).toBe('errors');
    const [first, second] = await Promise.all([h.interaction(payload), h.interaction(payload)]);
    const third = await h.interaction(payload);
    for (const res of [first, second, third]) expect(res.status).toBe(200);
    await h.slack.waitFor(posted(REPORTS_CHANNEL));
    await h.slack.waitFor(posted('U0TWICE1'));
    // A later delivery would have been answered by now: its twin's announcement and confirmation were.
    await h.dm('what is an LSP?', 'U0TWICE1');
    await h.slack.waitFor(posted('D0USER01'));
    expect(await h.app.store.listSubmissions({ kind: 'breach', userId: 'U0TWICE1' })).toHaveLength(1);
    expect(h.slack.calls.filter(posted(REPORTS_CHANNEL))).toHaveLength(1);
    expect(h.slack.calls.filter(posted('U0TWICE1'))).toHaveLength(1);
  });

  it('lists the undertakings of the compact chosen in the modal', async () => {
    await h.command('report', 'U0PICK01', 'pick');
    const open = await h.slack.waitFor((c) => c.method === 'views.open');
    const view = open.body.view;
    await h.interaction({
      type: 'block_actions',
      user: { id: 'U0PICK01', team_id: TEAM },
      container: { type: 'view', view_id: 'V0PICK01' },
      view: {
        ...view,
        id: 'V0PICK01',
        hash: 'h-pick',
        state: { values: { compact: { compact_chosen: { type: 'static_select', selected_option: { value: 'dacorum' } } } } },
      },
      trigger_id: 'trig-pick',
      actions: [
        { type: 'static_select', action_id: 'compact_chosen', block_id: 'compact', selected_option: { value: 'dacorum' }, action_ts: '1' },
      ],
    });
    const update = await h.slack.waitFor((c) => c.method === 'views.update');
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({ view_id: 'V0PICK01', hash: 'h-pick' });
    const picker = update.body.view.blocks.find((b: any) => b.block_id === 'undertakings');
    const ids = picker.element.option_groups.flatMap((g: any) => g.options.map((o: any) => o.value));
    expect(ids).toContain('statutory-funding-3');
    expect(ids).not.toContain('4.4');
  });

  it('publishes a Home tab that Slack accepts: one action_id per button in a block', async () => {
    await h.event({ type: 'app_home_opened', user: 'U0HOME02', channel: 'D0HOME02', tab: 'home', event_ts: '1' });
    const publish = await h.slack.waitFor((c) => c.method === 'views.publish');
    expect(publish.problems).toBeUndefined();
    expect(publish.status).toBe(200);
  });
});
