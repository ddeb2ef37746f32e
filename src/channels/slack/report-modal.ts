import type { types } from '@slack/bolt';
import {
  type KnowledgeBase,
  NOTE_MAX,
  reportFields,
  STATUS_LABEL,
  type StatusChange,
  SUBMISSION_STATUSES,
  type Submission,
} from '../../core/index.js';
import { context, header, section } from './block-kit.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';

export const REPORT_MODAL = 'report_status';
const plain = (text: string, max = 2000): types.PlainTextElement => ({ type: 'plain_text', text: truncate(text, max) });
const option = (status: Submission['status']): types.PlainTextOption => ({ text: plain(STATUS_LABEL[status], 75), value: status });

const historyLine = (c: StatusChange) =>
  `${c.at.toISOString().slice(0, 16).replace('T', ' ')} · ${STATUS_LABEL[c.status]} · ${c.actor}${c.note ? ` · ${c.note}` : ''}`;

/** An administrator's view of one report: all of it, its history, and the status and note to change. */
export function reportModal(kb: KnowledgeBase, s: Submission, history: StatusChange[]): types.ModalView {
  const fields = reportFields(kb, s).map((f) => `*${escapeMrkdwn(f.label)}:* ${escapeMrkdwn(f.value)}`);
  const changes = history.length === 0 ? '_No status changes yet._' : history.map((c) => escapeMrkdwn(historyLine(c))).join('\n');
  return {
    type: 'modal',
    callback_id: REPORT_MODAL,
    title: plain(`Report ${s.ref}`, 24),
    submit: plain('Change status', 24),
    close: plain('Close', 24),
    private_metadata: JSON.stringify({ ref: s.ref }),
    blocks: [
      ...section(fields.join('\n')),
      header('Status history'),
      ...section(changes),
      {
        type: 'input',
        block_id: 'status',
        label: plain('New status'),
        element: { type: 'static_select', action_id: 'status', options: SUBMISSION_STATUSES.map(option), initial_option: option(s.status) },
      },
      {
        type: 'input',
        block_id: 'note',
        optional: true,
        label: plain('Note to the reporter'),
        hint: plain('Sent to the reporter with the new status, and kept with the report.'),
        element: { type: 'plain_text_input', action_id: 'note', multiline: true, max_length: NOTE_MAX },
      },
      context('The reporter is sent the new status and this note only.'),
    ],
  };
}

/** The reference a report modal was opened for. */
export function modalRef(privateMetadata: string): string | undefined {
  try {
    const ref = (JSON.parse(privateMetadata) as { ref?: unknown }).ref;
    return typeof ref === 'string' ? ref : undefined;
  } catch {
    return undefined;
  }
}
