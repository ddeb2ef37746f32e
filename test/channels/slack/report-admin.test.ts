import { describe, expect, it } from 'vitest';
import { DAY_MS, startHousekeeping } from '../../../src/housekeeping.js';
import { createLogger } from '../../../src/logger.js';
import type { RecordedCall } from '../../fakes/slack-api.js';
import { breachState, VALID_BREACH } from '../../helpers/slack-forms.js';
import { waitUntil } from '../../helpers/wait-until.js';
import { ADMIN, blockText, REPORTS_CHANNEL, startedHarness, TEAM } from './harness.js';

const h = startedHarness();

const REPORTER = 'U0REPORT1';
const published = (user: string) => (c: RecordedCall) => c.method === 'views.publish' && c.body.user_id === user;
const dmTo = (user: string) => (c: RecordedCall) => c.method === 'chat.postMessage' && c.body.channel === user;

async function fileReport(user: string, viewId: string): Promise<string> {
  await h.interaction({
    type: 'view_submission',
    user: { id: user, team_id: TEAM },
    trigger_id: `trig-${viewId}`,
    view: {
      id: viewId,
      hash: '1700000000.abc',
      type: 'modal',
      callback_id: 'form:breach',
      private_metadata: JSON.stringify({ conversationId: `slack:${TEAM}:user:${user}` }),
      state: { values: breachState(VALID_BREACH) },
    },
  });
  await h.slack.waitFor((c) => dmTo(user)(c) && /Reference/.test(blockText(c.body.blocks)));
  const [mine] = await h.app.store.listSubmissions({ userId: user });
  return mine!.ref;
}

async function openHome(user: string): Promise<RecordedCall> {
  const before = h.slack.calls.length;
  await h.event({ type: 'app_home_opened', user, channel: 'D0HOME01', tab: 'home', event_ts: '1' });
  return h.slack.waitFor((c) => h.slack.calls.indexOf(c) >= before && published(user)(c));
}

const openButton = (home: RecordedCall, ref: string) =>
  home.body.view.blocks.find((b: any) => b.block_id === `report:${ref}`)?.accessory as { action_id: string; value: string } | undefined;

function submitStatus(user: string, ref: string, status: string, note: string) {
  return h.interaction({
    type: 'view_submission',
    user: { id: user, team_id: TEAM },
    trigger_id: 'trig-status',
    view: {
      id: `V0STATUS${status.length}`,
      hash: '1700000001.def',
      type: 'modal',
      callback_id: 'report_status',
      private_metadata: JSON.stringify({ ref }),
      state: {
        values: {
          status: { status: { type: 'static_select', selected_option: { value: status } } },
          note: { note: { type: 'plain_text_input', value: note } },
        },
      },
    },
  });
}

