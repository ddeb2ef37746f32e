import type { ReportHandlingStore } from './report-store.js';
import type { NewSubmission, Submission, SubmissionKind, SubmissionStatus } from './submission.js';

/** The forms' submissions and the handling of reports. Every implementation passes test/storage/contract/submissions.ts. */
export interface SubmissionStore extends ReportHandlingStore {
  /** Stores a submission and assigns its reference atomically (per kind and year, never reused). */
  createSubmission(input: NewSubmission): Promise<Submission>;
  getSubmission(ref: string): Promise<Submission | undefined>;
  listSubmissions(filter: { kind?: SubmissionKind; userId?: string }): Promise<Submission[]>;
  setSubmissionStatus(ref: string, status: SubmissionStatus, now: Date): Promise<Submission | undefined>;
  /** Deletes submissions created before `before`; returns how many went. */
  purgeSubmissions(before: Date): Promise<number>;
}
