import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/storage/store.js';
import { at, eachStore, type MakeStore, submission } from './subject.js';

/** What every ConversationStore must do: state and its expiry, event ids, and turns one at a time per conversation. */
export function conversationContract(name: string, makeStore: MakeStore): void {
  describe(`${name} conversation store contract`, () => {
    const subject = eachStore(makeStore);
    let store: Store;
    beforeEach(() => {
      store = subject().store;
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
  });
}
