import type { KnowledgeBase } from '../knowledge/types.js';
import type { StatusChange } from '../storage/report-store.js';
import { type RecordStore, SUBMISSION_STATUSES, type Submission, type SubmissionStatus, type SubmissionStore } from '../storage/store.js';
import { type Reminder, reminder, reporterMessage } from './report-wording.js';

export const NOTE_MAX = 1000;
const HISTORY_SHOWN = 20;
const DAY_MS = 86_400_000;

/** Sends the reporter a direct message in the channel they reported from; false when that was not possible. */
export type ReporterMessenger = (submission: Submission, text: string) => Promise<boolean>;
/** Posts a reminder where new reports are announced; false when it went nowhere. */
export type ReminderPoster = (reminder: Reminder) => Promise<boolean>;

export type StatusChangeResult = { ok: false; error: string } | { ok: true; submission: Submission; reporterTold: boolean };

const isStatus = (s: string): s is SubmissionStatus => (SUBMISSION_STATUSES as readonly string[]).includes(s);
const isOpen = (s: Submission) => s.status === 'received' || s.status === 'in-review';

/**
 * Administrators handling breach reports, from any channel: list, open (a read, audited) and change a report's
 * status with a note (audited with the note's length, never its text), telling the reporter; and the reminders
 * for reports nobody has touched. Who is an administrator is each channel's to check before calling.
 */
export class ReportDesk {
  private readonly messengers = new Map<string, ReporterMessenger>();
  private readonly posters: ReminderPoster[] = [];

  constructor(
    private readonly store: SubmissionStore & RecordStore,
    private readonly kb: KnowledgeBase,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** A channel that can message its users, by the name stored with each submission ('slack', 'teams'). */
  addMessenger(channel: string, messenger: ReporterMessenger): void {
    this.messengers.set(channel, messenger);
  }

  addReminderPoster(poster: ReminderPoster): void {
    this.posters.push(poster);
  }

  /** Breach reports, open ones first, newest first within each; the read is audited. */
  async list(actor: string, limit: number): Promise<{ reports: Submission[]; total: number }> {
    const all = await this.store.listSubmissions({ kind: 'breach' });
    const sorted = all.sort(
      (a, b) => Number(isOpen(b)) - Number(isOpen(a)) || b.createdAt.getTime() - a.createdAt.getTime() || b.ref.localeCompare(a.ref),
    );
    const reports = sorted.slice(0, limit);
    await this.store.audit({ actor, action: 'reports.list', target: reports.map((s) => s.ref).join(', ') || 'none', at: this.clock() });
    return { reports, total: all.length };
  }

  /** One report in full with its latest status changes; the read is audited. */
  async open(actor: string, ref: string): Promise<{ submission: Submission; history: StatusChange[] } | undefined> {
    const submission = await this.store.getSubmission(ref);
    if (submission?.kind !== 'breach') return undefined;
    await this.store.audit({ actor, action: 'reports.show', target: ref, at: this.clock() });
    // The latest changes only, so that a long-handled report still fits a Slack modal and a Teams card.
    return { submission, history: (await this.store.statusHistory(ref)).slice(-HISTORY_SHOWN) };
  }

  async changeStatus(actor: string, ref: string, status: string, rawNote: string): Promise<StatusChangeResult> {
    const note = rawNote.trim();
    if (!isStatus(status)) return { ok: false, error: `Choose a status: ${SUBMISSION_STATUSES.join(', ')}.` };
    if (note.length > NOTE_MAX) return { ok: false, error: `The note is ${note.length} characters long; keep it to ${NOTE_MAX}.` };
    const before = await this.store.getSubmission(ref);
    if (before?.kind !== 'breach') return { ok: false, error: `There is no breach report ${ref}.` };
    const submission = await this.store.changeStatus({ ref, status, actor, note, at: this.clock() });
    if (!submission) return { ok: false, error: `There is no breach report ${ref}.` };
    const reporterTold = await this.tellReporter(submission, reporterMessage(ref, status, note));
    const told = reporterTold ? 'told' : 'not told';
    const target = `${ref}: ${before.status} → ${status}; note of ${note.length} characters; reporter ${told}`;
    await this.store.audit({ actor, action: 'reports.status', target, at: this.clock() });
    return { ok: true, submission, reporterTold };
  }

  /**
   * One reminder listing the open reports whose status has not changed for `days` days before `now`, each at most
   * once per period; returns how many it listed (0 when there were none or it could be posted nowhere).
   */
  async remind(now: Date, days: number): Promise<number> {
    const due = await this.store.reportsToRemind(new Date(now.getTime() - days * DAY_MS));
    if (due.length === 0) return 0;
    const message = reminder(this.kb, due, days);
    const posted = await Promise.all(this.posters.map((post) => post(message).catch(() => false)));
    if (!posted.includes(true)) return 0;
    await this.store.markReminded(
      due.map((s) => s.ref),
      now,
    );
    return due.length;
  }

  private async tellReporter(submission: Submission, text: string): Promise<boolean> {
    const messenger = this.messengers.get(submission.channel);
    return messenger ? messenger(submission, text).catch(() => false) : false;
  }
}
