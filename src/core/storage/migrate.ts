import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** What migrate needs from a database; queries use $1, $2… placeholders. */
export interface MigrationDialect {
  exec(sql: string): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Starts a transaction that holds the migration lock, so concurrent starts apply each migration once. */
  readonly beginLocked: string;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const CREATE_SCHEMA_MIGRATIONS =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)';
const FILE_NAME = /^(\d{3})-([a-z0-9]+(?:-[a-z0-9]+)*)\.sql$/;

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`Migration file ${join(dir, file)} is not named NNN-kebab-name.sql`);
      return { version: Number(match[1]), name: match[2]!, sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]!.version === m.version) {
      throw new Error(`Two migrations have version ${m.version} in ${dir}`);
    }
  });
  return migrations;
}

/** Applies the migrations not yet recorded in schema_migrations, each in its own transaction; returns the versions applied. */
export async function migrate(db: MigrationDialect, migrations: Migration[] = readMigrations()): Promise<number[]> {
  await inLockedTransaction(db, () => db.exec(CREATE_SCHEMA_MIGRATIONS));
  const applied: number[] = [];
  for (const migration of migrations) {
    const label = `${String(migration.version).padStart(3, '0')}-${migration.name}`;
    try {
      await inLockedTransaction(db, async () => {
        // Checked again under the lock: another process may have applied it since we started.
        const done = await db.query('SELECT version FROM schema_migrations WHERE version = $1', [migration.version]);
        if (done.length > 0) return;
        await db.exec(migration.sql);
        await db.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          Date.now(),
        ]);
        applied.push(migration.version);
      });
    } catch (error) {
      throw new MigrationError(`Migration ${label} failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return applied;
}

async function inLockedTransaction(db: MigrationDialect, work: () => Promise<void>): Promise<void> {
  try {
    await db.exec(db.beginLocked);
    await work();
    await db.exec('COMMIT');
  } catch (error) {
    // The original error matters more than a failed rollback (e.g. on a dropped connection).
    await db.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
