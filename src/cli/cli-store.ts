import { type CoreConfig, coreConfig } from '../config.js';
import { openStore } from '../core/storage/open-store.js';
import type { Store } from '../core/storage/store.js';

/** Lines to standard output and standard error, as the commands print them. */
export const TERMINAL = {
  out: (text: string) => void process.stdout.write(`${text}\n`),
  err: (text: string) => void process.stderr.write(`${text}\n`),
};

/** Opens the store the settings name, runs `work` with it, and closes it whatever happens. */
export async function withStore<T>(work: (store: Store, config: CoreConfig) => Promise<T>): Promise<T> {
  const config = coreConfig();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}
