import type { types } from '@slack/bolt';
import { reportLine } from '../../core/index.js';
import { button, context, header, type SlackBlock, section } from './block-kit.js';
import type { SlackDeps } from './deps.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** The Open button on each report in an administrator's Home tab; its value is the reference. */
export const OPEN_REPORT = 'report_open';
/** At most this many reports in the Home tab: with the rest of the tab, well inside Slack's 100 blocks. */
const SHOWN = 20;

export const slackActor = (team: string, user: string) => `slack:${team}:${user}`;

/** "Reports to handle" for an administrator (an audited read); nothing for anyone else. */
export async function reportsHomeBlocks(deps: SlackDeps, team: string, user: string): Promise<SlackBlock[]> {
  if (!deps.config.adminUsers.includes(user)) return [];
  const { reports, total } = await deps.app.reports.list(slackActor(team, user), SHOWN);
  const rows: SlackBlock[] = reports.map((s) => ({
    type: 'section',
    block_id: `report:${s.ref}`,
    text: { type: 'mrkdwn', text: escapeMrkdwn(reportLine(deps.app.kb, s)) },
    accessory: button('Open', OPEN_REPORT, s.ref) as types.Button,
  }));
  return [
    { type: 'divider' },
    header('Reports to handle'),
    ...(reports.length === 0 ? section('_No breach reports yet._') : rows),
    ...(total > reports.length
      ? [context(`…and ${total - reports.length} more, older or closed: \`compact-bot reports list\` on the host lists them all.`)]
      : []),
  ];
}