describe('Slack: administrators handle reports from the Home tab', () => {
  it('lists reports for an administrator, opens one, changes its status with a note, and tells the reporter only that', async () => {
    const ref = await fileReport(REPORTER, 'V0FILED01');
    const home = await openHome(ADMIN);
    expect(home.status).toBe(200);
    expect(blockText(home.body.view.blocks)).toContain('Reports to handle');
    const open = openButton(home, ref);
    expect(open).toMatchObject({ action_id: 'report_open', value: ref });

    await h.pressButton({ user: ADMIN, channel: 'D0HOME01', button: open!, responseId: 'open-report' });
    const modal = await h.slack.waitFor((c) => c.method === 'views.open');
    expect(modal.status).toBe(200);
    expect(modal.body.trigger_id).toBe('trig-open-report');
    expect(blockText(modal.body.view.blocks)).toContain('sam@example.org');
    expect(modal.body.view.blocks.find((b: any) => b.block_id === 'status').element.initial_option.value).toBe('received');

    const note = 'We have written to the council; expect a reply within <!channel> 20 days.';
    const res = await submitStatus(ADMIN, ref, 'in-review', note);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const told = await h.slack.waitFor((c) => dmTo(REPORTER)(c) && /is now/.test(blockText(c.body.blocks)));
    expect(told.status).toBe(200);
    const text = blockText(told.body.blocks);
    expect(text).toContain(`Your breach report ${ref} is now: In review.`);
    expect(text).toContain('&lt;!channel&gt; 20 days');
    expect(text).not.toMatch(/Borough Council|sam@example\.org|two weeks notice/);
    await h.slack.waitFor(published(ADMIN));

    expect(await h.app.store.getSubmission(ref)).toMatchObject({ status: 'in-review' });
    expect(await h.app.store.statusHistory(ref)).toEqual([
      expect.objectContaining({ status: 'in-review', actor: `slack:${TEAM}:${ADMIN}`, note }),
    ]);
    const audit = await h.app.store.listAudit();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['reports.list', 'reports.show', 'reports.status']));
    const change = audit.find((a) => a.action === 'reports.status')!;
    expect(change).toMatchObject({
      actor: `slack:${TEAM}:${ADMIN}`,
      target: `${ref}: received → in-review; note of ${note.length} characters; reporter told`,
    });
    expect(h.logs()).not.toContain('written to the council');
  });

  it('refuses a status that is not one, keeping the modal open with the error', async () => {
    const ref = await fileReport('U0REPORT2', 'V0FILED02');
    const res = await submitStatus(ADMIN, ref, 'lost', '');
    expect(await res.json()).toEqual({
      response_action: 'errors',
      errors: { status: 'Choose a status: received, in-review, resolved, withdrawn.' },
    });
    expect((await h.app.store.getSubmission(ref))?.status).toBe('received');
  });

  it('never shows a non-administrator the reports, nor lets them open or change one', async () => {
    const ref = await fileReport('U0REPORT3', 'V0FILED03');
    const home = await openHome('U0STRANGE');
    expect(blockText(home.body.view.blocks)).not.toContain('Reports to handle');
    expect(openButton(home, ref)).toBeUndefined();

    await h.pressButton({ user: 'U0STRANGE', channel: 'D0HOME01', button: { action_id: 'report_open', value: ref }, responseId: 'sneak' });
    const res = await submitStatus('U0STRANGE', ref, 'withdrawn', 'gone');
    expect(await res.json()).toMatchObject({
      response_action: 'errors',
      errors: { status: expect.stringMatching(/Only the compact team’s administrators/) },
    });
    await waitUntil('the refusal to be logged', () => /not an administrator/.test(h.logs()));
    expect(h.slack.calls.filter((c) => c.method === 'views.open')).toEqual([]);
    expect((await h.app.store.getSubmission(ref))?.status).toBe('received');
    expect((await h.app.store.listAudit()).filter((a) => a.actor.endsWith('U0STRANGE'))).toEqual([]);
  });

  it('tells the administrator when the reporter cannot be told', async () => {
    const [teamsReport] = [
      await h.app.store.createSubmission({
        kind: 'breach',
        compact: 'halton',
        channel: 'teams',
        userId: 'aad-1',
        conversationId: 'teams:x',
        data: {},
        createdAt: new Date(),
      }),
    ];
    await submitStatus(ADMIN, teamsReport!.ref, 'resolved', '');
    const notice = await h.slack.waitFor(dmTo(ADMIN));
    expect(blockText(notice.body.blocks)).toMatch(
      new RegExp(`${teamsReport!.ref} is now resolved, but the reporter could not be told: they reported in teams`),
    );
  });

  it('posts one reminder of untouched reports to the reports channel from housekeeping, once per period', async () => {
    const ref = await fileReport('U0REPORT4', 'V0FILED04');
    const filed = (await h.app.store.getSubmission(ref))!.updatedAt.getTime();
    const reminders = () =>
      h.slack.calls.filter(
        (c) =>
          c.method === 'chat.postMessage' &&
          c.body.channel === REPORTS_CHANNEL &&
          /waiting for a status change/.test(blockText(c.body.blocks)),
      );
    const housekeepingOn = async (daysLater: number) => {
      const log = createLogger({ level: 'silent' });
      const run = startHousekeeping({
        store: h.app.store,
        log,
        reports: h.app.reports,
        reminderDays: 14,
        clock: () => new Date(filed + daysLater * DAY_MS),
      });
      await run.stop();
    };

    await housekeepingOn(13.9);
    expect(reminders()).toEqual([]);
    await housekeepingOn(14);
    const [reminder] = reminders();
    expect(reminder!.status).toBe(200);
    expect(blockText(reminder!.body.blocks)).toContain(`${ref} · Hertfordshire Compact · Received · last changed`);
    expect(blockText(reminder!.body.blocks)).not.toMatch(/sam@example\.org|Sam Reporter|two weeks notice/);
    await housekeepingOn(27);
    expect(reminders()).toHaveLength(1);
    await housekeepingOn(28);
    expect(reminders()).toHaveLength(2);
  });
});
