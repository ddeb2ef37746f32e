import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/core/storage/sqlite-store.js';
import { runCli, tempDataDir } from '../helpers/cli.js';

describe('compact-bot audit', () => {
  it('prints the audit log oldest first, one entry a line', async () => {
    const dataDir = tempDataDir();
    const store = await openSqliteStore(dataDir);
    await store.audit({ actor: 'teams:aad-1', action: 'reports.show', target: 'BR-2026-0002', at: new Date('2026-03-02T09:00:00Z') });
    await store.audit({ actor: 'slack:T1:U1', action: 'reports.list', target: '2 rows', at: new Date('2026-03-01T08:30:00Z') });
    await store.close();

    const r = runCli(['audit'], { env: { DATA_DIR: dataDir } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      '2026-03-01T08:30:00.000Z  slack:T1:U1  reports.list  2 rows',
      '2026-03-02T09:00:00.000Z  teams:aad-1  reports.show  BR-2026-0002',
    ]);
  });

  it('says when the log is empty, and refuses arguments it does not take', () => {
    const dataDir = tempDataDir();
    const empty = runCli(['audit'], { env: { DATA_DIR: dataDir } });
    expect(empty.status).toBe(0);
    expect(empty.stdout.trim()).toBe('The audit log is empty.');
    const extra = runCli(['audit', '--since', '2026-01-01'], { env: { DATA_DIR: dataDir } });
    expect(extra.status).toBe(2);
    expect(extra.stderr.trim()).toBe('usage: compact-bot audit (takes no arguments; got --since 2026-01-01)');
  });
});
