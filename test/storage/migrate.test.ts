import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError, migrate, readMigrations } from '../../src/core/storage/migrate.js';
import { sqliteDialect } from '../../src/core/storage/sqlite-store.js';

describe('migrate', () => {
  const dirs: string[] = [];
  const dbs: Database.Database[] = [];

  afterEach(() => {
    dbs.splice(0).forEach((db) => db.close());
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  function migrationsDir(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'compact-bot-migrations-'));
    dirs.push(dir);
    for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
    return dir;
  }

  function database(): Database.Database {
    const db = new Database(':memory:');
    dbs.push(db);
    return db;
  }

  const tables = (db: Database.Database) =>
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);

  it('applies pending migrations in version order, once', async () => {
    const dir = migrationsDir({
      '010-later.sql': 'ALTER TABLE a ADD COLUMN extra TEXT;',
      '002-first.sql': 'CREATE TABLE a (id TEXT PRIMARY KEY);',
      'README.md': 'not a migration',
    });
    const db = database();
    expect(await migrate(sqliteDialect(db), readMigrations(dir))).toEqual([2, 10]);
    expect(await migrate(sqliteDialect(db), readMigrations(dir))).toEqual([]);
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 2, name: 'first' },
      { version: 10, name: 'later' },
    ]);
  });

  it('rolls back a failing migration and names it', async () => {
    const dir = migrationsDir({
      '001-good.sql': 'CREATE TABLE a (id TEXT);',
      '002-broken.sql': 'CREATE TABLE b (id TEXT); INSERT INTO missing VALUES (1);',
    });
    const db = database();
    const error = await migrate(sqliteDialect(db), readMigrations(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/^Migration 002-broken failed: no such table: missing/);
    expect(tables(db)).toEqual(['a', 'schema_migrations']);
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
  });

  it('refuses badly named or duplicate migration files', () => {
    expect(() => readMigrations(migrationsDir({ '1-short.sql': '' }))).toThrow(/is not named NNN-kebab-name\.sql/);
    expect(() => readMigrations(migrationsDir({ '003-Upper_Case.sql': '' }))).toThrow(/is not named/);
    expect(() => readMigrations(migrationsDir({ '004-a.sql': '', '004-b.sql': '' }))).toThrow(/Two migrations have version 4/);
  });

  it('ships the schema with every table the stores use', async () => {
    const db = database();
    await migrate(sqliteDialect(db));
    expect(tables(db)).toEqual([
      'audit_log',
      'conversations',
      'feedback',
      'processed_events',
      'ref_counters',
      'report_status_changes',
      'review_questions',
      'schema_migrations',
      'settings',
      'submissions',
    ]);
  });
});
