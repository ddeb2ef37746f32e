import type { ConversationStore } from './conversation-store.js';
import type { RecordStore } from './record-store.js';
import type { SubmissionStore } from './submission-store.js';

export type { AuditEntry, Feedback, RecordStore } from './record-store.js';
export { type NewSubmission, SUBMISSION_STATUSES, type Submission, type SubmissionKind, type SubmissionStatus } from './submission.js';
export type { SubmissionStore } from './submission-store.js';

/**
 * Everything the bot keeps: its parts, and the store's own health. Every implementation passes the contract
 * suite of each part (test/storage/contract/). A module that needs one part takes that part, not the Store.
 */
export interface Store extends ConversationStore<Store>, SubmissionStore, RecordStore {
  readonly kind: 'sqlite' | 'postgres';

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
