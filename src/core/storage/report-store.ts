import type { Submission, SubmissionStatus } from './submission.js';

/** One change of a report's status: who made it, when, and the note they gave (possibly empty). */
export interface StatusChange {
  ref: string;
  status: SubmissionStatus;
  actor: string;
  note: string;
  at: Date;
}

/** Handling reports: status changes kept with their notes, and reminders for reports nobody has touched. */
export interface ReportHandlingStore {
  /** Sets the status and records the change, together; undefined when there is no such submission. */
  changeStatus(change: StatusChange): Promise<Submission | undefined>;
  /** The report's changes, oldest first. */
  statusHistory(ref: string): Promise<StatusChange[]>;
  /**
   * Breach reports still open (received or in review) whose status last changed at or before `cutoff` and that
   * were not reminded about since then, oldest first.
   */
  reportsToRemind(cutoff: Date): Promise<Submission[]>;
  markReminded(refs: string[], at: Date): Promise<void>;
}
