import type { Logger } from 'pino';
import type { ReportDesk } from './core/reports/report-desk.js';
import type { RecordStore } from './core/storage/record-store.js';
import type { ReviewStore } from './core/storage/review-store.js';
import type { Store } from './core/storage/store.js';

export const DAY_MS = 86_400_000;
/** Slack redelivers an event for an hour at most; ids are kept well beyond that. */
const EVENT_IDS_KEPT_MS = 3 * DAY_MS;

/** Reports and sign-ups created before this moment are past REPORT_RETENTION_DAYS. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

export interface HousekeepingDeps {
  store: Store;
  log: Logger;
  /** REPORT_RETENTION_DAYS; without it reports and sign-ups are kept. */
  retentionDays?: number;
  /** With both: a reminder of the breach reports whose status has not changed for REPORT_REMINDER_DAYS. */
  reports?: ReportDesk;
  reminderDays?: number;
  /** With QUESTION_RETENTION_DAYS: questions kept for review (pending or dismissed) older than that go. */
  questions?: { review: ReviewStore; retentionDays: number };
  clock?: () => Date;
}

async function purge({ store, log, retentionDays, questions, clock = () => new Date() }: HousekeepingDeps): Promise<void> {
  const now = clock();
  const expired = await store.purgeExpired(now, new Date(now.getTime() - EVENT_IDS_KEPT_MS));
  log.info(expired, 'expired conversations and event ids deleted');
  if (questions) {
    const before = retentionCutoff(now, questions.retentionDays);
    const deleted = await questions.review.purgeQuestions(before);
    // Audited when it deleted something; `review purge` on the command line is audited always.
    const target = `${deleted} older than ${before.toISOString().slice(0, 10)}`;
    if (deleted > 0) await store.audit({ actor: 'serve:retention', action: 'review.purge', target, at: now });
    log.info({ deleted, days: questions.retentionDays }, 'questions kept for review purged');
  }
  if (!retentionDays) return;
  const before = retentionCutoff(now, retentionDays);
  const deleted = await store.purgeSubmissions(before);
  const target = `${deleted} older than ${before.toISOString().slice(0, 10)}`;
  await store.audit({ actor: 'serve:retention', action: 'purge', target, at: clock() });
  log.info({ deleted, days: retentionDays }, 'retention purge');
}

/**
 * At start and then daily: deletes expired conversations and old event ids, and, with a retention period,
 * reports and sign-ups older than that (written to the audit log); then reminds the compact team of reports
 * left untouched. Any one instance may do it.
 */
export function startHousekeeping(deps: HousekeepingDeps): { stop(): Promise<void> } {
  const { log, reports, reminderDays } = deps;
  const once = async () => {
    await purge(deps);
    if (!reports || !reminderDays) return;
    const reminded = await reports.remind((deps.clock ?? (() => new Date()))(), reminderDays);
    log.info({ reminded, days: reminderDays }, 'reminder of reports without a status change');
  };
  let running = Promise.resolve();
  const run = () => {
    running = once().catch((err: unknown) => log.error({ err }, 'housekeeping failed'));
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** `review purge`: deletes questions kept for review (pending or dismissed) older than QUESTION_RETENTION_DAYS, audited. */
export async function purgeQuestions(
  store: RecordStore,
  review: ReviewStore,
  days: number,
  actor: string,
  now: Date,
): Promise<{ deleted: number; before: Date }> {
  const before = retentionCutoff(now, days);
  const deleted = await review.purgeQuestions(before);
  await store.audit({ actor, action: 'review.purge', target: `${deleted} older than ${before.toISOString().slice(0, 10)}`, at: now });
  return { deleted, before };
}
