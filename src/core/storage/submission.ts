export type SubmissionKind = 'breach' | 'signup';
export const SUBMISSION_STATUSES = ['received', 'in-review', 'resolved', 'withdrawn'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export interface Submission {
  /** Reference shown to the user, e.g. BR-2026-0007 or SU-2026-0012. */
  ref: string;
  kind: SubmissionKind;
  compact: string;
  channel: string;
  userId: string;
  conversationId: string;
  status: SubmissionStatus;
  /** The answers the user confirmed, by field id. */
  data: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewSubmission {
  kind: SubmissionKind;
  compact: string;
  channel: string;
  userId: string;
  conversationId: string;
  data: Record<string, unknown>;
  createdAt: Date;
}
