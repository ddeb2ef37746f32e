import type { AuditEntry, Feedback } from './record-store.js';
import type { NewSubmission, Submission, SubmissionKind, SubmissionStatus } from './submission.js';

/** Statements shared by both stores, written with PostgreSQL's $n placeholders (see toSqlite). */
export const SQL = {
  getConversation: 'SELECT state FROM conversations WHERE id = $1 AND expires_at > $2',
  putConversation:
    'INSERT INTO conversations (id, state, expires_at) VALUES ($1, $2, $3) ' +
    'ON CONFLICT (id) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at',
  nextRefNumber:
    'INSERT INTO ref_counters (kind, year, last_number) VALUES ($1, $2, 1) ' +
    'ON CONFLICT (kind, year) DO UPDATE SET last_number = ref_counters.last_number + 1 RETURNING last_number',
  insertSubmission:
    'INSERT INTO submissions (ref, kind, compact, channel, user_id, conversation_id, status, data, created_at, updated_at) ' +
    'VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *',
  getSubmission: 'SELECT * FROM submissions WHERE ref = $1',
  listSubmissions:
    'SELECT * FROM submissions WHERE (CAST($1 AS TEXT) IS NULL OR kind = $1) AND (CAST($2 AS TEXT) IS NULL OR user_id = $2) ' +
    'ORDER BY created_at, ref',
  setSubmissionStatus: 'UPDATE submissions SET status = $1, updated_at = $2 WHERE ref = $3 RETURNING *',
  purgeSubmissions: 'DELETE FROM submissions WHERE created_at < $1',
  claimEvent: 'INSERT INTO processed_events (event_id, seen_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING',
  releaseEvent: 'DELETE FROM processed_events WHERE event_id = $1',
  purgeConversations: 'DELETE FROM conversations WHERE expires_at <= $1',
  purgeEvents: 'DELETE FROM processed_events WHERE seen_at < $1',
  insertFeedback:
    'INSERT INTO feedback (id, conversation_id, user_id, channel, question, answer_keys, helpful, created_at) ' +
    'VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
  listFeedback: 'SELECT * FROM feedback ORDER BY created_at, id',
  insertAudit: 'INSERT INTO audit_log (id, actor, action, target, created_at) VALUES ($1, $2, $3, $4, $5)',
  listAudit: 'SELECT * FROM audit_log ORDER BY created_at, id',
  getSetting: 'SELECT value FROM settings WHERE key = $1',
  setSetting: 'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ping: 'SELECT 1 AS ok',
  probe: "INSERT INTO settings (key, value) VALUES ('health.probe', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
} as const;

/** The health probe writes as much as the largest form does, so that it needs room as a real write would. */
export const PROBE = 'x'.repeat(16 * 1024);

/** Rewrites $n placeholders to SQLite's positional ? and orders the values to match. */
export function toSqlite(sql: string, params: readonly unknown[]): { sql: string; params: unknown[] } {
  const ordered: unknown[] = [];
  const rewritten = sql.replace(/\$(\d+)/g, (_, n: string) => {
    ordered.push(params[Number(n) - 1]);
    return '?';
  });
  return { sql: rewritten, params: ordered };
}

const REF_PREFIX: Record<SubmissionKind, string> = { breach: 'BR', signup: 'SU' };

export function formatRef(kind: SubmissionKind, year: number, n: number): string {
  return `${REF_PREFIX[kind]}-${year}-${String(n).padStart(4, '0')}`;
}

type Row = Record<string, unknown>;

// PostgreSQL returns BIGINT as a string, SQLite as a number.
const time = (value: unknown): Date => new Date(Number(value));

export function rowToSubmission(row: Row): Submission {
  return {
    ref: String(row.ref),
    kind: row.kind as SubmissionKind,
    compact: String(row.compact),
    channel: String(row.channel),
    userId: String(row.user_id),
    conversationId: String(row.conversation_id),
    status: row.status as SubmissionStatus,
    data: JSON.parse(String(row.data)) as Record<string, unknown>,
    createdAt: time(row.created_at),
    updatedAt: time(row.updated_at),
  };
}

export function rowToFeedback(row: Row): Feedback {
  return {
    conversationId: String(row.conversation_id),
    userId: String(row.user_id),
    channel: String(row.channel),
    question: String(row.question),
    answerKeys: JSON.parse(String(row.answer_keys)) as string[],
    helpful: Number(row.helpful) === 1,
    createdAt: time(row.created_at),
  };
}

export function rowToAudit(row: Row): AuditEntry {
  return { actor: String(row.actor), action: String(row.action), target: String(row.target), at: time(row.created_at) };
}

export function feedbackParams(id: string, f: Feedback): unknown[] {
  const answerKeys = JSON.stringify(f.answerKeys);
  return [id, f.conversationId, f.userId, f.channel, f.question, answerKeys, f.helpful ? 1 : 0, f.createdAt.getTime()];
}

export function auditParams(id: string, a: AuditEntry): unknown[] {
  return [id, a.actor, a.action, a.target, a.at.getTime()];
}

export function submissionParams(ref: string, s: NewSubmission): unknown[] {
  const at = s.createdAt.getTime();
  return [ref, s.kind, s.compact, s.channel, s.userId, s.conversationId, 'received', JSON.stringify(s.data), at, at];
}
