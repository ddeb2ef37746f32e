import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewReviewQuestion, ReviewStore } from '../../src/core/storage/review-store.js';

export interface ReviewStoreUnderTest {
  review: ReviewStore;
  /** A second review store on the same database, as another instance has. */
  other(): Promise<ReviewStore>;
  cleanup(): Promise<void>;
}

const at = (iso: string) => new Date(iso);

function question(id: string, overrides: Partial<NewReviewQuestion> = {}): NewReviewQuestion {
  return {
    id,
    question: `what notice for ending a grant (${id})?`,
    channel: 'slack',
    asker: 'hash-1',
    reason: 'declined',
    reply: { intent: 'unknown', keys: [] },
    candidates: [{ key: 'hertfordshire:4.4', p: 0.31 }],
    createdAt: at('2026-03-01T10:00:00Z'),
    ...overrides,
  };
}

/** The behaviour every ReviewStore implementation must show. */
export function reviewStoreContract(name: string, make: () => Promise<ReviewStoreUnderTest>): void {
  describe(`${name} review store contract`, () => {
    let subject: ReviewStoreUnderTest;
    let review: ReviewStore;

    beforeEach(async () => {
      subject = await make();
      review = subject.review;
    });
    afterEach(() => subject.cleanup());

    it('keeps a question as given, pending, with nothing pressed', async () => {
      await review.addQuestion(question('q1', { reason: 'suggested', reply: { intent: 'unknown', keys: ['a:1', 'b:2'] } }));
      expect(await review.getQuestion('q1')).toEqual({
        ...question('q1', { reason: 'suggested', reply: { intent: 'unknown', keys: ['a:1', 'b:2'] } }),
        pressed: [],
        status: 'pending',
      });
      expect(await review.getQuestion('nope')).toBeUndefined();
      expect(await review.countPending()).toBe(1);
    });

    it('records each button pressed once', async () => {
      await review.addQuestion(question('q1'));
      await review.notePressed('q1', 'a:1');
      await review.notePressed('q1', 'a:1');
      await review.notePressed('q1', 'b:2');
      await review.notePressed('missing', 'a:1');
      expect((await review.getQuestion('q1'))?.pressed).toEqual(['a:1', 'b:2']);
    });

    it('decides a pending question once, and only accepted ones change the version and the examples', async () => {
      await review.addQuestion(question('q1'));
      await review.addQuestion(question('q2', { createdAt: at('2026-03-02T10:00:00Z') }));
      await review.addQuestion(question('q3', { createdAt: at('2026-03-03T10:00:00Z') }));
      const v0 = await review.version();
      const dismissed = await review.decide('q2', { status: 'dismissed', by: 'cli:ann', at: at('2026-03-04T09:00:00Z') });
      expect(dismissed).toMatchObject({ status: 'dismissed', decidedBy: 'cli:ann', decidedAt: at('2026-03-04T09:00:00Z') });
      expect(await review.version()).toBe(v0);
      const accepted = await review.decide('q1', {
        status: 'example',
        label: 'hertfordshire:4.4',
        by: 'cli:ann',
        at: at('2026-03-04T10:00:00Z'),
      });
      expect(accepted).toMatchObject({ id: 'q1', status: 'example', label: 'hertfordshire:4.4' });
      await review.decide('q3', { status: 'out-of-scope', label: 'none', by: 'slack:U9', at: at('2026-03-04T11:00:00Z') });
      expect(await review.version()).toBeGreaterThan(v0);
      expect(await review.decide('q1', { status: 'dismissed', by: 'cli:bob', at: at('2026-03-05T10:00:00Z') })).toBeUndefined();
      expect(await review.decide('missing', { status: 'dismissed', by: 'cli:bob', at: at('2026-03-05T10:00:00Z') })).toBeUndefined();
      expect((await review.accepted()).map((q) => [q.id, q.label])).toEqual([
        ['q1', 'hertfordshire:4.4'],
        ['q3', 'none'],
      ]);
      expect((await review.listQuestions('pending')).length).toBe(0);
      expect((await review.listQuestions()).map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
      expect(await review.countPending()).toBe(0);
    });

    it('removes exported examples only, and another instance sees the version change', async () => {
      const other = await subject.other();
      await review.addQuestion(question('q1'));
      await review.addQuestion(question('q2'));
      await review.decide('q1', { status: 'example', label: 'hertfordshire:4.4', by: 'cli:ann', at: at('2026-03-04T10:00:00Z') });
      const before = await other.version();
      expect(await review.removeExported(['q1', 'q2'])).toBe(1);
      expect(await other.version()).toBeGreaterThan(before);
      expect(await other.accepted()).toEqual([]);
      expect((await other.getQuestion('q2'))?.status).toBe('pending');
    });

    it('purges pending and dismissed questions older than the cut-off, never accepted ones', async () => {
      await review.addQuestion(question('old-pending', { createdAt: at('2026-01-01T00:00:00Z') }));
      await review.addQuestion(question('old-dismissed', { createdAt: at('2026-01-01T00:00:00Z') }));
      await review.addQuestion(question('old-accepted', { createdAt: at('2026-01-01T00:00:00Z') }));
      await review.addQuestion(question('new', { createdAt: at('2026-03-01T00:00:00Z') }));
      await review.decide('old-dismissed', { status: 'dismissed', by: 'x', at: at('2026-01-02T00:00:00Z') });
      await review.decide('old-accepted', { status: 'example', label: 'k', by: 'x', at: at('2026-01-02T00:00:00Z') });
      expect(await review.purgeQuestions(at('2026-02-01T00:00:00Z'))).toBe(2);
      expect((await review.listQuestions()).map((q) => q.id).sort()).toEqual(['new', 'old-accepted']);
    });
  });
}
