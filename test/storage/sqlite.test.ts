import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, StoreConfigError } from '../../src/core/storage/open-store.js';
import { openSqliteStore } from '../../src/core/storage/sqlite-store.js';
import type { Store } from '../../src/core/storage/store.js';
import { storeContract } from './contract/index.js';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'compact-bot-sqlite-'));
  tempDirs.push(dir);
  return dir;
}

storeContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'compact-bot-sqlite-'));
  const store = await openSqliteStore(dir);
  return {
    store,
    reopen: () => openSqliteStore(dir),
    breakWrites: async () => void store.db.pragma('query_only = ON'),
    repairWrites: async () => void store.db.pragma('query_only = OFF'),
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('sqlite store', () => {
  const stores: Store[] = [];
  const track = <S extends Store>(store: S): S => {
    stores.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    for (const dir of tempDirs.splice(0)) {
      chmodSync(dir, 0o700);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses WAL, full sync, a busy timeout and foreign keys', async () => {
    const store = track(await openSqliteStore(tempDir()));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('creates DATA_DIR recursively and keeps data across close and reopen', async () => {
    const dataDir = join(tempDir(), 'a', 'b');
    const first = await openStore({ dataDir });
    expect(first.kind).toBe('sqlite');
    expect(existsSync(join(dataDir, 'compact-bot.db'))).toBe(true);
    const created = await first.createSubmission({
      kind: 'signup',
      compact: 'leeds',
      channel: 'slack',
      userId: 'U1',
      conversationId: 'C1',
      data: { organisation: 'Café Ŵ' },
      createdAt: new Date('2026-05-01T00:00:00Z'),
    });
    await first.setSetting('k', 'v');
    await first.close();

    const second = track(await openStore({ dataDir }));
    expect(await second.getSubmission(created.ref)).toEqual(created);
    expect(await second.getSetting('k')).toBe('v');
  });

  it('names DATA_DIR when it cannot be created', async () => {
    const file = join(tempDir(), 'not-a-directory');
    writeFileSync(file, 'x');
    for (const dataDir of [file, join(file, 'data')]) {
      const error = await openStore({ dataDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreConfigError);
      expect((error as Error).message).toMatch(/^DATA_DIR: /);
      expect((error as Error).message).toContain(dataDir);
    }
  });

  it.skipIf(process.getuid?.() === 0)('names DATA_DIR when it is read-only', async () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o500);
    const error = await openStore({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreConfigError);
    expect((error as Error).message).toMatch(/^DATA_DIR: .*EACCES/);
  });

  it('names DATA_DIR when the database file is not SQLite', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'compact-bot.db'), 'this is not a database, just text that is long enough to read a header from');
    const error = await openStore({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreConfigError);
    expect((error as Error).message).toMatch(/^DATA_DIR: .*compact-bot\.db.*SQLITE_NOTADB/);
  });

  it('keeps a submission whose reference was shown, even if the process is killed right after', async () => {
    const dataDir = tempDir();
    const script = fileURLToPath(new URL('./fixtures/create-submission.ts', import.meta.url));
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, 'U-killed'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

    let ref: string | undefined;
    for await (const line of createInterface({ input: child.stdout })) {
      ref = line.trim();
      child.kill('SIGKILL');
      break;
    }
    expect(await exited, stderr).toBe('SIGKILL');
    expect(ref).toMatch(/^BR-\d{4}-0001$/);

    const store = track(await openStore({ dataDir }));
    const found = await store.getSubmission(ref!);
    expect(found?.userId).toBe('U-killed');
    expect(found?.data).toEqual({ summary: 'written just before a SIGKILL' });
  });
});
