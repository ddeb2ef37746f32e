import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { type MigrationDialect, migrate } from './migrate.js';
import { transaction, withClient } from './postgres-client.js';
import { PostgresReviewStore } from './postgres-review-store.js';
import { changeParams, REPORT_SQL, rowToChange } from './report-sql.js';
import type { StatusChange } from './report-store.js';
import { auditParams, feedbackParams, formatRef, PROBE, rowToAudit, rowToFeedback, rowToSubmission, SQL, submissionParams } from './sql.js';
import type { AuditEntry, Feedback, NewSubmission, Store, Submission, SubmissionKind, SubmissionStatus } from './store.js';

export interface PostgresOptions {
  connectionString: string;
  /** Schema to use instead of the default search_path; created when missing (tests use one per store). */
  schema?: string;
  /** Pool size; node-postgres defaults to 10. */
  maxConnections?: number;
}

// Any fixed key works; it only has to be the same for every compact-bot process sharing the database.
const MIGRATION_LOCK = 'SELECT pg_advisory_xact_lock(7318204519)';
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
// The two-key form keeps conversation locks apart from the migration lock's single key.
const CONVERSATION_LOCK_CLASS = 7318;
/** How long a turn waits for another process's turn of the same conversation before giving up. */
const LOCK_TIMEOUT = '10s';

