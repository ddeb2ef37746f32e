import type { NewReviewQuestion, ReviewQuestion, ReviewStatus } from './review-store.js';

/** Statements shared by both review stores, with PostgreSQL's $n placeholders (see sql.ts toSqlite). */
export const REVIEW_SQL = {
  insert:
    'INSERT INTO review_questions (id, question, channel, asker, reason, reply, candidates, pressed, status, created_at) ' +
    "VALUES ($1, $2, $3, $4, $5, $6, $7, '[]', 'pending', $8)",
  get: 'SELECT * FROM review_questions WHERE id = $1',
  setPressed: 'UPDATE review_questions SET pressed = $2 WHERE id = $1',
  list: 'SELECT * FROM review_questions WHERE (CAST($1 AS TEXT) IS NULL OR status = $1) ORDER BY created_at, id',
  countPending: "SELECT COUNT(*) AS n FROM review_questions WHERE status = 'pending'",
  decide:
    'UPDATE review_questions SET status = $2, label = $3, decided_by = $4, decided_at = $5 ' +
    "WHERE id = $1 AND status = 'pending' RETURNING *",
  accepted: "SELECT * FROM review_questions WHERE status IN ('example', 'out-of-scope') ORDER BY decided_at, id",
  remove: "DELETE FROM review_questions WHERE id = $1 AND status IN ('example', 'out-of-scope')",
  version: "SELECT value FROM settings WHERE key = 'review.version'",
  bump:
    "INSERT INTO settings (key, value) VALUES ('review.version', '1') " +
    'ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(settings.value AS INTEGER) + 1 AS TEXT)',
  purge: "DELETE FROM review_questions WHERE created_at < $1 AND status IN ('pending', 'dismissed')",
} as const;

/** Decisions that change the live examples, and so the version. */
export const LIVE: ReadonlySet<ReviewStatus> = new Set(['example', 'out-of-scope']);

export function reviewParams(q: NewReviewQuestion): unknown[] {
  return [q.id, q.question, q.channel, q.asker, q.reason, JSON.stringify(q.reply), JSON.stringify(q.candidates), q.createdAt.getTime()];
}

const optional = (v: unknown) => (v === null || v === undefined ? undefined : String(v));

export function rowToReview(row: Record<string, unknown>): ReviewQuestion {
  const decidedAt = row.decided_at === null || row.decided_at === undefined ? undefined : new Date(Number(row.decided_at));
  return {
    id: String(row.id),
    question: String(row.question),
    channel: String(row.channel),
    asker: String(row.asker),
    reason: row.reason as ReviewQuestion['reason'],
    reply: JSON.parse(String(row.reply)) as ReviewQuestion['reply'],
    candidates: JSON.parse(String(row.candidates)) as ReviewQuestion['candidates'],
    pressed: JSON.parse(String(row.pressed)) as string[],
    status: row.status as ReviewStatus,
    label: optional(row.label),
    decidedBy: optional(row.decided_by),
    decidedAt,
    createdAt: new Date(Number(row.created_at)),
  };
}
