import { beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionStore } from '../../../src/core/storage/store.js';
import { reportHandlingContract } from './report-handling.js';
import { at, eachStore, type MakeStore, submission } from './subject.js';

/** What every SubmissionStore must do: references, submissions and their purge, and the handling of reports. */
export function submissionContract(name: string, makeStore: MakeStore): void {
  describe(`${name} submission store contract`, () => {
    const subject = eachStore(makeStore);
    let store: SubmissionStore;
    beforeEach(() => {
      store = subject().store;
    });

    describe('submissions', () => {
      it('assigns references per kind and per year', async () => {
        const first = await store.createSubmission(submission());
        const second = await store.createSubmission(submission());
        const signup = await store.createSubmission(submission({ kind: 'signup' }));
        const nextYear = await store.createSubmission(submission({ createdAt: at('2027-01-01T00:00:00Z') }));
        const backInThisYear = await store.createSubmission(submission({ createdAt: at('2026-12-31T23:59:59Z') }));
        expect([first, second, signup, nextYear, backInThisYear].map((s) => s.ref)).toEqual([
          'BR-2026-0001',
          'BR-2026-0002',
          'SU-2026-0001',
          'BR-2027-0001',
          'BR-2026-0003',
        ]);
      });

      it('starts as received with the input fields', async () => {
        const input = submission({ compact: 'bristol', channel: 'teams', userId: 'U9', conversationId: 'C9' });
        expect(await store.createSubmission(input)).toEqual({
          ref: 'BR-2026-0001',
          kind: 'breach',
          compact: 'bristol',
          channel: 'teams',
          userId: 'U9',
          conversationId: 'C9',
          status: 'received',
          data: { summary: 'Late payment' },
          createdAt: input.createdAt,
          updatedAt: input.createdAt,
        });
      });

      it('never reuses a reference after a purge', async () => {
        await store.createSubmission(submission());
        await store.createSubmission(submission());
        expect(await store.purgeSubmissions(at('2030-01-01T00:00:00Z'))).toBe(2);
        expect((await store.createSubmission(submission())).ref).toBe('BR-2026-0003');
      });

      it('gets by reference and lists by kind and user', async () => {
        const a1 = await store.createSubmission(submission({ userId: 'A' }));
        const a2 = await store.createSubmission(submission({ userId: 'A', createdAt: at('2026-03-02T10:00:00Z') }));
        const a3 = await store.createSubmission(submission({ userId: 'A', kind: 'signup' }));
        const b1 = await store.createSubmission(submission({ userId: 'B' }));
        expect(await store.getSubmission(a2.ref)).toEqual(a2);
        expect(await store.getSubmission('BR-2026-9999')).toBeUndefined();
        const refs = async (filter: Parameters<SubmissionStore['listSubmissions']>[0]) =>
          (await store.listSubmissions(filter)).map((s) => s.ref).sort();
        expect(await refs({})).toEqual([a1, a2, a3, b1].map((s) => s.ref).sort());
        expect(await refs({ kind: 'breach' })).toEqual([a1, a2, b1].map((s) => s.ref).sort());
        expect(await refs({ userId: 'A' })).toEqual([a1, a2, a3].map((s) => s.ref).sort());
        expect(await refs({ kind: 'breach', userId: 'A' })).toEqual([a1.ref, a2.ref]);
        expect(await refs({ kind: 'signup', userId: 'B' })).toEqual([]);
        expect(await store.listSubmissions({ userId: 'A', kind: 'breach' })).toEqual([a1, a2]);
      });

      it('round-trips data exactly', async () => {
        const data = {
          text: 'It\'s "late" \\ again\nsecond line\ttab',
          unicode: 'Caerdydd ŵ ŷ — “quotes” 🚌 東京 مرحبا',
          sql: "'); DROP TABLE submissions; --",
          nested: { list: [1, 2.5, -3, { deep: [null, true, false] }], empty: {}, none: [] },
          '': 'empty key',
          big: 9007199254740991,
        };
        const created = await store.createSubmission(submission({ data }));
        expect(created.data).toEqual(data);
        expect((await store.getSubmission(created.ref))?.data).toEqual(data);
      });

      it('sets the status and the update time', async () => {
        const created = await store.createSubmission(submission());
        const now = at('2026-03-05T09:00:00Z');
        const updated = await store.setSubmissionStatus(created.ref, 'in-review', now);
        expect(updated).toEqual({ ...created, status: 'in-review', updatedAt: now });
        expect(await store.getSubmission(created.ref)).toEqual(updated);
        expect(await store.setSubmissionStatus('SU-2026-0042', 'resolved', now)).toBeUndefined();
      });

      it('purges only submissions created before the cut-off', async () => {
        await store.createSubmission(submission({ createdAt: at('2026-01-01T00:00:00Z') }));
        const onCutoff = await store.createSubmission(submission({ createdAt: at('2026-02-01T00:00:00Z') }));
        const newer = await store.createSubmission(submission({ kind: 'signup', createdAt: at('2026-03-01T00:00:00Z') }));
        expect(await store.purgeSubmissions(at('2026-02-01T00:00:00Z'))).toBe(1);
        expect((await store.listSubmissions({})).map((s) => s.ref)).toEqual([onCutoff.ref, newer.ref]);
        expect(await store.purgeSubmissions(at('2026-02-01T00:00:00Z'))).toBe(0);
      });

      it('gives 50 concurrent submissions 50 distinct references', async () => {
        const created = await Promise.all(Array.from({ length: 50 }, (_, i) => store.createSubmission(submission({ userId: `U${i}` }))));
        const refs = new Set(created.map((s) => s.ref));
        expect(refs.size).toBe(50);
        expect([...refs].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `BR-2026-${String(i + 1).padStart(4, '0')}`));
        expect(await store.listSubmissions({})).toHaveLength(50);
      });
    });

    reportHandlingContract(() => store);
  });
}
