import { coreConfig } from '../config.js';
import { openStore } from '../core/storage/open-store.js';
import type { AuditEntry, RecordStore } from '../core/storage/store.js';

export interface AuditIo {
  out: (text: string) => void;
  err: (text: string) => void;
  store: Pick<RecordStore, 'listAudit'>;
}

const line = (e: AuditEntry) => [e.at.toISOString(), e.actor, e.action, e.target].join('  ');

/** `audit`: who did what to the reports, sign-ups, review and settings, oldest first. */
export async function auditCommand(args: string[], io: AuditIo): Promise<number> {
  if (args.length > 0) {
    io.err(`usage: compact-bot audit (takes no arguments; got ${args.join(' ')})`);
    return 2;
  }
  const entries = await io.store.listAudit();
  if (entries.length === 0) io.out('The audit log is empty.');
  for (const e of entries) io.out(line(e));
  return 0;
}

export async function auditCli(args: string[]): Promise<number> {
  const config = coreConfig();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    return await auditCommand(args, {
      out: (t) => process.stdout.write(`${t}\n`),
      err: (t) => process.stderr.write(`${t}\n`),
      store,
    });
  } finally {
    await store.close();
  }
}