/** Connects, creates the schema if asked for one, and brings the tables up to date. */
export async function openPostgresStore(options: PostgresOptions): Promise<PostgresStore> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`PostgreSQL schema name "${options.schema}" must be lower-case letters, digits and underscores`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    connectionTimeoutMillis: 5000,
    max: options.maxConnections,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // A dropped idle connection is discarded by the pool; the next query reports any lasting failure.
  pool.on('error', () => undefined);
  try {
    const applied = await withClient(pool, async (client) => {
      if (options.schema) await client.query(`BEGIN; ${MIGRATION_LOCK}; CREATE SCHEMA IF NOT EXISTS ${options.schema}; COMMIT`);
      return migrate(postgresDialect(client));
    });
    return new PostgresStore(pool, applied);
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** The advisory lock key of a conversation: a fixed class and a 32-bit hash of its id. */
function conversationLock(conversationId: string): string {
  const key = createHash('sha256').update(conversationId).digest().readInt32BE(0);
  return `SELECT pg_advisory_xact_lock(${CONVERSATION_LOCK_CLASS}, ${key})`;
}

function postgresDialect(client: pg.PoolClient): MigrationDialect {
  return {
    beginLocked: `BEGIN; ${MIGRATION_LOCK}`,
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async (sql, params = []) => (await client.query(sql, params as unknown[])).rows as Record<string, unknown>[],
  };
}

/** What the store's queries run on: the pool, or the client of a conversation turn in progress. */
interface Db {
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres';
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    /** Migration versions this open applied (empty when the schema was already current). */
    readonly migrationsApplied: readonly number[],
    private readonly db: Db = pool,
  ) {}

  /** The review questions and accepted examples, on the same pool. */
  reviewStore(): PostgresReviewStore {
    return new PostgresReviewStore(this.pool);
  }

  private get inTurn(): boolean {
    return this.db !== this.pool;
  }

  async getConversation(conversationId: string, now: Date): Promise<unknown | undefined> {
    const [row] = await this.rows(SQL.getConversation, [conversationId, now.getTime()]);
    return row ? JSON.parse(String(row.state)) : undefined;
  }

  async putConversation(conversationId: string, state: unknown, expiresAt: Date): Promise<void> {
    await this.db.query(SQL.putConversation, [conversationId, JSON.stringify(state), expiresAt.getTime()]);
  }

  async inConversation<T>(conversationId: string, work: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTurn) throw new Error('a conversation turn cannot start another');
    const begin = `BEGIN; SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'; ${conversationLock(conversationId)}`;
    return transaction(this.pool, begin, (client) => work(new PostgresStore(this.pool, this.migrationsApplied, client)));
  }

  async createSubmission(input: NewSubmission): Promise<Submission> {
    const year = input.createdAt.getUTCFullYear();
    const create = async (db: Db) => {
      // The upsert locks the counter row, so concurrent transactions take numbers one after another.
      const counter = await db.query(SQL.nextRefNumber, [input.kind, year]);
      const ref = formatRef(input.kind, year, Number(counter.rows[0].last_number));
      const inserted = await db.query(SQL.insertSubmission, submissionParams(ref, input));
      return rowToSubmission(inserted.rows[0]);
    };
    // In a turn, the turn's transaction already holds the two statements together.
    return this.inTurn ? create(this.db) : transaction(this.pool, 'BEGIN', create);
  }

  async getSubmission(ref: string): Promise<Submission | undefined> {
    const [row] = await this.rows(SQL.getSubmission, [ref]);
    return row ? rowToSubmission(row) : undefined;
  }

  async listSubmissions(filter: { kind?: SubmissionKind; userId?: string }): Promise<Submission[]> {
    return (await this.rows(SQL.listSubmissions, [filter.kind ?? null, filter.userId ?? null])).map(rowToSubmission);
  }

  async setSubmissionStatus(ref: string, status: SubmissionStatus, now: Date): Promise<Submission | undefined> {
    const [row] = await this.rows(SQL.setSubmissionStatus, [status, now.getTime(), ref]);
    return row ? rowToSubmission(row) : undefined;
  }

  async changeStatus(change: StatusChange): Promise<Submission | undefined> {
    const update = async (db: Db) => {
      const updated = await db.query(REPORT_SQL.setStatus, [change.status, change.at.getTime(), change.ref]);
      const row = updated.rows[0] as Record<string, unknown> | undefined;
      if (row) await db.query(REPORT_SQL.insertChange, changeParams(randomUUID(), change));
      return row ? rowToSubmission(row) : undefined;
    };
    return this.inTurn ? update(this.db) : transaction(this.pool, 'BEGIN', update);
  }

  async statusHistory(ref: string): Promise<StatusChange[]> {
    return (await this.rows(REPORT_SQL.history, [ref])).map(rowToChange);
  }

  async reportsToRemind(cutoff: Date): Promise<Submission[]> {
    return (await this.rows(REPORT_SQL.toRemind, [cutoff.getTime()])).map(rowToSubmission);
  }

  async markReminded(refs: string[], at: Date): Promise<void> {
    for (const ref of refs) await this.db.query(REPORT_SQL.markReminded, [at.getTime(), ref]);
  }

  async purgeSubmissions(before: Date): Promise<number> {
    return (await this.db.query(SQL.purgeSubmissions, [before.getTime()])).rowCount ?? 0;
  }

  async claimEvent(eventId: string, now: Date): Promise<boolean> {
    return (await this.db.query(SQL.claimEvent, [eventId, now.getTime()])).rowCount === 1;
  }

  async releaseEvent(eventId: string): Promise<void> {
    await this.db.query(SQL.releaseEvent, [eventId]);
  }

  async purgeExpired(now: Date, eventsSeenBefore: Date): Promise<{ conversations: number; events: number }> {
    const conversations = (await this.db.query(SQL.purgeConversations, [now.getTime()])).rowCount ?? 0;
    const events = (await this.db.query(SQL.purgeEvents, [eventsSeenBefore.getTime()])).rowCount ?? 0;
    return { conversations, events };
  }

  async recordFeedback(feedback: Feedback): Promise<void> {
    await this.db.query(SQL.insertFeedback, feedbackParams(randomUUID(), feedback));
  }

  async listFeedback(): Promise<Feedback[]> {
    return (await this.rows(SQL.listFeedback, [])).map(rowToFeedback);
  }

  async audit(entry: AuditEntry): Promise<void> {
    await this.db.query(SQL.insertAudit, auditParams(randomUUID(), entry));
  }

  async listAudit(): Promise<AuditEntry[]> {
    return (await this.rows(SQL.listAudit, [])).map(rowToAudit);
  }

  async getSetting(key: string): Promise<string | undefined> {
    const [row] = await this.rows(SQL.getSetting, [key]);
    return row ? String(row.value) : undefined;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.db.query(SQL.setSetting, [key, value]);
  }

  async ping(): Promise<void> {
    await this.db.query(SQL.ping);
  }

  async health(): Promise<void> {
    await this.db.query(SQL.probe, [PROBE]);
    await this.db.query(SQL.ping);
  }

  /** Ends the pool; a turn's store leaves that to the store it came from. */
  async close(): Promise<void> {
    if (this.closed || this.inTurn) return;
    this.closed = true;
    await this.pool.end();
  }

  private async rows(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return (await this.db.query(sql, params)).rows as Record<string, unknown>[];
  }
}
