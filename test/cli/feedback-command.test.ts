import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/core/storage/sqlite-store.js';
import { runCli, tempDataDir } from '../helpers/cli.js';

const who = { conversationId: 'slack:T1:D1', userId: 'U1', channel: 'slack' };

describe('compact-bot feedback', () => {
  it('counts 👍 and 👎 for each passage a reply showed, the most disliked first, without who or what was asked', async () => {
    const dataDir = tempDataDir();
    const store = await openSqliteStore(dataDir);
    const give = (answerKeys: string[], helpful: boolean, day: string) =>
      store.recordFeedback({ ...who, question: 'what notice for jo@example.org', answerKeys, helpful, createdAt: new Date(day) });
    await give(['hertfordshire:undertaking:4.4'], true, '2026-03-01T09:00:00Z');
    await give(['hertfordshire:undertaking:4.4', 'dacorum:undertaking:statutory-funding-3'], false, '2026-03-04T09:00:00Z');
    await give(['dacorum:undertaking:statutory-funding-3'], false, '2026-03-02T09:00:00Z');
    await give([], true, '2026-03-03T09:00:00Z');
    await store.close();

    const r = runCli(['feedback'], { env: { DATA_DIR: dataDir } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'answer                                   helpful  not helpful  last',
      'dacorum:undertaking:statutory-funding-3        0            2  2026-03-04',
      'hertfordshire:undertaking:4.4                  1            1  2026-03-04',
      '(a reply with no passage)                      1            0  2026-03-03',
    ]);
    expect(r.stdout).not.toContain('example.org');
    expect(r.stdout).not.toContain('U1');
  });

  it('says when there is none, and refuses arguments it does not take', () => {
    const dataDir = tempDataDir();
    const empty = runCli(['feedback'], { env: { DATA_DIR: dataDir } });
    expect(empty.status).toBe(0);
    expect(empty.stdout.trim()).toBe('No feedback yet.');
    const extra = runCli(['feedback', 'hertfordshire'], { env: { DATA_DIR: dataDir } });
    expect(extra.status).toBe(2);
    expect(extra.stderr.trim()).toBe('usage: compact-bot feedback (takes no arguments; got hertfordshire)');
  });
});
