import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/core/storage/sqlite-store.js';
import { runCli, tempDataDir } from '../helpers/cli.js';

describe('compact-bot backup', () => {
  it('copies the embedded store, submissions included, to a new file only its owner can read, and audits it', async () => {
    const dataDir = tempDataDir();
    const store = await openSqliteStore(dataDir);
    const created = await store.createSubmission({
      kind: 'breach',
      compact: 'halton',
      channel: 'terminal',
      userId: 'U1',
      conversationId: 'c1',
      data: { summary: 'kept in the copy' },
      createdAt: new Date(),
    });
    await store.close();

    const file = join(tempDataDir(), 'copy.db');
    const r = runCli(['backup', file], { env: { DATA_DIR: dataDir } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT ref FROM submissions').all()).toEqual([{ ref: created.ref }]);
    copy.close();

    const again = await openSqliteStore(dataDir);
    expect((await again.listAudit()).map((a) => a.action)).toContain('backup');
    await again.close();
  });

  it('never overwrites a file, and sends PostgreSQL users to pg_dump', () => {
    const dataDir = tempDataDir();
    const first = runCli(['backup', join(dataDir, 'b.db')], { env: { DATA_DIR: dataDir } });
    expect(first.status).toBe(0);
    const twice = runCli(['backup', join(dataDir, 'b.db')], { env: { DATA_DIR: dataDir } });
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/already exists/);
    const pg = runCli(['backup', join(dataDir, 'c.db')], { env: { DATA_DIR: dataDir, DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x' } });
    expect(pg.status).toBe(2);
    expect(pg.stderr).toMatch(/pg_dump/);
  });
});
