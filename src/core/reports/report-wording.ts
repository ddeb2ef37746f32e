import { compactName } from '../answers/compose.js';
import { FLOWS } from '../flows/runner.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { Submission, SubmissionStatus } from '../storage/store.js';

/** The words people see for each status. */
export const STATUS_LABEL: Record<SubmissionStatus, string> = {
  received: 'Received',
  'in-review': 'In review',
  resolved: 'Resolved',
  withdrawn: 'Withdrawn',
};

/** What the reporter is told: the status and the administrator's note, nothing else of the report. */
export function reporterMessage(ref: string, status: SubmissionStatus, note: string): string {
  const head = `Your breach report ${ref} is now: ${STATUS_LABEL[status]}.`;
  return note ? `${head}\nNote from the compact team: ${note}` : head;
}

/** One line per report, for lists: reference, compact, status, organisation concerned, when received. */
export function reportLine(kb: KnowledgeBase, s: Submission): string {
  const about = typeof s.data.aboutOrg === 'string' && s.data.aboutOrg ? s.data.aboutOrg : 'organisation not given';
  return `${s.ref} · ${compactName(kb, s.compact)} · ${STATUS_LABEL[s.status]} · ${about} · ${s.createdAt.toISOString().slice(0, 10)}`;
}

export interface Reminder {
  heading: string;
  /** Reference, compact, status and the date of the last change: no reporter, no account of what happened. */
  lines: string[];
  text: string;
}

export function reminder(kb: KnowledgeBase, reports: Submission[], days: number): Reminder {
  const many = reports.length === 1 ? '1 breach report has' : `${reports.length} breach reports have`;
  const heading = `${many} had no status change for ${days} days or more`;
  const lines = reports.map((s) =>
    [s.ref, compactName(kb, s.compact), STATUS_LABEL[s.status], `last changed ${s.updatedAt.toISOString().slice(0, 10)}`].join(' · '),
  );
  return { heading, lines, text: `${heading}:\n${lines.join('\n')}` };
}

/** The report in full, field by field, for an administrator. */
export function reportFields(kb: KnowledgeBase, s: Submission): { label: string; value: string }[] {
  const label = (key: string) => FLOWS[s.kind].fields.find((f) => f.id === key)?.label ?? key;
  const data = Object.entries(s.data)
    .filter(([key]) => key !== 'compact')
    .map(([key, value]) => ({ label: label(key), value: Array.isArray(value) ? value.join(', ') : String(value ?? '') }));
  return [
    { label: 'Reference', value: s.ref },
    { label: 'Compact', value: compactName(kb, s.compact) },
    { label: 'Status', value: STATUS_LABEL[s.status] },
    { label: 'Received', value: s.createdAt.toISOString().slice(0, 16).replace('T', ' ') },
    ...data,
  ];
}
