import { randomUUID } from 'node:crypto';
import pg from 'pg';

async function run(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestSchema {
  name: string;
  /**
   * A DATABASE_URL for compact-bot that selects this schema (tests and bench:server),
   * optionally reached through another port on loopback.
   */
  databaseUrl(port?: number): string;
  drop(): Promise<void>;
}

/** An empty schema of its own in the database `url` names, for one test file's servers to share. */
export async function createTestSchema(url: string): Promise<TestSchema> {
  const name = `scale_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
  await run(url, `CREATE SCHEMA ${name}`);
  return {
    name,
    databaseUrl(port) {
      const u = new URL(url);
      if (port !== undefined) {
        u.hostname = '127.0.0.1';
        u.port = String(port);
      }
      u.searchParams.set('options', `-c search_path=${name}`);
      return u.toString();
    },
    drop: () => run(url, `DROP SCHEMA IF EXISTS ${name} CASCADE`),
  };
}
