import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMigrations } from '../../../src/core/storage/migrate.js';
import { monitorStore, type StoreFailure, StoreUnhealthyError } from '../../../src/core/storage/monitored-store.js';
import type { Store } from '../../../src/core/storage/store.js';
import { conversationContract } from './conversations.js';
import { recordContract } from './records.js';
import { at, eachStore, type MakeStore, type MigratedStore, type StoreUnderTest, submission } from './subject.js';
import { submissionContract } from './submissions.js';

/** Every part's contract, and what the Store as a whole must do: health, monitoring and migrations. */
export function storeContract(name: string, makeStore: MakeStore): void {
  conversationContract(name, makeStore);
  submissionContract(name, makeStore);
  recordContract(name, makeStore);

  describe(`${name} store contract`, () => {
    const current = eachStore(makeStore);
    let subject: StoreUnderTest;
    let store: MigratedStore;
    const opened: Store[] = [];

    beforeEach(() => {
      subject = current();
      store = subject.store;
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    describe('health', () => {
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
        const failing = monitored.inConversation('conv-1', async () => Promise.reject(new Error('not the store')));
        await expect(failing).rejects.toThrow('not the store');
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
