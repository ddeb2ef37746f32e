import type { AuditEntry, RecordStore } from '../core/storage/store.js';
import { TERMINAL, withStore } from './cli-store.js';

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

export function auditCli(args: string[]): Promise<number> {
  return withStore((store) => auditCommand(args, { ...TERMINAL, store }));
}
