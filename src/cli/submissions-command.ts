import { userInfo } from 'node:os';
import { type Store, SUBMISSION_STATUSES, type Submission, type SubmissionKind, type SubmissionStatus } from '../core/storage/store.js';
import { retentionCutoff } from '../housekeeping.js';
import { TERMINAL, withStore } from './cli-store.js';

export interface SubmissionsIo {
  out: (text: string) => void;
  err: (text: string) => void;
  store: Store;
  actor: string;
  now: () => Date;
  retentionDays?: number;
}

const NAMES: Record<SubmissionKind, string> = { breach: 'reports', signup: 'signups' };

function summary(s: Submission): string {
  const who = String(s.data.aboutOrg ?? s.data.organisation ?? '');
  return [s.ref, s.status.padEnd(9), s.compact.padEnd(13), s.createdAt.toISOString().slice(0, 10), who].join('  ');
}

const csvCell = (v: unknown) => {
  const s = Array.isArray(v) ? v.join('; ') : v === undefined || v === null ? '' : String(v);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

function toCsv(rows: Submission[]): string {
  const fields = [...new Set(rows.flatMap((r) => Object.keys(r.data)))];
  const header = ['ref', 'status', 'compact', 'channel', 'userId', 'createdAt', 'updatedAt', ...fields];
  const lines = rows.map((r) =>
    [r.ref, r.status, r.compact, r.channel, r.userId, r.createdAt.toISOString(), r.updatedAt.toISOString(), ...fields.map((f) => r.data[f])]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\n');
}

/** `reports …` and `signups …`: admin access to what users submitted; every read is audited. */
export async function submissionsCommand(kind: SubmissionKind, args: string[], io: SubmissionsIo): Promise<number> {
  const [verb, ...rest] = args;
  const name = NAMES[kind];
  const audit = (action: string, target: string) => io.store.audit({ actor: io.actor, action: `${name}.${action}`, target, at: io.now() });
  switch (verb) {
    case 'list': {
      const rows = await io.store.listSubmissions({ kind });
      await audit('list', `${rows.length} rows`);
      if (rows.length === 0) io.out(`No ${name} yet.`);
      for (const r of rows) io.out(summary(r));
      return 0;
    }
    case 'show': {
      const ref = rest[0];
      if (!ref) return usage(io, kind);
      const s = await io.store.getSubmission(ref.toUpperCase());
      if (!s || s.kind !== kind) {
        io.err(`No ${kind === 'breach' ? 'report' : 'sign-up'} with reference ${ref}.`);
        return 1;
      }
      await audit('show', s.ref);
      io.out(JSON.stringify({ ...s, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString() }, null, 2));
      return 0;
    }
    case 'export': {
      const i = rest.indexOf('--format');
      const format = i >= 0 ? rest[i + 1] : 'json';
      if (format !== 'csv' && format !== 'json') {
        io.err(`--format must be csv or json (got "${format ?? ''}").`);
        return 2;
      }
      const rows = await io.store.listSubmissions({ kind });
      await audit(`export.${format}`, `${rows.length} rows`);
      io.out(format === 'csv' ? toCsv(rows) : JSON.stringify(rows, null, 2));
      return 0;
    }
    case 'status': {
      if (kind !== 'breach') return usage(io, kind);
      const [ref, status] = rest;
      if (!ref || !status) return usage(io, kind);
      if (!(SUBMISSION_STATUSES as readonly string[]).includes(status)) {
        io.err(`Status must be one of ${SUBMISSION_STATUSES.join(', ')} (got "${status}").`);
        return 2;
      }
      // Kept in the report's history like a change made in chat; the reporter is told only from chat.
      const change = { ref: ref.toUpperCase(), status: status as SubmissionStatus, actor: io.actor, note: '', at: io.now() };
      const s = await io.store.changeStatus(change);
      if (!s) {
        io.err(`No report with reference ${ref}.`);
        return 1;
      }
      await audit('status', `${s.ref} → ${status}`);
      io.out(`${s.ref} is now ${s.status}.`);
      return 0;
    }
    case 'purge': {
      if (kind !== 'breach') {
        io.err('Sign-ups are purged together with reports: run `compact-bot reports purge`.');
        return 2;
      }
      if (!io.retentionDays) {
        io.err('Set REPORT_RETENTION_DAYS to the number of days reports and sign-ups are kept, then run purge.');
        return 2;
      }
      const before = retentionCutoff(io.now(), io.retentionDays);
      const n = await io.store.purgeSubmissions(before);
      await audit('purge', `${n} older than ${before.toISOString().slice(0, 10)}`);
      io.out(`Deleted ${n} record${n === 1 ? '' : 's'} created before ${before.toISOString().slice(0, 10)}.`);
      return 0;
    }
    default:
      return usage(io, kind);
  }
}

function usage(io: SubmissionsIo, kind: SubmissionKind): number {
  const name = NAMES[kind];
  io.err(
    kind === 'breach'
      ? `usage: compact-bot ${name} list | show <ref> | export --format csv|json | status <ref> <${SUBMISSION_STATUSES.join('|')}> | purge`
      : `usage: compact-bot ${name} list | show <ref> | export --format csv|json`,
  );
  return 2;
}

export function submissionsCli(kind: SubmissionKind) {
  return (args: string[]): Promise<number> =>
    withStore((store, config) =>
      submissionsCommand(kind, args, {
        ...TERMINAL,
        store,
        actor: `cli:${userInfo().username}`,
        now: () => new Date(),
        retentionDays: config.REPORT_RETENTION_DAYS,
      }),
    );
}
