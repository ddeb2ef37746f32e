import type Database from 'better-sqlite3';
import { LIVE, REVIEW_SQL, reviewParams, rowToReview } from './review-sql.js';
import type { NewReviewQuestion, ReviewDecision, ReviewQuestion, ReviewStatus, ReviewStore } from './review-store.js';
import { toSqlite } from './sql.js';

type Row = Record<string, unknown>;

/** The review store on the embedded database, sharing the main store's connection. */
export class SqliteReviewStore implements ReviewStore {
  constructor(private readonly db: Database.Database) {}

  // Questions kept for review are nobody's confirmed submission: like conversation state (sqlite-store.ts,
  // relaxed), they are written without waiting for the disk, so keeping one costs a reply no fsync.
  async addQuestion(q: NewReviewQuestion): Promise<void> {
    this.relaxed(() => this.run(REVIEW_SQL.insert, reviewParams(q)));
  }

  async notePressed(id: string, key: string): Promise<void> {
    this.relaxed(() =>
      this.db
        .transaction(() => {
          const row = this.rows(REVIEW_SQL.get, [id])[0];
          if (!row) return;
          const pressed = rowToReview(row).pressed;
          if (!pressed.includes(key)) this.run(REVIEW_SQL.setPressed, [id, JSON.stringify([...pressed, key])]);
        })
        .immediate(),
    );
  }

  async getQuestion(id: string): Promise<ReviewQuestion | undefined> {
    const row = this.rows(REVIEW_SQL.get, [id])[0];
    return row ? rowToReview(row) : undefined;
  }

  async listQuestions(status?: ReviewStatus): Promise<ReviewQuestion[]> {
    return this.rows(REVIEW_SQL.list, [status ?? null]).map(rowToReview);
  }

  async countPending(): Promise<number> {
    return Number(this.rows(REVIEW_SQL.countPending, [])[0]!.n);
  }

  async decide(id: string, d: ReviewDecision): Promise<ReviewQuestion | undefined> {
    return this.db
      .transaction(() => {
        const row = this.rows(REVIEW_SQL.decide, [id, d.status, d.label ?? null, d.by, d.at.getTime()])[0];
        if (row && LIVE.has(d.status)) this.run(REVIEW_SQL.bump, []);
        return row ? rowToReview(row) : undefined;
      })
      .immediate();
  }

  async accepted(): Promise<ReviewQuestion[]> {
    return this.rows(REVIEW_SQL.accepted, []).map(rowToReview);
  }

  async removeExported(ids: string[]): Promise<number> {
    return this.db
      .transaction(() => {
        const n = ids.reduce((sum, id) => sum + this.run(REVIEW_SQL.remove, [id]), 0);
        if (n > 0) this.run(REVIEW_SQL.bump, []);
        return n;
      })
      .immediate();
  }

  async version(): Promise<number> {
    const row = this.rows(REVIEW_SQL.version, [])[0];
    return row ? Number(row.value) : 0;
  }

  async purgeQuestions(before: Date): Promise<number> {
    return this.run(REVIEW_SQL.purge, [before.getTime()]);
  }

  private relaxed<T>(write: () => T): T {
    this.db.pragma('synchronous = NORMAL');
    try {
      return write();
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  }

  private rows(sql: string, params: unknown[]): Row[] {
    const q = toSqlite(sql, params);
    const statement = this.db.prepare(q.sql);
    return statement.reader ? (statement.all(...q.params) as Row[]) : [];
  }

  private run(sql: string, params: unknown[]): number {
    const q = toSqlite(sql, params);
    return this.db.prepare(q.sql).run(...q.params).changes;
  }
}
