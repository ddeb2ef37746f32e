import type pg from 'pg';
import { transaction } from './postgres-client.js';
import { LIVE, REVIEW_SQL, reviewParams, rowToReview } from './review-sql.js';
import type { NewReviewQuestion, ReviewDecision, ReviewQuestion, ReviewStatus, ReviewStore } from './review-store.js';

type Row = Record<string, unknown>;

/** The review store on PostgreSQL, sharing the main store's pool. */
export class PostgresReviewStore implements ReviewStore {
  constructor(private readonly pool: pg.Pool) {}

  async addQuestion(q: NewReviewQuestion): Promise<void> {
    await this.pool.query(REVIEW_SQL.insert, reviewParams(q));
  }

  async notePressed(id: string, key: string): Promise<void> {
    await this.transaction(async (c) => {
      const row = (await c.query(`${REVIEW_SQL.get} FOR UPDATE`, [id])).rows[0] as Row | undefined;
      if (!row) return;
      const pressed = rowToReview(row).pressed;
      if (!pressed.includes(key)) await c.query(REVIEW_SQL.setPressed, [id, JSON.stringify([...pressed, key])]);
    });
  }

  async getQuestion(id: string): Promise<ReviewQuestion | undefined> {
    const row = (await this.rows(REVIEW_SQL.get, [id]))[0];
    return row ? rowToReview(row) : undefined;
  }

  async listQuestions(status?: ReviewStatus): Promise<ReviewQuestion[]> {
    return (await this.rows(REVIEW_SQL.list, [status ?? null])).map(rowToReview);
  }

  async countPending(): Promise<number> {
    return Number((await this.rows(REVIEW_SQL.countPending, []))[0]!.n);
  }

  decide(id: string, d: ReviewDecision): Promise<ReviewQuestion | undefined> {
    return this.transaction(async (c) => {
      const row = (await c.query(REVIEW_SQL.decide, [id, d.status, d.label ?? null, d.by, d.at.getTime()])).rows[0] as Row | undefined;
      if (row && LIVE.has(d.status)) await c.query(REVIEW_SQL.bump);
      return row ? rowToReview(row) : undefined;
    });
  }

  async accepted(): Promise<ReviewQuestion[]> {
    return (await this.rows(REVIEW_SQL.accepted, [])).map(rowToReview);
  }

  removeExported(ids: string[]): Promise<number> {
    return this.transaction(async (c) => {
      let n = 0;
      for (const id of ids) n += (await c.query(REVIEW_SQL.remove, [id])).rowCount ?? 0;
      if (n > 0) await c.query(REVIEW_SQL.bump);
      return n;
    });
  }

  async version(): Promise<number> {
    const row = (await this.rows(REVIEW_SQL.version, []))[0];
    return row ? Number(row.value) : 0;
  }

  async purgeQuestions(before: Date): Promise<number> {
    return (await this.pool.query(REVIEW_SQL.purge, [before.getTime()])).rowCount ?? 0;
  }

  private async rows(sql: string, params: unknown[]): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  private transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return transaction(this.pool, 'BEGIN', work);
  }
}
