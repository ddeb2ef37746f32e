import { closeSync, openSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { coreConfig } from '../config.js';
import { openSqliteStore } from '../core/storage/sqlite-store.js';

/**
 * `backup <file>`: a consistent copy of the embedded store, taken with SQLite's online backup while
 * `serve` keeps running. PostgreSQL has its own tools for this.
 */
export async function backupCommand(args: string[]): Promise<number> {
  const config = coreConfig();
  const [target, ...extra] = args;
  if (!target || extra.length > 0) {
    console.error('Usage: compact-bot backup <file>   (a copy of the embedded store in DATA_DIR)');
    return 2;
  }
  if (config.DATABASE_URL) {
    console.error(
      'DATABASE_URL is set, so the data is in PostgreSQL: ' +
        "back it up with pg_dump (or your provider's backups), not with compact-bot backup.",
    );
    return 2;
  }
  const file = resolve(target);
  try {
    // Created here, readable by this user only, and never over an existing file.
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EEXIST'
        ? `${file} already exists; choose a new file name (a backup never overwrites).`
        : `Cannot create ${file}: ${code ?? String(error)}`,
    );
    return 2;
  }
  const store = await openSqliteStore(config.DATA_DIR);
  try {
    const { totalPages } = await store.db.backup(file);
    await store.audit({ actor: `cli:${userInfo().username}`, action: 'backup', target: file, at: new Date() });
    console.log(`Backed up ${totalPages} pages to ${file}. It holds personal data: keep it where only admins can read it.`);
    return 0;
  } finally {
    await store.close();
  }
}
