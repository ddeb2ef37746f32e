import type Database from 'better-sqlite3';
import { toSqlite } from './sql.js';

type Row = Record<string, unknown>;

/** The SQLite store's statements: written with $n placeholders (sql.ts), prepared once per connection. */
export class SqliteStatements {
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(sql: string, params: readonly unknown[]): Row | undefined {
    const q = this.statement(sql, params);
    return q.statement.get(...q.params) as Row | undefined;
  }

  all(sql: string, params: readonly unknown[]): Row[] {
    const q = this.statement(sql, params);
    return q.statement.all(...q.params) as Row[];
  }

  /** Runs a write and returns how many rows it changed. */
  run(sql: string, params: readonly unknown[]): number {
    const q = this.statement(sql, params);
    return q.statement.run(...q.params).changes;
  }

  /**
   * Runs writes without waiting for the disk: conversation state and event ids, where a power cut may cost
   * the last few but never corrupts the file (WAL). The next FULL commit (a submission, an audit entry)
   * syncs them along with itself, so nothing confirmed to a user waits on this.
   */
  relaxed<T>(write: () => T): T {
    this.statement('PRAGMA synchronous = NORMAL', []).statement.run();
    try {
      return write();
    } finally {
      this.statement('PRAGMA synchronous = FULL', []).statement.run();
    }
  }

  private statement(sql: string, params: readonly unknown[]): { statement: Database.Statement; params: unknown[] } {
    const q = toSqlite(sql, params);
    let statement = this.prepared.get(q.sql);
    if (!statement) {
      statement = this.db.prepare(q.sql);
      this.prepared.set(q.sql, statement);
    }
    return { statement, params: q.params };
  }
}
