import { afterEach, beforeEach } from 'vitest';
import type { NewSubmission, Store } from '../../../src/core/storage/store.js';

export type MigratedStore = Store & { readonly migrationsApplied: readonly number[] };

export interface StoreUnderTest {
  store: MigratedStore;
  /** Opens a second store on the same database, running migrations again. */
  reopen(): Promise<MigratedStore>;
  /** Makes every write fail as it would on a full disk or a read-only database; reads still work. */
  breakWrites(): Promise<void>;
  repairWrites(): Promise<void>;
  cleanup(): Promise<void>;
}

export type MakeStore = () => Promise<StoreUnderTest>;

/** Opens a new store before each test and cleans it up after; call inside a describe. */
export function eachStore(makeStore: MakeStore): () => StoreUnderTest {
  let subject: StoreUnderTest | undefined;
  beforeEach(async () => {
    subject = await makeStore();
  });
  afterEach(async () => {
    await subject?.cleanup();
    subject = undefined;
  });
  return () => subject!;
}

export const at = (iso: string) => new Date(iso);

export function submission(overrides: Partial<NewSubmission> = {}): NewSubmission {
  return {
    kind: 'breach',
    compact: 'leeds',
    channel: 'slack',
    userId: 'U1',
    conversationId: 'C1',
    data: { summary: 'Late payment' },
    createdAt: at('2026-03-01T10:00:00Z'),
    ...overrides,
  };
}
