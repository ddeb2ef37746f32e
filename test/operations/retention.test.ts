import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/core/storage/open-store.js';
import type { Store, SubmissionKind } from '../../src/core/storage/store.js';
import { DAY_MS, retentionCutoff, startHousekeeping } from '../../src/housekeeping.js';
import { createLogger } from '../../src/logger.js';
import { runCli, tempDataDir } from '../helpers/cli.js';
import { ServeProcess } from '../helpers/serve-process.js';
import { waitUntil } from '../helpers/wait-until.js';

const daysAgo = (days: number, now = new Date()) => new Date(now.getTime() - days * DAY_MS);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The cut-off day a run between `from` and now used (midnight may fall in between). */
const cutoffDay = (days: number, from: Date, text: string) =>
  [dayOf(daysAgo(days, from)), dayOf(daysAgo(days))].find((d) => text.includes(d));

async function withStore<T>(dataDir: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const submit = (store: Store, kind: SubmissionKind, createdAt: Date, who: string) =>
  store.createSubmission({ kind, compact: 'hertfordshire', channel: 'test', userId: who, conversationId: `c-${who}`, data: {}, createdAt });

/** A data directory with a report and a sign-up on each side of a 30-day cut-off. */
async function seeded(): Promise<string> {
  const dataDir = tempDataDir();
  await withStore(dataDir, async (store) => {
    await submit(store, 'breach', daysAgo(31), 'old-report');
    await submit(store, 'signup', daysAgo(45), 'old-signup');
    await submit(store, 'breach', daysAgo(29), 'recent-report');
    await submit(store, 'signup', daysAgo(1), 'recent-signup');
  });
  return dataDir;
}

const kept = (store: Store) => store.listSubmissions({}).then((rows) => rows.map((r) => r.userId).sort());

describe('retentionCutoff', () => {
  it('is the given number of days before the injected now', () => {
    expect(retentionCutoff(new Date('2026-03-31T12:00:00Z'), 30)).toEqual(new Date('2026-03-01T12:00:00Z'));
  });
});

describe('compact-bot reports purge', () => {
  it('deletes reports and sign-ups older than REPORT_RETENTION_DAYS, keeps the rest, and audits the purge', async () => {
    const dataDir = await seeded();
    const started = new Date();
    const r = runCli(['reports', 'purge'], { env: { DATA_DIR: dataDir, REPORT_RETENTION_DAYS: '30' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const cutoff = cutoffDay(30, started, r.stdout);
    expect(r.stdout).toContain(`Deleted 2 records created before ${cutoff}.`);
    await withStore(dataDir, async (store) => {
      expect(await kept(store)).toEqual(['recent-report', 'recent-signup']);
      const audit = await store.listAudit();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'reports.purge', target: `2 older than ${cutoff}` });
      expect(audit[0]!.actor).toMatch(/^cli:/);
    });
  });

  it.each([
    ['unset', '', 2, /Set REPORT_RETENTION_DAYS/],
    ['not a number', 'abc', 1, /REPORT_RETENTION_DAYS: must be a number/],
    ['zero', '0', 1, /REPORT_RETENTION_DAYS: must be greater than 0/],
    ['a fraction', '1.5', 1, /REPORT_RETENTION_DAYS: must be a whole number/],
  ])('refuses when REPORT_RETENTION_DAYS is %s, deleting nothing', async (_case, value, status, message) => {
    const dataDir = await seeded();
    const r = runCli(['reports', 'purge'], { env: { DATA_DIR: dataDir, REPORT_RETENTION_DAYS: value } });
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    await withStore(dataDir, async (store) => {
      expect(await kept(store)).toHaveLength(4);
      expect(await store.listAudit()).toEqual([]);
    });
  });

  it('points `signups purge` to `reports purge`, which deletes both, and deletes nothing itself', async () => {
    const dataDir = await seeded();
    const r = runCli(['signups', 'purge'], { env: { DATA_DIR: dataDir, REPORT_RETENTION_DAYS: '30' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('compact-bot reports purge');
    await withStore(dataDir, async (store) => expect(await kept(store)).toHaveLength(4));
  });
});

describe('housekeeping schedule', () => {
  afterEach(() => vi.useRealTimers());

  it('purges at start and again every day, moving the cut-off with the injected clock', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const dataDir = await seeded();
    const store = await openStore({ dataDir });
    let now = new Date();
    const log = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
    const housekeeping = startHousekeeping({ store, log, retentionDays: 30, clock: () => now });
    const purges = async () => (await store.listAudit()).filter((a) => a.actor === 'serve:retention');
    try {
      await waitUntil('the purge at start', async () => (await purges()).length === 1);
      expect(await kept(store)).toEqual(['recent-report', 'recent-signup']);

      now = new Date(now.getTime() + DAY_MS + 60_000);
      await vi.advanceTimersByTimeAsync(DAY_MS - 1);
      expect(await purges()).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      // By the clock a day and a minute later, the 29-day-old report is past the 30-day cut-off.
      await waitUntil('the purge a day later', async () => (await purges()).length === 2);
      expect(await kept(store)).toEqual(['recent-signup']);
      expect((await purges())[1]!.target).toBe(`1 older than ${dayOf(retentionCutoff(now, 30))}`);
    } finally {
      await housekeeping.stop();
      await store.close();
    }
  });
});

describe('compact-bot serve housekeeping', () => {
  it('on start deletes old reports and expired conversations, keeps recent ones, audits it, and exits 0 on SIGTERM', async () => {
    const dataDir = tempDataDir();
    await withStore(dataDir, async (store) => {
      await submit(store, 'breach', daysAgo(8), 'old-report');
      await submit(store, 'breach', daysAgo(6), 'recent-report');
      await store.putConversation('expired', { answer: {} }, daysAgo(1));
      await store.putConversation('live', { answer: {} }, new Date(Date.now() + DAY_MS));
    });
    // No Slack or Teams settings: serve runs with no channel at all.
    const started = new Date();
    const serve = new ServeProcess({ DATA_DIR: dataDir, REPORT_RETENTION_DAYS: '7' });
    try {
      await serve.ready();
      const purged = await waitUntil('the retention purge', () => serve.logs().find((l) => l.msg === 'retention purge'));
      expect(purged).toMatchObject({ deleted: 1, days: 7 });
      await withStore(dataDir, async (store) => {
        expect(await kept(store)).toEqual(['recent-report']);
        // Read as of before it expired: undefined only if the row itself is gone.
        expect(await store.getConversation('expired', daysAgo(2))).toBeUndefined();
        expect(await store.getConversation('live', new Date())).toEqual({ answer: {} });
        const audit = await store.listAudit();
        expect(audit).toEqual([expect.objectContaining({ actor: 'serve:retention', action: 'purge' })]);
        expect(audit[0]!.target).toBe(`1 older than ${cutoffDay(7, started, audit[0]!.target)}`);
      });
      expect(serve.logs().find((l) => l.msg === 'expired conversations and event ids deleted')).toMatchObject({ conversations: 1 });
      serve.child.kill('SIGTERM');
      expect(await serve.exited).toEqual({ code: 0, signal: null });
    } finally {
      serve.kill();
    }
  }, 90_000);
});
