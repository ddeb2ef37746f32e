import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/core/storage/migrate.js';
import { StoreUnhealthyError, monitorStore, type StoreFailure } from '../../src/core/storage/monitored-store.js';
import type { AuditEntry, Feedback, NewSubmission, Store } from '../../src/core/storage/store.js';
import { reportHandlingContract } from './report-contract.js';

type MigratedStore = Store & { readonly migrationsApplied: readonly number[] };

export interface StoreUnderTest {
  store: MigratedStore;
  /** Opens a second store on the same database, running migrations again. */
  reopen(): Promise<MigratedStore>;
  /** Makes every write fail as it would on a full disk or a read-only database; reads still work. */
  breakWrites(): Promise<void>;
  repairWrites(): Promise<void>;
  cleanup(): Promise<void>;
}

const at = (iso: string) => new Date(iso);

function submission(overrides: Partial<NewSubmission> = {}): NewSubmission {
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

/** The behaviour every Store implementation must show. */
export function storeContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} store contract`, () => {
    let subject: StoreUnderTest;
    let store: MigratedStore;
    const opened: Store[] = [];

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await subject.cleanup();
    });

    describe('conversations', () => {
      const now = at('2026-03-01T10:00:00Z');
      const later = at('2026-03-01T10:30:00Z');

      it('round-trips state until it expires', async () => {
        const state = { flow: { id: 'breach', step: 2, answers: { when: '2026-02-28' } }, lastKeys: ['a', 'b'] };
        await store.putConversation('conv-1', state, later);
        expect(await store.getConversation('conv-1', now)).toEqual(state);
        expect(await store.getConversation('conv-2', now)).toBeUndefined();
      });

      it('is expired at its expiry time', async () => {
        await store.putConversation('conv-1', { n: 1 }, later);
        expect(await store.getConversation('conv-1', new Date(later.getTime() - 1))).toEqual({ n: 1 });
        expect(await store.getConversation('conv-1', later)).toBeUndefined();
        expect(await store.getConversation('conv-1', at('2026-03-02T00:00:00Z'))).toBeUndefined();
      });

      it('overwrites state and expiry', async () => {
        await store.putConversation('conv-1', { n: 1 }, now);
        await store.putConversation('conv-1', { n: 2 }, later);
        expect(await store.getConversation('conv-1', now)).toEqual({ n: 2 });
      });

      it('deletes', async () => {
        await store.putConversation('conv-1', { n: 1 }, later);
        await store.putConversation('conv-2', { n: 2 }, later);
        await store.deleteConversation('conv-1');
        await store.deleteConversation('never-existed');
        expect(await store.getConversation('conv-1', now)).toBeUndefined();
        expect(await store.getConversation('conv-2', now)).toEqual({ n: 2 });
      });
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
        const refs = async (filter: Parameters<Store['listSubmissions']>[0]) =>
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
        const created = await Promise.all(
          Array.from({ length: 50 }, (_, i) => store.createSubmission(submission({ userId: `U${i}` }))),
        );
        const refs = new Set(created.map((s) => s.ref));
        expect(refs.size).toBe(50);
        expect([...refs].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `BR-2026-${String(i + 1).padStart(4, '0')}`));
        expect(await store.listSubmissions({})).toHaveLength(50);
      });
    });

    describe('events', () => {
      const now = at('2026-03-01T10:00:00Z');

      it('claims an event once', async () => {
        expect(await store.claimEvent('evt-1', now)).toBe(true);
        expect(await store.claimEvent('evt-1', now)).toBe(false);
        expect(await store.claimEvent('evt-2', now)).toBe(true);
      });

      it('lets a released claim be made again, and leaves other claims alone', async () => {
        expect(await store.claimEvent('evt-released', now)).toBe(true);
        expect(await store.claimEvent('evt-kept', now)).toBe(true);
        await store.releaseEvent('evt-released');
        await store.releaseEvent('evt-never-claimed');
        expect(await store.claimEvent('evt-released', now)).toBe(true);
        expect(await store.claimEvent('evt-released', now)).toBe(false);
        expect(await store.claimEvent('evt-kept', now)).toBe(false);
      });

      it('lets exactly one of 50 concurrent claims win', async () => {
        const results = await Promise.all(Array.from({ length: 50 }, () => store.claimEvent('evt-race', now)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('expiry', () => {
      it('deletes expired conversations and event ids seen before the cut-off, and nothing else', async () => {
        const now = at('2026-03-10T12:00:00Z');
        await store.putConversation('expired', { n: 1 }, at('2026-03-10T11:59:59Z'));
        await store.putConversation('expires-now', { n: 2 }, now);
        await store.putConversation('current', { n: 3 }, at('2026-03-10T12:00:01Z'));
        await store.claimEvent('old', at('2026-03-06T00:00:00Z'));
        await store.claimEvent('recent', at('2026-03-09T00:00:00Z'));

        expect(await store.purgeExpired(now, at('2026-03-07T12:00:00Z'))).toEqual({ conversations: 2, events: 1 });
        expect(await store.getConversation('current', at('2026-03-10T00:00:00Z'))).toEqual({ n: 3 });
        expect(await store.getConversation('expired', at('2026-03-01T00:00:00Z'))).toBeUndefined();
        // A purged id can be claimed again; a kept one cannot.
        expect(await store.claimEvent('old', now)).toBe(true);
        expect(await store.claimEvent('recent', now)).toBe(false);
        expect(await store.purgeExpired(now, at('2026-03-07T12:00:00Z'))).toEqual({ conversations: 0, events: 0 });
      });
    });

    describe('conversation turns', () => {
      const later = at('2026-03-02T00:00:00Z');
      const now = at('2026-03-01T10:00:00Z');

      it('runs turns of one conversation one at a time, and of different conversations side by side', async () => {
        const log: string[] = [];
        let releaseFirst!: () => void;
        const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
        let firstStarted!: () => void;
        const started = new Promise<void>((resolve) => (firstStarted = resolve));
        const first = store.inConversation('conv-a', async (s) => {
          log.push('a1 start');
          firstStarted();
          await firstHeld;
          await s.putConversation('conv-a', { n: 1 }, later);
          log.push('a1 end');
        });
        await started;
        const second = store.inConversation('conv-a', async (s) => {
          log.push(`a2 sees ${JSON.stringify(await s.getConversation('conv-a', now))}`);
        });
        const other = store.inConversation('conv-b', async () => {
          log.push('b');
        });
        await other;
        releaseFirst();
        await Promise.all([first, second]);
        expect(log).toEqual(['a1 start', 'b', 'a1 end', 'a2 sees {"n":1}']);
      });

      it('returns what the turn returns, and passes its error on without blocking the next turn', async () => {
        expect(await store.inConversation('conv-c', async (s) => (await s.createSubmission(submission())).ref)).toBe('BR-2026-0001');
        const boom = new Error('turn failed');
        await expect(store.inConversation('conv-c', async () => Promise.reject(boom))).rejects.toBe(boom);
        await store.inConversation('conv-c', (s) => s.putConversation('conv-c', { ok: true }, later));
        expect(await store.getConversation('conv-c', now)).toEqual({ ok: true });
        expect(await store.getSubmission('BR-2026-0001')).toMatchObject({ ref: 'BR-2026-0001' });
      });
    });

    describe('feedback and audit', () => {
      it('round-trips feedback in time order', async () => {
        const feedback: Feedback[] = [
          {
            conversationId: 'C1',
            userId: 'U1',
            channel: 'slack',
            question: 'Who signs?',
            answerKeys: ['leeds/facts/1'],
            helpful: true,
            createdAt: at('2026-03-01T10:00:00Z'),
          },
          {
            conversationId: 'C2',
            userId: 'U2',
            channel: 'teams',
            question: 'Wer? “quoted” 🚌',
            answerKeys: [],
            helpful: false,
            createdAt: at('2026-03-01T10:00:01Z'),
          },
          {
            conversationId: 'C1',
            userId: 'U1',
            channel: 'terminal',
            question: 'And then?',
            answerKeys: ['a', 'b'],
            helpful: true,
            createdAt: at('2026-03-02T08:00:00Z'),
          },
        ];
        await store.recordFeedback(feedback[0]!);
        await store.recordFeedback(feedback[2]!);
        await store.recordFeedback(feedback[1]!);
        expect(await store.listFeedback()).toEqual(feedback);
      });

      it('round-trips audit entries in time order', async () => {
        const entries: AuditEntry[] = [
          { actor: 'U1', action: 'status:in-review', target: 'BR-2026-0001', at: at('2026-03-01T10:00:00Z') },
          { actor: 'U2', action: 'purge', target: 'submissions', at: at('2026-03-01T11:00:00Z') },
          { actor: 'system', action: 'setting', target: 'teams.reportConversation', at: at('2026-03-03T00:00:00Z') },
        ];
        await store.audit(entries[1]!);
        await store.audit(entries[0]!);
        await store.audit(entries[2]!);
        expect(await store.listAudit()).toEqual(entries);
      });
    });

    describe('settings and health', () => {
      it('gets, sets and overwrites settings', async () => {
        expect(await store.getSetting('teams.reportConversation')).toBeUndefined();
        await store.setSetting('teams.reportConversation', 'a:1');
        await store.setSetting('other', 'x');
        await store.setSetting('teams.reportConversation', 'b:2');
        expect(await store.getSetting('teams.reportConversation')).toBe('b:2');
        expect(await store.getSetting('other')).toBe('x');
      });

      it('answers a ping', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });

      it('is healthy while it can be written, and not while writes fail though a ping still answers', async () => {
        await expect(store.health()).resolves.toBeUndefined();
        await subject.breakWrites();
        await expect(store.ping()).resolves.toBeUndefined();
        await expect(store.health()).rejects.toThrow();
        await subject.repairWrites();
        await expect(store.health()).resolves.toBeUndefined();
      });
    });

    describe('monitored (as openStore returns it)', () => {
      it('reports a failed write with its cause and none of its data, and is unhealthy until a write succeeds', async () => {
        const failures: StoreFailure[] = [];
        const monitored = monitorStore(store, (f) => failures.push(f));
        await subject.breakWrites();
        await expect(monitored.createSubmission(submission({ data: { reporterName: 'Sam "Secret" Person' } }))).rejects.toThrow();
        const code = expect.stringMatching(/^(SQLITE_READONLY|53100)$/);
        expect(failures).toEqual([{ op: 'createSubmission', write: true, code, cause: expect.any(String) }]);
        expect(JSON.stringify(failures)).not.toMatch(/Secret/);

        await subject.repairWrites();
        // The ping answers, but the last write failed: not ready until a write succeeds (here the health probe's own).
        await expect(monitored.ping()).resolves.toBeUndefined();
        await subject.breakWrites();
        await expect(monitored.health()).rejects.toThrow(StoreUnhealthyError);
        await subject.repairWrites();
        await expect(monitored.health()).resolves.toBeUndefined();
        await expect(monitored.health()).resolves.toBeUndefined();
      });

      it("reports a write failing inside a conversation turn once, and a turn's own error not at all", async () => {
        const failures: StoreFailure[] = [];
        const monitored = monitorStore(store, (f) => failures.push(f));
        await expect(monitored.inConversation('conv-1', async () => Promise.reject(new Error('not the store')))).rejects.toThrow('not the store');
        expect(failures).toEqual([]);
        await subject.breakWrites();
        const turn = monitored.inConversation('conv-1', (s) => s.putConversation('conv-1', { n: 1 }, at('2026-03-02T00:00:00Z')));
        await expect(turn).rejects.toThrow();
        expect(failures.map((f) => [f.op, f.write])).toEqual([['putConversation', true]]);
        await subject.repairWrites();
        await monitored.putConversation('conv-1', { n: 2 }, at('2026-03-02T00:00:00Z'));
        await expect(monitored.health()).resolves.toBeUndefined();
      });
    });

    reportHandlingContract(() => store);

    describe('migrations', () => {
      it('applies every migration on a new database and none on reopening, keeping data', async () => {
        expect(store.migrationsApplied).toEqual(readMigrations().map((m) => m.version));
        await store.setSetting('kept', 'yes');
        const created = await store.createSubmission(submission());

        const again = await subject.reopen();
        opened.push(again);
        expect(again.migrationsApplied).toEqual([]);
        expect(await again.getSetting('kept')).toBe('yes');
        expect(await again.getSubmission(created.ref)).toEqual(created);
        expect((await again.createSubmission(submission())).ref).toBe('BR-2026-0002');
      });
    });
  });
}
