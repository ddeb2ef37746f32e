import type { StatusChange } from './report-store.js';
import type { SubmissionStatus } from './submission.js';

/** Statements of report-store.ts for both stores, with PostgreSQL's $n placeholders (see toSqlite). */
export const REPORT_SQL = {
  setStatus: 'UPDATE submissions SET status = $1, updated_at = $2 WHERE ref = $3 RETURNING *',
  insertChange: 'INSERT INTO report_status_changes (id, ref, status, actor, note, changed_at) VALUES ($1, $2, $3, $4, $5, $6)',
  history: 'SELECT * FROM report_status_changes WHERE ref = $1 ORDER BY changed_at, id',
  toRemind:
    "SELECT * FROM submissions WHERE kind = 'breach' AND status IN ('received', 'in-review') AND updated_at <= $1 " +
    'AND (reminded_at IS NULL OR reminded_at <= $1) ORDER BY updated_at, ref',
  markReminded: 'UPDATE submissions SET reminded_at = $1 WHERE ref = $2',
} as const;

export function changeParams(id: string, c: StatusChange): unknown[] {
  return [id, c.ref, c.status, c.actor, c.note, c.at.getTime()];
}

export function rowToChange(row: Record<string, unknown>): StatusChange {
  return {
    ref: String(row.ref),
    status: row.status as SubmissionStatus,
    actor: String(row.actor),
    note: String(row.note),
    at: new Date(Number(row.changed_at)),
  };
}
