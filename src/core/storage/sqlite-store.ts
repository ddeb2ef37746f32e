import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type MigrationDialect, migrate } from './migrate.js';
import { changeParams, REPORT_SQL, rowToChange } from './report-sql.js';
import type { StatusChange } from './report-store.js';
import { SerialByKey } from './serial-by-key.js';
import {
  auditParams,
  feedbackParams,
  formatRef,
  PROBE,
  rowToAudit,
  rowToFeedback,
  rowToSubmission,
  SQL,
  submissionParams,
  toSqlite,
} from './sql.js';
import { SqliteReviewStore } from './sqlite-review-store.js';
import { SqliteStatements } from './sqlite-statements.js';
import type { AuditEntry, Feedback, NewSubmission, Store, Submission, SubmissionKind, SubmissionStatus } from './store.js';

export const SQLITE_FILE_NAME = 'compact-bot.db';

type Row = Record<string, unknown>;

/** Opens (creating if needed) `${dataDir}/compact-bot.db` and brings its schema up to date. */
export async function openSqliteStore(dataDir: string): Promise<SqliteStore> {
  // The database holds personal data, so only the bot's user may read it.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, SQLITE_FILE_NAME);
  closeSync(openSync(file, 'a', 0o600));
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    const applied = await migrate(sqliteDialect(db));
    return new SqliteStore(db, applied);
  } catch (error) {
    db.close();
    throw error;
  }
}

export function sqliteDialect(db: Database.Database): MigrationDialect {
  return {
    beginLocked: 'BEGIN IMMEDIATE',
    exec: async (sql) => {
      db.exec(sql);
    },
    query: async (sql, params = []) => {
      const q = toSqlite(sql, params);
      const statement = db.prepare(q.sql);
      if (statement.reader) return statement.all(...q.params) as Row[];
      statement.run(...q.params);
      return [];
    },
  };
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly turns = new SerialByKey();
  private readonly sql: SqliteStatements;

  constructor(
    /** The connection, exposed so tests can read its pragmas. */
    readonly db: Database.Database,
    /** Migration versions this open applied (empty when the schema was already current). */
    readonly migrationsApplied: readonly number[],
  ) {
    this.sql = new SqliteStatements(db);
  }

  /** The review questions and accepted examples, on the same connection. */
  reviewStore(): SqliteReviewStore {
    return new SqliteReviewStore(this.db);
  }

  async getConversation(conversationId: string, now: Date): Promise<unknown | undefined> {
    const row = this.sql.get(SQL.getConversation, [conversationId, now.getTime()]);
    return row ? JSON.parse(String(row.state)) : undefined;
  }

  async putConversation(conversationId: string, state: unknown, expiresAt: Date): Promise<void> {
    this.sql.relaxed(() => this.sql.run(SQL.putConversation, [conversationId, JSON.stringify(state), expiresAt.getTime()]));
  }

  // One process uses the file (PostgreSQL is for more), so ordering the turns here is enough.
  inConversation<T>(conversationId: string, work: (store: Store) => Promise<T>): Promise<T> {
    return this.turns.run(conversationId, () => work(this));
  }

  async createSubmission(input: NewSubmission): Promise<Submission> {
    const year = input.createdAt.getUTCFullYear();
    const create = this.db.transaction(() => {
      const counter = this.sql.get(SQL.nextRefNumber, [input.kind, year])!;
      const ref = formatRef(input.kind, year, Number(counter.last_number));
      return this.sql.get(SQL.insertSubmission, submissionParams(ref, input))!;
    });
    return rowToSubmission(create.immediate());
  }

  async getSubmission(ref: string): Promise<Submission | undefined> {
    const row = this.sql.get(SQL.getSubmission, [ref]);
    return row ? rowToSubmission(row) : undefined;
  }

  async listSubmissions(filter: { kind?: SubmissionKind; userId?: string }): Promise<Submission[]> {
    return this.sql.all(SQL.listSubmissions, [filter.kind ?? null, filter.userId ?? null]).map(rowToSubmission);
  }

  async setSubmissionStatus(ref: string, status: SubmissionStatus, now: Date): Promise<Submission | undefined> {
    const row = this.sql.get(SQL.setSubmissionStatus, [status, now.getTime(), ref]);
    return row ? rowToSubmission(row) : undefined;
  }

  async changeStatus(change: StatusChange): Promise<Submission | undefined> {
    const update = this.db.transaction(() => {
      const row = this.sql.get(REPORT_SQL.setStatus, [change.status, change.at.getTime(), change.ref]);
      if (row) this.sql.run(REPORT_SQL.insertChange, changeParams(randomUUID(), change));
      return row;
    });
    const row = update.immediate();
    return row ? rowToSubmission(row) : undefined;
  }

  async statusHistory(ref: string): Promise<StatusChange[]> {
    return this.sql.all(REPORT_SQL.history, [ref]).map(rowToChange);
  }

  async reportsToRemind(cutoff: Date): Promise<Submission[]> {
    return this.sql.all(REPORT_SQL.toRemind, [cutoff.getTime()]).map(rowToSubmission);
  }

  async markReminded(refs: string[], at: Date): Promise<void> {
    this.db.transaction(() => refs.forEach((ref) => this.sql.run(REPORT_SQL.markReminded, [at.getTime(), ref]))).immediate();
  }

  async purgeSubmissions(before: Date): Promise<number> {
    return this.sql.run(SQL.purgeSubmissions, [before.getTime()]);
  }

  async claimEvent(eventId: string, now: Date): Promise<boolean> {
    return this.sql.relaxed(() => this.sql.run(SQL.claimEvent, [eventId, now.getTime()])) === 1;
  }

  async releaseEvent(eventId: string): Promise<void> {
    this.sql.relaxed(() => this.sql.run(SQL.releaseEvent, [eventId]));
  }

  async purgeExpired(now: Date, eventsSeenBefore: Date): Promise<{ conversations: number; events: number }> {
    return this.sql.relaxed(() => ({
      conversations: this.sql.run(SQL.purgeConversations, [now.getTime()]),
      events: this.sql.run(SQL.purgeEvents, [eventsSeenBefore.getTime()]),
    }));
  }

  async recordFeedback(feedback: Feedback): Promise<void> {
    this.sql.run(SQL.insertFeedback, feedbackParams(randomUUID(), feedback));
  }

  async listFeedback(): Promise<Feedback[]> {
    return this.sql.all(SQL.listFeedback, []).map(rowToFeedback);
  }

  async audit(entry: AuditEntry): Promise<void> {
    this.sql.run(SQL.insertAudit, auditParams(randomUUID(), entry));
  }

  async listAudit(): Promise<AuditEntry[]> {
    return this.sql.all(SQL.listAudit, []).map(rowToAudit);
  }

  async getSetting(key: string): Promise<string | undefined> {
    const row = this.sql.get(SQL.getSetting, [key]);
    return row ? String(row.value) : undefined;
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.sql.run(SQL.setSetting, [key, value]);
  }

  async ping(): Promise<void> {
    this.sql.get(SQL.ping, []);
  }

  async health(): Promise<void> {
    this.sql.run(SQL.probe, [PROBE]);
    this.sql.get(SQL.ping, []);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
