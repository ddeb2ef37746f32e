import { randomUUID } from 'node:crypto';
import pg from 'pg';

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A schema of its own for one run: DATABASE_URL names it through the connection's search_path. */
export async function freshSchema(url: string): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await admin(url, `CREATE SCHEMA ${schema}`);
  const withPath = new URL(url);
  withPath.searchParams.set('options', `-c search_path=${schema}`);
  return { databaseUrl: withPath.toString(), drop: () => admin(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}
