import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { openPostgresStore } from '../../src/core/storage/postgres-store.js';
import { openSqliteStore } from '../../src/core/storage/sqlite-store.js';
import { reviewStoreContract } from './review-contract.js';

const databaseUrl = process.env.TEST_DATABASE_URL;

reviewStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'compact-bot-review-'));
  const store = await openSqliteStore(dir);
  const others = [store];
  return {
    review: store.reviewStore(),
    other: async () => {
      const s = await openSqliteStore(dir);
      others.push(s);
      return s.reviewStore();
    },
    cleanup: async () => {
      for (const s of others) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe.skipIf(!databaseUrl)('postgres (TEST_DATABASE_URL)', () => {
  reviewStoreContract('postgres', async () => {
    const schema = `review_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    const store = await openPostgresStore({ connectionString: databaseUrl!, schema });
    const others = [store];
    return {
      review: store.reviewStore(),
      other: async () => {
        const s = await openPostgresStore({ connectionString: databaseUrl!, schema });
        others.push(s);
        return s.reviewStore();
      },
      cleanup: async () => {
        for (const s of others) await s.close();
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  });
});
