import { describe, expect, it } from 'vitest';
import type { NewSubmission, SubmissionStore } from '../../../src/core/storage/store.js';

const at = (iso: string) => new Date(iso);

const report = (overrides: Partial<NewSubmission> = {}): NewSubmission => ({
  kind: 'breach',
  compact: 'halton',
  channel: 'slack',
  userId: 'U1',
  conversationId: 'C1',
  data: { aboutOrg: 'Borough Council' },
  createdAt: at('2026-03-01T10:00:00Z'),
  ...overrides,
});

/** Report handling (report-store.ts), part of the submission store contract; `store` is read when each test runs. */
export function reportHandlingContract(current: () => SubmissionStore): void {
  describe('report handling', () => {
    it('changes the status and keeps each change with its actor and note, oldest first', async () => {
      const store = current();
      const created = await store.createSubmission(report());
      const first = {
        ref: created.ref,
        status: 'in-review' as const,
        actor: 'slack:T1:UADMIN',
        note: 'Asked the council',
        at: at('2026-03-02T09:00:00Z'),
      };
      const second = {
        ref: created.ref,
        status: 'resolved' as const,
        actor: 'teams:aad-1',
        note: 'Funding restored\n“in full”',
        at: at('2026-03-09T09:00:00Z'),
      };
      expect(await store.changeStatus(first)).toEqual({ ...created, status: 'in-review', updatedAt: first.at });
      expect(await store.changeStatus(second)).toEqual({ ...created, status: 'resolved', updatedAt: second.at });
      expect(await store.getSubmission(created.ref)).toMatchObject({ status: 'resolved', updatedAt: second.at });
      expect(await store.statusHistory(created.ref)).toEqual([first, second]);
      expect(await store.statusHistory('BR-2026-9999')).toEqual([]);
    });

    it('changes nothing and records nothing for an unknown reference', async () => {
      const store = current();
      const change = { ref: 'BR-2026-0042', status: 'resolved' as const, actor: 'a', note: '', at: at('2026-03-02T09:00:00Z') };
      expect(await store.changeStatus(change)).toBeUndefined();
      expect(await store.statusHistory('BR-2026-0042')).toEqual([]);
    });

    it('deletes a report’s history with the report when it is purged', async () => {
      const store = current();
      const created = await store.createSubmission(report());
      await store.changeStatus({
        ref: created.ref,
        status: 'in-review',
        actor: 'a',
        note: 'personal detail',
        at: at('2026-03-02T09:00:00Z'),
      });
      expect(await store.purgeSubmissions(at('2026-04-01T00:00:00Z'))).toBe(1);
      expect(await store.statusHistory(created.ref)).toEqual([]);
    });

    it('lists open breach reports untouched since the cut-off, once per period', async () => {
      const store = current();
      const old = await store.createSubmission(report({ createdAt: at('2026-03-01T10:00:00Z') }));
      const recent = await store.createSubmission(report({ createdAt: at('2026-03-20T10:00:00Z') }));
      const resolved = await store.createSubmission(report({ createdAt: at('2026-03-01T10:00:00Z') }));
      await store.createSubmission(report({ kind: 'signup', createdAt: at('2026-03-01T10:00:00Z') }));
      const handled = await store.createSubmission(report({ createdAt: at('2026-03-01T10:00:00Z') }));
      await store.changeStatus({ ref: resolved.ref, status: 'resolved', actor: 'a', note: '', at: at('2026-03-02T10:00:00Z') });
      await store.changeStatus({ ref: handled.ref, status: 'in-review', actor: 'a', note: '', at: at('2026-03-12T10:00:00Z') });
      const refs = async (cutoff: string) => (await store.reportsToRemind(at(cutoff))).map((s) => s.ref);

      expect(await refs('2026-03-10T10:00:00Z')).toEqual([old.ref]);
      expect(await refs('2026-03-12T10:00:00Z')).toEqual([old.ref, handled.ref]);
      await store.markReminded([old.ref, handled.ref], at('2026-03-15T10:00:00Z'));
      // Reminded on the 15th: not again until a whole period has passed since then.
      expect(await refs('2026-03-14T10:00:00Z')).toEqual([]);
      expect(await refs('2026-03-15T10:00:00Z')).toEqual([old.ref, handled.ref]);
      expect(await refs('2026-03-20T10:00:00Z')).toEqual([old.ref, handled.ref, recent.ref]);
      expect((await store.getSubmission(old.ref))?.status).toBe('received');
    });
  });
}
