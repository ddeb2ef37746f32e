import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Feedback, RecordStore } from '../../../src/core/storage/store.js';
import { at, eachStore, type MakeStore } from './subject.js';

/** What every RecordStore must do: feedback and the audit log kept in time order, and settings. */
export function recordContract(name: string, makeStore: MakeStore): void {
  describe(`${name} record store contract`, () => {
    const subject = eachStore(makeStore);
    let store: RecordStore;
    beforeEach(() => {
      store = subject().store;
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

    describe('settings', () => {
      it('gets, sets and overwrites settings', async () => {
        expect(await store.getSetting('teams.reportConversation')).toBeUndefined();
        await store.setSetting('teams.reportConversation', 'a:1');
        await store.setSetting('other', 'x');
        await store.setSetting('teams.reportConversation', 'b:2');
        expect(await store.getSetting('teams.reportConversation')).toBe('b:2');
        expect(await store.getSetting('other')).toBe('x');
      });
    });
  });
}
