import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/core/storage/migrate.js';
import { openStore, StoreConfigError } from '../../src/core/storage/open-store.js';
import { openPostgresStore, type PostgresStore } from '../../src/core/storage/postgres-store.js';
import type { Store } from '../../src/core/storage/store.js';
import { storeContract } from './contract/index.js';

const databaseUrl = process.env.TEST_DATABASE_URL;

const newSchemaName = () => `test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const dropSchema = (schema: string) => admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));

const TABLES = ['conversations', 'ref_counters', 'submissions', 'processed_events', 'feedback', 'audit_log', 'settings'];

/** Triggers that fail every write to the schema's tables the way a full disk does (SQLSTATE 53100), or their removal. */
function diskFull(schema: string, action: 'CREATE' | 'DROP'): string {
  if (action === 'DROP') return TABLES.map((t) => `DROP TRIGGER disk_full ON ${schema}.${t};`).join('\n');
  return [
    `CREATE OR REPLACE FUNCTION ${schema}.disk_full() RETURNS trigger LANGUAGE plpgsql AS $$`,
    `BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$;`,
    ...TABLES.map(
      (t) =>
        `CREATE TRIGGER disk_full BEFORE INSERT OR UPDATE OR DELETE ON ${schema}.${t} ` +
        `FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.disk_full();`,
    ),
  ].join('\n');
}

/** A URL with a password, for checking that no error message repeats it. */
const SECRET = 'n0t-for-logs-7Q';

function openError(url: string): Promise<Error> {
  return openStore({ databaseUrl: url, dataDir: '/nonexistent' }).then(
    () => new Error('openStore unexpectedly succeeded'),
    (e: unknown) => e as Error,
  );
}

describe('postgres configuration errors', () => {
  const servers: Server[] = [];
  const sockets: Socket[] = [];

  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.destroy());
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  async function listen(server: Server): Promise<number> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as { port: number }).port;
  }

  it.each(['mysql://user:pw@localhost/db', 'localhost:5432', 'host=localhost dbname=x', 'http://localhost:5432/db'])(
    'rejects %s as not a PostgreSQL URL',
    async (url) => {
      const error = await openError(url);
      expect(error).toBeInstanceOf(StoreConfigError);
      expect(error.message).toBe('DATABASE_URL is not a PostgreSQL URL (expected postgres://user:password@host:5432/database)');
    },
  );

  it('names DATABASE_URL and the address, not the password, when nothing listens', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    servers.pop();

    const error = await openError(`postgresql://compact:${SECRET}@127.0.0.1:${port}/compact`);
    expect(error).toBeInstanceOf(StoreConfigError);
    expect(error.message).toMatch(new RegExp(`^DATABASE_URL: cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    expect(`${error.message}\n${error.stack}`).not.toContain(SECRET);
  });

  it('gives up on a server that never answers', async () => {
    const port = await listen(createServer((socket) => sockets.push(socket)));
    const started = Date.now();
    const error = await openError(`postgres://compact:${SECRET}@127.0.0.1:${port}/compact`);
    expect(error.message).toBe(
      `DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1:${port} (no answer within 5 seconds); check the host and port, and any firewall`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe.skipIf(!databaseUrl)('postgres store (TEST_DATABASE_URL)', () => {
  storeContract('postgres', async () => {
    const schema = newSchemaName();
    const store = await openPostgresStore({ connectionString: databaseUrl!, schema });
    return {
      store,
      reopen: () => openPostgresStore({ connectionString: databaseUrl!, schema }),
      breakWrites: async () => void (await admin((c) => c.query(diskFull(schema, 'CREATE')))),
      repairWrites: async () => void (await admin((c) => c.query(diskFull(schema, 'DROP')))),
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });

  describe('against a real server', () => {
    const schemas: string[] = [];
    const stores: Store[] = [];
    const schema = () => {
      const name = newSchemaName();
      schemas.push(name);
      return name;
    };
    const open = async (name: string): Promise<PostgresStore> => {
      const store = await openPostgresStore({ connectionString: databaseUrl!, schema: name });
      stores.push(store);
      return store;
    };
    const withPassword = (password: string, database?: string) => {
      const url = new URL(databaseUrl!);
      url.password = password;
      if (database) url.pathname = `/${database}`;
      return url.toString();
    };

    afterEach(async () => {
      await Promise.all(stores.splice(0).map((s) => s.close()));
      for (const name of schemas.splice(0)) await dropSchema(name);
    });

    it('opens PostgreSQL through openStore when DATABASE_URL is set', async () => {
      const name = schema();
      await admin((c) => c.query(`CREATE SCHEMA ${name}`));
      const url = new URL(databaseUrl!);
      url.searchParams.set('options', `-c search_path=${name}`);
      const store = await openStore({ databaseUrl: url.toString(), dataDir: '/nonexistent' });
      stores.push(store);
      expect(store.kind).toBe('postgres');
      await store.ping();
      const tables = await admin((c) =>
        c.query('SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1', [name]),
      );
      expect(tables.rows[0].n).toBeGreaterThanOrEqual(8);
    });

    it('names DATABASE_URL, not the password, when the password is wrong', async () => {
      const error = await openError(withPassword(SECRET));
      expect(error).toBeInstanceOf(StoreConfigError);
      expect(error.message).toMatch(/^DATABASE_URL: PostgreSQL at .* refused to log in user ".*" \(password authentication failed/);
      expect(`${error.message}\n${error.stack}`).not.toContain(SECRET);
    });

    it('names DATABASE_URL when the database does not exist', async () => {
      const missing = `missing_${randomUUID().slice(0, 8)}`;
      const error = await openError(withPassword(new URL(databaseUrl!).password, missing));
      expect(error).toBeInstanceOf(StoreConfigError);
      expect(error.message).toMatch(new RegExp(`^DATABASE_URL: database "${missing}" does not exist on PostgreSQL at `));
    });

    it('lets exactly one of two processes claim the same event', async () => {
      const name = schema();
      const [a, b] = [await open(name), await open(name)];
      const now = new Date('2026-03-01T10:00:00Z');
      for (let i = 0; i < 20; i++) {
        const results = await Promise.all([a.claimEvent(`evt-${i}`, now), b.claimEvent(`evt-${i}`, now)]);
        expect(results.filter(Boolean)).toHaveLength(1);
      }
    });

    it('never gives two processes the same reference', async () => {
      const name = schema();
      const [a, b] = [await open(name), await open(name)];
      const create = (store: Store, i: number) =>
        store.createSubmission({
          kind: 'signup',
          compact: 'leeds',
          channel: 'slack',
          userId: `U${i}`,
          conversationId: 'C',
          data: {},
          createdAt: new Date('2026-06-01T00:00:00Z'),
        });
      const created = await Promise.all(Array.from({ length: 40 }, (_, i) => create(i % 2 ? a : b, i)));
      const refs = created.map((s) => s.ref).sort();
      expect(new Set(refs).size).toBe(40);
      expect(refs.at(-1)).toBe('SU-2026-0040');
    });

    it('applies each migration once when two processes start on an empty schema together', async () => {
      const name = schema();
      const [a, b] = await Promise.all([open(name), open(name)]);
      const versions = readMigrations().map((m) => m.version);
      expect([...a.migrationsApplied, ...b.migrationsApplied].sort((x, y) => x - y)).toEqual(versions);
      const recorded = await admin((c) => c.query(`SELECT version FROM ${name}.schema_migrations ORDER BY version`));
      expect(recorded.rows.map((r) => r.version)).toEqual(versions);
      await a.ping();
      await b.ping();
    });
  });
});
