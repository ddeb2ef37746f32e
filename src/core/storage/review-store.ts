/** Why a question was kept for review. */
const REVIEW_REASONS = ['declined', 'suggested', 'disliked'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** pending until a maintainer decides: an example of an item, out of scope (both live examples), or dismissed. */
export type ReviewStatus = 'pending' | 'example' | 'out-of-scope' | 'dismissed';

export interface Candidate {
  key: string;
  p: number;
}

export interface NewReviewQuestion {
  id: string;
  /** With emails and phone numbers masked (mask.ts). */
  question: string;
  /** The channel kind: slack, teams, terminal. */
  channel: string;
  /** Salted hash of the asker, only to count distinct askers. */
  asker: string;
  reason: ReviewReason;
  /** The reply given: its intent, and the keys of the passages it quoted or else the values of the buttons it offered. */
  reply: { intent: string; keys: string[] };
  /** The model's top candidates, best first. */
  candidates: Candidate[];
  createdAt: Date;
}

export interface ReviewQuestion extends NewReviewQuestion {
  /** Items the asker then chose with a button. */
  pressed: string[];
  status: ReviewStatus;
  /** An item key for an example, `none` for out of scope. */
  label?: string;
  decidedBy?: string;
  decidedAt?: Date;
}

export interface ReviewDecision {
  status: Exclude<ReviewStatus, 'pending'>;
  label?: string;
  by: string;
  at: Date;
}

/**
 * Questions kept for review and the examples accepted from them. Every implementation passes
 * test/storage/review-contract.ts. The version changes whenever the accepted examples do, so every
 * instance can tell cheaply when to load them again.
 */
export interface ReviewStore {
  addQuestion(q: NewReviewQuestion): Promise<void>;
  /** Records that the asker chose `key` by a button after the reply. */
  notePressed(id: string, key: string): Promise<void>;
  getQuestion(id: string): Promise<ReviewQuestion | undefined>;
  listQuestions(status?: ReviewStatus): Promise<ReviewQuestion[]>;
  countPending(): Promise<number>;
  /** Decides a pending question; undefined when there is none with that id still pending. */
  decide(id: string, decision: ReviewDecision): Promise<ReviewQuestion | undefined>;
  /** Accepted questions (examples and out of scope), oldest decision first. */
  accepted(): Promise<ReviewQuestion[]>;
  /** Deletes accepted questions once they are written into the knowledge files. */
  removeExported(ids: string[]): Promise<number>;
  version(): Promise<number>;
  /** Deletes pending and dismissed questions kept since before `before`; accepted ones stay until exported. */
  purgeQuestions(before: Date): Promise<number>;
}
