import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate, type MigrationDialect } from './migrate.js';
import {
  SQL,
  auditParams,
  feedbackParams,
  formatRef,
  rowToAudit,
  rowToFeedback,
  rowToSubmission,
  submissionParams,
} from './sql.js';
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
    const client = await pool.connect();
    try {
      if (options.schema) await client.query(`BEGIN; ${MIGRATION_LOCK}; CREATE SCHEMA IF NOT EXISTS ${options.schema}; COMMIT`);
      const applied = await migrate(postgresDialect(client));
      return new PostgresStore(pool, applied);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
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

export class PostgresStore implements Store {
  readonly kind = 'postgres';
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    /** Migration versions this open applied (empty when the schema was already current). */
    readonly migrationsApplied: readonly number[],
  ) {}

  async getConversation(conversationId: string, now: Date): Promise<unknown | undefined> {
    const [row] = await this.rows(SQL.getConversation, [conversationId, now.getTime()]);
    return row ? JSON.parse(String(row.state)) : undefined;
  }

  async putConversation(conversationId: string, state: unknown, expiresAt: Date): Promise<void> {
    await this.pool.query(SQL.putConversation, [conversationId, JSON.stringify(state), expiresAt.getTime()]);
  }

  async deleteConversation(conversationId: string): Promise<void> {
    await this.pool.query(SQL.deleteConversation, [conversationId]);
  }

  async createSubmission(input: NewSubmission): Promise<Submission> {
    const year = input.createdAt.getUTCFullYear();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // The upsert locks the counter row, so concurrent transactions take numbers one after another.
      const counter = await client.query(SQL.nextRefNumber, [input.kind, year]);
      const ref = formatRef(input.kind, year, Number(counter.rows[0].last_number));
      const inserted = await client.query(SQL.insertSubmission, submissionParams(ref, input));
      await client.query('COMMIT');
      return rowToSubmission(inserted.rows[0]);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
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

  async purgeSubmissions(before: Date): Promise<number> {
    return (await this.pool.query(SQL.purgeSubmissions, [before.getTime()])).rowCount ?? 0;
  }

  async claimEvent(eventId: string, now: Date): Promise<boolean> {
    return (await this.pool.query(SQL.claimEvent, [eventId, now.getTime()])).rowCount === 1;
  }

  async recordFeedback(feedback: Feedback): Promise<void> {
    await this.pool.query(SQL.insertFeedback, feedbackParams(randomUUID(), feedback));
  }

  async listFeedback(): Promise<Feedback[]> {
    return (await this.rows(SQL.listFeedback, [])).map(rowToFeedback);
  }

  async audit(entry: AuditEntry): Promise<void> {
    await this.pool.query(SQL.insertAudit, auditParams(randomUUID(), entry));
  }

  async listAudit(): Promise<AuditEntry[]> {
    return (await this.rows(SQL.listAudit, [])).map(rowToAudit);
  }

  async getSetting(key: string): Promise<string | undefined> {
    const [row] = await this.rows(SQL.getSetting, [key]);
    return row ? String(row.value) : undefined;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.pool.query(SQL.setSetting, [key, value]);
  }

  async ping(): Promise<void> {
    await this.pool.query(SQL.ping);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async rows(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    return (await this.pool.query(sql, params)).rows as Record<string, unknown>[];
  }
}
