import {
  type KnowledgeBase,
  NOTE_MAX,
  reportFields,
  reportLine,
  STATUS_LABEL,
  type StatusChange,
  SUBMISSION_STATUSES,
  type Submission,
} from '../../core/index.js';
import { type AdaptiveCard, adaptiveCard, type CardElement, factSet, heading, plainText, type RunStyle, subtle } from './card-elements.js';

/** Action.Execute verbs of the administrators' report cards. */
export const REPORT_VERB = {
  list: 'compactBot.reports.list',
  open: 'compactBot.reports.open',
  status: 'compactBot.reports.status',
} as const;

/** The administrator a card was made for: the Teams user id (`29:…`) that Teams puts in `from.id`. */
export interface Viewer {
  id: string;
  name: string;
}

const execute = (title: string, verb: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}): CardElement => ({
  type: 'Action.Execute',
  title,
  verb,
  data,
  ...extra,
});

/**
 * Teams shows the card's real content to the viewer alone (refresh.userIds): anyone else in the conversation
 * sees only the card posted, which names no report. Every press is an invoke whose answer only the presser sees.
 */
function personal(card: AdaptiveCard, viewer: Viewer): AdaptiveCard {
  return { ...card, refresh: { action: execute('Show the reports', REPORT_VERB.list, { viewer }), userIds: [viewer.id] } };
}

/** What is posted when an administrator types "reports": it holds no report. */
export function reportsPlaceholder(viewer: Viewer): AdaptiveCard {
  const text = `Reports to handle, for ${viewer.name} only.`;
  const card = adaptiveCard([heading('Reports to handle'), ...plainText(text)], text, [
    execute('Show the reports', REPORT_VERB.list, { viewer }),
  ]);
  return personal(card, viewer);
}

export function reportListCard(kb: KnowledgeBase, viewer: Viewer, reports: Submission[], total: number): AdaptiveCard {
  if (reports.length === 0)
    return personal(adaptiveCard([heading('Reports to handle'), ...plainText('No breach reports yet.')], 'No breach reports yet.'), viewer);
  const choices = reports.map((s) => ({ title: reportLine(kb, s), value: s.ref }));
  const body: CardElement[] = [
    heading('Reports to handle'),
    {
      type: 'Input.ChoiceSet',
      id: 'ref',
      label: 'Report',
      style: 'compact',
      isRequired: true,
      errorMessage: 'Choose a report.',
      value: reports[0]!.ref,
      choices,
    },
    ...(total > reports.length ? [subtle(`Open reports first, newest first: ${reports.length} of ${total}.`)] : []),
  ];
  const fallback = `${reports.length} breach reports: ${reports.map((s) => s.ref).join(', ')}`;
  return personal(adaptiveCard(body, fallback, [execute('Open', REPORT_VERB.open, { viewer }, { style: 'positive' })]), viewer);
}

const historyLine = (c: StatusChange) =>
  `${c.at.toISOString().slice(0, 16).replace('T', ' ')} · ${STATUS_LABEL[c.status]} · ${c.actor}${c.note ? ` · ${c.note}` : ''}`;

/** One report in full for an administrator, its history, and the status and note to change; `outcome` says what the last press did. */
export function reportCard(
  kb: KnowledgeBase,
  viewer: Viewer,
  opened: { submission: Submission; history: StatusChange[] },
  outcome?: { text: string; style: RunStyle },
): AdaptiveCard {
  const s = opened.submission;
  const history = opened.history.length === 0 ? 'No status changes yet.' : opened.history.map(historyLine).join('\n');
  const body: CardElement[] = [
    heading(`Breach report ${s.ref}`),
    ...(outcome ? plainText(outcome.text, outcome.style) : []),
    factSet(reportFields(kb, s)),
    subtle('Status history'),
    ...plainText(history),
    {
      type: 'Input.ChoiceSet',
      id: 'status',
      label: 'New status',
      style: 'compact',
      isRequired: true,
      errorMessage: 'Choose a status.',
      value: s.status,
      choices: SUBMISSION_STATUSES.map((status) => ({ title: STATUS_LABEL[status], value: status })),
    },
    {
      type: 'Input.Text',
      id: 'note',
      label: 'Note to the reporter (sent with the new status, and kept with the report)',
      isMultiline: true,
      maxLength: NOTE_MAX,
    },
  ];
  const actions = [
    execute('Change status', REPORT_VERB.status, { viewer, ref: s.ref }, { style: 'positive' }),
    execute('Back to the list', REPORT_VERB.list, { viewer }, { associatedInputs: 'none' }),
  ];
  return personal(adaptiveCard(body, `Breach report ${s.ref}: ${STATUS_LABEL[s.status]}`, actions), viewer);
}

/** Said instead of any report to someone who is not an administrator, or about a report that is not there. */
export function reportNotice(text: string): AdaptiveCard {
  return adaptiveCard(plainText(text, { color: 'Attention' }), text);
}
