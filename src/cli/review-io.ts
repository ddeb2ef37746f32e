import type { KnowledgeBase } from '../core/knowledge/types.js';
import type { ReviewStore } from '../core/storage/review-store.js';
import type { Store } from '../core/storage/store.js';

/** What `compact-bot review` works with; tests give their own. */
export interface ReviewIo {
  out: (text: string) => void;
  err: (text: string) => void;
  kb: () => KnowledgeBase;
  knowledgeDir: string;
  store: Store;
  review: ReviewStore;
  actor: string;
  now: () => Date;
  retentionDays: number;
}
