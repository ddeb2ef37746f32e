import type { BlockAction, App as BoltApp, ButtonAction } from '@slack/bolt';
import type { Reminder } from '../../core/index.js';
import { context, header, section } from './block-kit.js';
import { type SlackClient, type SlackDeps, teamOf } from './deps.js';
import { publishHome } from './home.js';
import { OPEN_REPORT, slackActor } from './home-reports.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { postMessage, safely } from './post.js';
import { modalRef, REPORT_MODAL, reportModal } from './report-modal.js';

const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const NOT_ADMIN = 'Only the compact team’s administrators (SLACK_ADMIN_USERS) can handle reports.';

const say = (text: string) => ({ blocks: section(escapeMrkdwn(text)), text: escapeMrkdwn(text) });

/**
 * Administrators handle reports from the Home tab: Open shows a report in a modal, submitting it changes the
 * status. Who is pressing is checked on every action and every submission. `client` carries the bot token,
 * for messages sent outside any request: to reporters, and reminders.
 */
export function registerReportAdmin(bolt: BoltApp, deps: SlackDeps, client: SlackClient): void {
  const isAdmin = (user: string) => deps.config.adminUsers.includes(user);

  deps.app.reports.addMessenger('slack', async (submission, text) =>
    // A message to a user id lands in their DM with the app.
    USER_ID.test(submission.userId) ? postMessage(deps, client, 'tell reporter', { channel: submission.userId }, say(text)) : false,
  );
  const channel = deps.config.reportsChannel;
  if (channel) deps.app.reports.addReminderPoster((r) => postMessage(deps, client, 'remind of reports', { channel }, reminderMessage(r)));

  bolt.action<BlockAction<ButtonAction>>(OPEN_REPORT, async ({ ack, body, action, client: c }) => {
    await ack();
    const user = body.user.id;
    if (!isAdmin(user)) {
      deps.log.warn({ user }, 'slack: a report was asked for by someone who is not an administrator');
      return;
    }
    const opened = await deps.app.reports.open(slackActor(teamOf(body), user), action.value ?? '');
    if (!opened)
      return void (await postMessage(
        deps,
        c,
        'report not found',
        { channel: user },
        say(`There is no breach report ${action.value ?? ''}.`),
      ));
    await safely(deps, 'open report', () =>
      c.views.open({ trigger_id: body.trigger_id, view: reportModal(deps.app.kb, opened.submission, opened.history) }),
    );
  });

  bolt.view(REPORT_MODAL, async ({ ack, body, view, client: c }) => {
    const user = body.user.id;
    const ref = modalRef(view.private_metadata);
    if (!isAdmin(user) || !ref) return void (await ack({ response_action: 'errors', errors: { status: NOT_ADMIN } }));
    const values = view.state.values as Record<
      string,
      Record<string, { selected_option?: { value: string } | null; value?: string | null }>
    >;
    const status = values.status?.status?.selected_option?.value ?? '';
    const note = values.note?.note?.value ?? '';
    const team = teamOf(body);
    const result = await deps.app.reports.changeStatus(slackActor(team, user), ref, status, note);
    if (!result.ok)
      return void (await ack({ response_action: 'errors', errors: { [/note/i.test(result.error) ? 'note' : 'status']: result.error } }));
    await ack();
    deps.log.info({ ref, status, noteLength: note.trim().length, reporterTold: result.reporterTold }, 'slack: report status changed');
    if (!result.reporterTold) {
      const where =
        result.submission.channel === 'slack'
          ? 'Slack would not deliver the message'
          : `they reported in ${result.submission.channel}, and no message could be sent there`;
      await postMessage(
        deps,
        c,
        'reporter not told',
        { channel: user },
        say(`${ref} is now ${status}, but the reporter could not be told: ${where}.`),
      );
    }
    await publishHome(deps, c, team, user);
  });
}

function reminderMessage(r: Reminder) {
  return {
    blocks: [
      header('Reports waiting for a status change'),
      ...section(`${escapeMrkdwn(r.heading)}:\n${r.lines.map((l) => `• ${escapeMrkdwn(l)}`).join('\n')}`),
      context('Administrators can open them from the bot’s Home tab.'),
    ],
    text: escapeMrkdwn(r.text),
  };
}
