import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge/types.js';
import { NOTE_MAX, ReportDesk } from '../../src/core/reports/report-desk.js';
import { openSqliteStore, type SqliteStore } from '../../src/core/storage/sqlite-store.js';
import type { NewSubmission } from '../../src/core/storage/store.js';

const kb = { compacts: [{ meta: { id: 'halton', name: 'Halton Compact' } }] } as unknown as KnowledgeBase;
const NOW = new Date('2026-05-01T09:00:00Z');
const report = (overrides: Partial<NewSubmission> = {}): NewSubmission => ({
  kind: 'breach',
  compact: 'halton',
  channel: 'slack',
  userId: 'U1',
  conversationId: 'c',
  data: { aboutOrg: 'Council' },
  createdAt: new Date('2026-04-01T09:00:00Z'),
  ...overrides,
});

let dir: string;
let store: SqliteStore;
let desk: ReportDesk;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'compact-bot-desk-'));
  store = await openSqliteStore(dir);
  desk = new ReportDesk(store, kb, () => NOW);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('report desk', () => {
  it('refuses a note that is too long, an unknown status, a sign-up and an unknown reference, changing nothing', async () => {
    const filed = await store.createSubmission(report());
    const signup = await store.createSubmission(report({ kind: 'signup' }));
    expect(await desk.changeStatus('a', filed.ref, 'resolved', 'x'.repeat(NOTE_MAX + 1))).toEqual({
      ok: false,
      error: `The note is ${NOTE_MAX + 1} characters long; keep it to ${NOTE_MAX}.`,
    });
    expect(await desk.changeStatus('a', filed.ref, 'closed', '')).toMatchObject({ ok: false });
    expect(await desk.changeStatus('a', signup.ref, 'resolved', '')).toEqual({
      ok: false,
      error: `There is no breach report ${signup.ref}.`,
    });
    expect(await desk.changeStatus('a', 'BR-2026-0099', 'resolved', '')).toMatchObject({ ok: false });
    expect(await desk.open('a', signup.ref)).toBeUndefined();
    expect(await store.statusHistory(filed.ref)).toEqual([]);
    expect(await store.listAudit()).toEqual([]);
  });

  it('tells the reporter through their channel, and records that it could not when that channel fails or is absent', async () => {
    const told: string[] = [];
    desk.addMessenger('slack', async (s, text) => {
      told.push(`${s.userId}: ${text}`);
      return true;
    });
    desk.addMessenger('teams', async () => {
      throw new Error('connector down');
    });
    const slack = await store.createSubmission(report());
    const teams = await store.createSubmission(report({ channel: 'teams' }));
    const terminal = await store.createSubmission(report({ channel: 'terminal' }));
    expect(await desk.changeStatus('admin', slack.ref, 'in-review', '  Looking into it  ')).toMatchObject({ ok: true, reporterTold: true });
    expect(told).toEqual([`U1: Your breach report ${slack.ref} is now: In review.\nNote from the compact team: Looking into it`]);
    expect(await desk.changeStatus('admin', teams.ref, 'resolved', '')).toMatchObject({ ok: true, reporterTold: false });
    expect(await desk.changeStatus('admin', terminal.ref, 'withdrawn', '')).toMatchObject({ ok: true, reporterTold: false });
    // One clock reading for all three: the audit log keeps them in no particular order.
    expect((await store.listAudit()).map((a) => a.target).sort()).toEqual([
      `${slack.ref}: received → in-review; note of 15 characters; reporter told`,
      `${teams.ref}: received → resolved; note of 0 characters; reporter not told`,
      `${terminal.ref}: received → withdrawn; note of 0 characters; reporter not told`,
    ]);
  });

  it('lists open reports first, newest first, and audits which were shown', async () => {
    const older = await store.createSubmission(report());
    const newer = await store.createSubmission(report({ createdAt: new Date('2026-04-10T09:00:00Z') }));
    const closed = await store.createSubmission(report({ createdAt: new Date('2026-04-20T09:00:00Z') }));
    await store.changeStatus({ ref: closed.ref, status: 'resolved', actor: 'a', note: '', at: NOW });
    await store.createSubmission(report({ kind: 'signup' }));
    expect(await desk.list('admin', 2)).toMatchObject({ reports: [{ ref: newer.ref }, { ref: older.ref }], total: 3 });
    expect(await store.listAudit()).toEqual([{ actor: 'admin', action: 'reports.list', target: `${newer.ref}, ${older.ref}`, at: NOW }]);
  });

  it('reminds nobody, and marks nothing, when no channel can take the reminder', async () => {
    await store.createSubmission(report());
    expect(await desk.remind(NOW, 14)).toBe(0);
    desk.addReminderPoster(async () => false);
    expect(await desk.remind(NOW, 14)).toBe(0);
    const posted: string[] = [];
    desk.addReminderPoster(async (r) => {
      posted.push(r.text);
      return true;
    });
    expect(await desk.remind(NOW, 14)).toBe(1);
    expect(posted).toEqual([
      '1 breach report has had no status change for 14 days or more:\n' +
        'BR-2026-0001 · Halton Compact · Received · last changed 2026-04-01',
    ]);
    expect(await desk.remind(NOW, 14)).toBe(0);
  });
});
