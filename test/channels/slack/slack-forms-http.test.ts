import { describe, expect, it } from 'vitest';
import { FLOWS } from '../../../src/core/flows/runner.js';
import { BREACH_STEPS } from '../../helpers/breach-steps.js';
import { breachState, VALID_BREACH } from '../../helpers/slack-forms.js';
import { posted } from './calls.js';
import { blockText, expectNothingSecretLogged, REPORTS_CHANNEL, sleep, startedHarness, TEAM } from './harness.js';

const h = startedHarness();

describe('Slack over HTTP: forms', () => {
  it('opens the breach form, reports invalid fields by block, then stores the report, confirms it and tells the compact team', async () => {
    await h.command('report', 'U0REPORT1', 'rep');
    const open = await h.slack.waitFor((c) => c.method === 'views.open');
    expect(open.body.trigger_id).toBe('trigger-rep');
    const view = open.body.view;
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe('form:breach');
    const inputs = (view.blocks as any[]).filter((b) => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual(FLOWS.breach.fields.map((f) => f.id));
    expect(inputs.find((b) => b.block_id === 'what').element).toMatchObject({
      type: 'plain_text_input',
      multiline: true,
      max_length: 2000,
    });
    expect(inputs.find((b) => b.block_id === 'compact').element.options.map((o: any) => o.value)).toEqual(
      h.app.kb.compacts.map((c) => c.meta.id),
    );

    const submit = (values: Record<string, string>) =>
      h.interaction({
        type: 'view_submission',
        user: { id: 'U0REPORT1', team_id: TEAM },
        trigger_id: 'trig-sub',
        view: {
          id: 'V1',
          type: 'modal',
          callback_id: 'form:breach',
          private_metadata: view.private_metadata,
          state: { values: breachState(values) },
        },
      });

    const invalid = await submit({ ...VALID_BREACH, reporterEmail: 'not-an-email' });
    expect(invalid.status).toBe(200);
    const errors = (await invalid.json()) as { response_action: string; errors: Record<string, string> };
    expect(errors.response_action).toBe('errors');
    expect(Object.keys(errors.errors)).toEqual(['reporterEmail']);
    expect(errors.errors.reporterEmail).toMatch(/not an email address/);
    expect(await h.app.store.listSubmissions({ kind: 'breach', userId: 'U0REPORT1' })).toEqual([]);

    const ok = await submit(VALID_BREACH);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('');
    const stored = await h.app.store.listSubmissions({ kind: 'breach', userId: 'U0REPORT1' });
    expect(stored).toHaveLength(1);
    const ref = stored[0]!.ref;
    expect(ref).toMatch(/^BR-\d{4}-\d+$/);
    expect(stored[0]!.data).toMatchObject({ reporterEmail: 'sam@example.org', undertakings: ['4.4'], consent: true });

    const confirmation = await h.slack.waitFor(posted('U0REPORT1'));
    expect(blockText(confirmation.body.blocks)).toContain(ref);

    const notice = await h.slack.waitFor(posted(REPORTS_CHANNEL));
    const noticeText = `${blockText(notice.body.blocks)}\n${notice.body.text}`;
    expect(noticeText).toContain(ref);
    expect(noticeText).toContain('Hertfordshire Compact');
    expect(noticeText).toContain('Borough Council &lt;!channel&gt;');
    expect(noticeText).not.toContain('<!channel>');
    for (const personal of [
      'Sam Reporter',
      'sam@example.org',
      'Friends of the Park',
      'two weeks notice',
      'grants team',
      'Three months of funding',
    ]) {
      expect(noticeText).not.toContain(personal);
    }
  });

  it('tells the user when Slack will not open the form', async () => {
    h.slack.answerNext('views.open', { ok: false, error: 'expired_trigger_id' });
    await h.command('signup', 'U0USER01', 'late');
    const sorry = await h.slack.waitFor((c) => c.method === 'response_url' && c.responseId === 'late');
    expect(blockText(sorry.body.blocks)).toMatch(/would not open the sign-up form/);
    expect(h.logs()).toContain('expired_trigger_id');
  });

  it('announces a breach report finished in a DM conversation, and survives a refused announcement', async () => {
    const answers = BREACH_STEPS.filter((step) => step.text !== 'submit').map((step) => step.text);
    for (const text of answers) {
      h.slack.reset();
      await h.dm(text, 'U0CONV01', { channel: 'D0CONV01' });
      await h.slack.waitFor(posted('D0CONV01'));
    }
    h.slack.reset();
    h.slack.answerNext('chat.postMessage', { ok: false, error: 'not_in_channel' }, (body) => body.channel === REPORTS_CHANNEL);
    await h.dm('submit', 'U0CONV01', { channel: 'D0CONV01' });
    const [stored] = await h.app.store.listSubmissions({ kind: 'breach', userId: 'U0CONV01' });
    expect(stored!.ref).toMatch(/^BR-/);
    expect(stored!.conversationId).toBe(`slack:${TEAM}:D0CONV01`);
    const confirmation = await h.slack.waitFor(posted('D0CONV01'));
    expect(blockText(confirmation.body.blocks)).toContain(stored!.ref);
    const notice = await h.slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === REPORTS_CHANNEL);
    expect(blockText(notice.body.blocks)).toContain(stored!.ref);
    expect(blockText(notice.body.blocks)).toContain('County Council');
    await sleep(100);
    expect(h.logs()).toContain('not_in_channel');

    h.slack.reset();
    await h.dm('what is an LSP?', 'U0CONV01', { channel: 'D0CONV01' });
    await h.slack.waitFor(posted('D0CONV01'));
  });

  it('opens the forms from a global shortcut and from the Home tab button', async () => {
    await h.interaction({
      type: 'shortcut',
      callback_id: 'signup',
      trigger_id: 'trig-sc',
      user: { id: 'U0USER01', team_id: TEAM },
      action_ts: '1',
    });
    const fromShortcut = await h.slack.waitFor((c) => c.method === 'views.open');
    expect(fromShortcut.body.trigger_id).toBe('trig-sc');
    expect(fromShortcut.body.view.callback_id).toBe('form:signup');

    h.slack.reset();
    await h.interaction({
      type: 'block_actions',
      user: { id: 'U0USER01', team_id: TEAM },
      container: { type: 'view', view_id: 'V0HOME' },
      view: { id: 'V0HOME', type: 'home' },
      trigger_id: 'trig-home',
      actions: [{ type: 'button', action_id: 'open_form:breach', block_id: 'b', value: 'breach', action_ts: '1' }],
    });
    const fromHome = await h.slack.waitFor((c) => c.method === 'views.open');
    expect(fromHome.body.trigger_id).toBe('trig-home');
    expect(fromHome.body.view.callback_id).toBe('form:breach');
  });

  it('publishes the Home tab with the user’s own submissions', async () => {
    const mine = await h.app.store.createSubmission({
      kind: 'signup',
      compact: 'dacorum',
      channel: 'slack',
      userId: 'U0HOME01',
      conversationId: 'c',
      data: {},
      createdAt: new Date(),
    });
    await h.event({ type: 'app_home_opened', user: 'U0HOME01', channel: 'D0HOME01', tab: 'home', event_ts: '1' });
    const publish = await h.slack.waitFor((c) => c.method === 'views.publish');
    expect(publish.body.user_id).toBe('U0HOME01');
    expect(publish.body.view.type).toBe('home');
    const text = blockText(publish.body.view.blocks);
    expect(text).toContain(mine.ref);
    expect(text).toContain('received');
    expect(text).toContain('What notice is required before our funding is cut?');
    expect(text).not.toContain('BR-');
  });
});

describe('Slack over HTTP: logging', () => {
  it('logs neither the bot token, the signing secret nor what users wrote', () => {
    expectNothingSecretLogged(h.logs(), ['sam@example.org', 'Sam Reporter', 'Friends of the Park', 'VICTIM']);
  });
});
