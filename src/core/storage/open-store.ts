import { join } from 'node:path';
import { MigrationError } from './migrate.js';
import { monitorStore, type StoreFailure } from './monitored-store.js';
import { openPostgresStore, type PostgresStore } from './postgres-store.js';
import type { ReviewStore } from './review-store.js';
import { openSqliteStore, SQLITE_FILE_NAME, type SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/** A storage setting (DATABASE_URL or DATA_DIR) that cannot be used; the message names the setting and says why. */
export class StoreConfigError extends Error {
  override name = 'StoreConfigError';
}

export interface StoreConfig {
  databaseUrl?: string;
  dataDir: string;
}

/**
 * PostgreSQL when databaseUrl is set, otherwise SQLite in dataDir; migrated and ready to use. Every failure
 * of the store is passed to `onFailure`, and health() fails after a failed write (monitored-store.ts).
 */
export async function openStore(config: StoreConfig, onFailure?: (failure: StoreFailure) => void): Promise<Store> {
  return (await openStores(config, onFailure)).store;
}

/** openStore, and the review store on the same database (review-store.ts). */
export async function openStores(
  config: StoreConfig,
  onFailure?: (failure: StoreFailure) => void,
): Promise<{ store: Store; review: ReviewStore }> {
  const store = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openSqlite(config.dataDir);
  return { store: monitorStore(store, onFailure), review: store.reviewStore() };
}

async function openPostgres(databaseUrl: string): Promise<PostgresStore> {
  const url = parsePostgresUrl(databaseUrl);
  try {
    return await openPostgresStore({ connectionString: databaseUrl });
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    throw new StoreConfigError(hidePassword(describePostgresFailure(error, url), url));
  }
}

function parsePostgresUrl(databaseUrl: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(databaseUrl);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    throw new StoreConfigError('DATABASE_URL is not a PostgreSQL URL (expected postgres://user:password@host:5432/database)');
  }
  return url;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);

function describePostgresFailure(error: unknown, url: URL): string {
  const where = `PostgreSQL at ${url.hostname || 'localhost'}:${url.port || '5432'}`;
  const { code, message } = error as { code?: string; message?: string };
  const user = decode(url.username) || 'the default user';
  const database = decode(url.pathname.slice(1)) || 'the default database';
  if (code && UNREACHABLE.has(code)) {
    return `DATABASE_URL: cannot reach ${where} (${code}); check the host and port, and that the server is running`;
  }
  if (message && /timeout/i.test(message)) {
    return `DATABASE_URL: cannot reach ${where} (no answer within 5 seconds); check the host and port, and any firewall`;
  }
  if (code === '28P01' || code === '28000') {
    return `DATABASE_URL: ${where} refused to log in user "${user}" (${message}); check the user name and password`;
  }
  if (code === '3D000') {
    return `DATABASE_URL: database "${database}" does not exist on ${where}; create it or correct the database name`;
  }
  return `DATABASE_URL: could not open the database "${database}" on ${where}: ${code ? `${code} ` : ''}${message ?? String(error)}`;
}

function hidePassword(text: string, url: URL): string {
  const secrets = [url.password, decode(url.password)].filter((s) => s.length > 0);
  return secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

async function openSqlite(dataDir: string): Promise<SqliteStore> {
  try {
    return await openSqliteStore(dataDir);
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    const { code, message } = error as { code?: string; message?: string };
    if (code?.startsWith('SQLITE_')) {
      throw new StoreConfigError(`DATA_DIR: cannot use the database ${join(dataDir, SQLITE_FILE_NAME)} (${code}: ${message})`);
    }
    throw new StoreConfigError(
      `DATA_DIR: "${dataDir}" is not a writable directory (${code ?? message}); set DATA_DIR to a directory the bot can write to`,
    );
  }
}
