import type { ReportHandlingStore } from './report-store.js';
import type { NewSubmission, Submission, SubmissionKind, SubmissionStatus } from './submission.js';

export { SUBMISSION_STATUSES, type NewSubmission, type Submission, type SubmissionKind, type SubmissionStatus } from './submission.js';

export interface Feedback {
  conversationId: string;
  userId: string;
  channel: string;
  question: string;
  answerKeys: string[];
  helpful: boolean;
  createdAt: Date;
}

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  at: Date;
}

/**
 * Everything the bot keeps. Every implementation passes test/storage/contract.ts.
 * Times are passed in by the caller so that expiry and retention follow an injected clock.
 */
export interface Store extends ReportHandlingStore {
  readonly kind: 'sqlite' | 'postgres';

  /** Conversation state (answer context and any flow in progress), or undefined when absent or expired at `now`. */
  getConversation(conversationId: string, now: Date): Promise<unknown | undefined>;
  putConversation(conversationId: string, state: unknown, expiresAt: Date): Promise<void>;
  deleteConversation(conversationId: string): Promise<void>;

  /** Stores a submission and assigns its reference atomically (per kind and year, never reused). */
  createSubmission(input: NewSubmission): Promise<Submission>;
  getSubmission(ref: string): Promise<Submission | undefined>;
  listSubmissions(filter: { kind?: SubmissionKind; userId?: string }): Promise<Submission[]>;
  setSubmissionStatus(ref: string, status: SubmissionStatus, now: Date): Promise<Submission | undefined>;
  /** Deletes submissions created before `before`; returns how many went. */
  purgeSubmissions(before: Date): Promise<number>;

  /** Records an inbound event id; true the first time it is seen, false for a repeat (unique constraint, not read-then-write). */
  claimEvent(eventId: string, now: Date): Promise<boolean>;
  /** Gives up a claim whose work did not happen (a form refused, a store failure), so the same input can be tried again. */
  releaseEvent(eventId: string): Promise<void>;

  /**
   * Runs one turn of a conversation with the store `work` is given. Turns of the same conversation run one at
   * a time: across processes on PostgreSQL (a transaction holding a lock on the conversation, so a turn's
   * writes are committed together or not at all), within the process on SQLite. Not reentrant.
   */
  inConversation<T>(conversationId: string, work: (store: Store) => Promise<T>): Promise<T>;

  /** Deletes conversations expired at `now` and event ids seen before `eventsSeenBefore`; says how many of each went. */
  purgeExpired(now: Date, eventsSeenBefore: Date): Promise<{ conversations: number; events: number }>;

  recordFeedback(feedback: Feedback): Promise<void>;
  listFeedback(): Promise<Feedback[]>;

  audit(entry: AuditEntry): Promise<void>;
  listAudit(): Promise<AuditEntry[]>;

  /** Small named values, e.g. the Teams conversation that receives new reports. */
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;

  /** Cheap round trip. */
  ping(): Promise<void>;
  /**
   * Used by /readyz: rejects when the store cannot be written. The stores themselves make a small write and
   * read it back; the store openStore returns (monitored-store.ts) also rejects after any write has failed,
   * until a write succeeds again.
   */
  health(): Promise<void>;
  close(): Promise<void>;
}
