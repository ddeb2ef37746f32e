import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewCommand } from '../../src/cli/review-command.js';
import type { ReviewIo } from '../../src/cli/review-io.js';
import { coreConfig } from '../../src/config.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import type { NewReviewQuestion } from '../../src/core/storage/review-store.js';
import { openSqliteStore, type SqliteStore } from '../../src/core/storage/sqlite-store.js';
import { ROOT, runCli, tempDataDir } from '../helpers/cli.js';

const kb = loadKnowledge(coreConfig({}).KNOWLEDGE_DIR);
let store: SqliteStore;
let knowledge: string;
const out: string[] = [];
const err: string[] = [];

beforeAll(async () => {
  store = await openSqliteStore(tempDataDir());
  knowledge = join(mkdtempSync(join(tmpdir(), 'compact-bot-review-kb-')), 'knowledge');
  cpSync(join(ROOT, 'knowledge'), knowledge, { recursive: true });
});
afterAll(async () => store.close());

function io(now = new Date('2026-06-01T12:00:00Z')): ReviewIo {
  out.length = 0;
  err.length = 0;
  return {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    kb: () => kb,
    knowledgeDir: knowledge,
    store,
    review: store.reviewStore(),
    actor: 'cli:tester',
    now: () => now,
    retentionDays: 90,
  };
}

const question = (id: string, text: string, createdAt = new Date('2026-05-30T10:00:00Z')): NewReviewQuestion => ({
  id,
  question: text,
  channel: 'terminal',
  asker: `hash-${id}`,
  reason: 'declined',
  reply: { intent: 'unknown', keys: [] },
  candidates: [
    { key: 'hertfordshire:undertaking:4.4', p: 0.2 },
    { key: 'dacorum:undertaking:statutory-funding-3', p: 0.1 },
  ],
  createdAt,
});

describe('compact-bot review', () => {
  it('refuses what it cannot do, saying why, and changes nothing', async () => {
    const review = store.reviewStore();
    await review.addQuestion(question('q1', 'our hall hire is being withdrawn, what notice'));
    expect(await reviewCommand(['accept'], io())).toBe(2);
    expect(err.join('\n')).toMatch(/usage:[\s\S]*review accept <id> --item/);
    expect(await reviewCommand(['accept', 'q1'], io())).toBe(2);
    expect(err.join('\n')).toMatch(/Say which item/);
    expect(await reviewCommand(['accept', 'q1', '--item', 'nowhere 9.9'], io())).toBe(1);
    expect(err.join('\n')).toMatch(/No item "nowhere 9.9"/);
    expect(await reviewCommand(['dismiss', 'q-none'], io())).toBe(1);
    expect(err.join('\n')).toBe('No question q-none in review.');
    expect((await review.getQuestion('q1'))?.status).toBe('pending');
    expect(await store.listAudit()).toEqual([]);
  });

  it('lists groups most asked first, and accepts a candidate by its number', async () => {
    const review = store.reviewStore();
    await review.addQuestion(question('q2', 'can the parish clerk sack our volunteers'));
    await review.addQuestion(question('q3', 'our hall hire is being withdrawn - what notice?'));
    expect(await reviewCommand([], io())).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/3 questions to review, in 2 groups/);
    expect(text.indexOf('q2')).toBeGreaterThan(text.indexOf('q3'));
    expect(text).toContain("1. hertfordshire 4.4 (Three months' notice before funding changes or ends)  20%");
    await reviewCommand(['list', '--json'], io());
    expect(out.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['q1', 'q2', 'q3']);
    expect(JSON.parse(out[0]!)).toMatchObject({
      question: 'our hall hire is being withdrawn, what notice',
      candidates: [{ item: 'hertfordshire 4.4', p: 0.2 }, { item: 'dacorum statutory-funding-3' }],
    });
    expect(await reviewCommand(['accept', 'q1', '--candidate', '2'], io())).toBe(0);
    expect((await review.getQuestion('q1'))?.label).toBe('dacorum:undertaking:statutory-funding-3');
    expect(await reviewCommand(['out-of-scope', 'q2'], io())).toBe(0);
    // One clock for both: the log orders entries of the same moment by a random id.
    const audit = await store.listAudit();
    expect(audit).toHaveLength(2);
    expect(audit).toEqual(
      expect.arrayContaining([
        {
          actor: 'cli:tester',
          action: 'review.example',
          target: 'q1 → dacorum:undertaking:statutory-funding-3',
          at: new Date('2026-06-01T12:00:00Z'),
        },
        { actor: 'cli:tester', action: 'review.out-of-scope', target: 'q2 → none', at: new Date('2026-06-01T12:00:00Z') },
      ]),
    );
  });

  it('exports into the item and into out-of-scope.yml, leaving the rest of each file as it was', async () => {
    const before = readFileSync(join(knowledge, 'out-of-scope.yml'), 'utf8');
    expect(await reviewCommand(['export'], io())).toBe(0);
    expect(out.join('\n')).toMatch(/q1 → dacorum\/undertakings.yml[\s\S]*q2 → out-of-scope.yml[\s\S]*npm run train/);
    expect(readFileSync(join(knowledge, 'out-of-scope.yml'), 'utf8')).toBe(
      `${before}- subject: questions accepted in review\n  asked:\n    - "can the parish clerk sack our volunteers"\n`,
    );
    expect(readFileSync(join(knowledge, 'dacorum', 'undertakings.yml'), 'utf8')).toContain(
      '- "our hall hire is being withdrawn, what notice"\n',
    );
    expect(await store.reviewStore().accepted()).toEqual([]);
    expect(() => loadKnowledge(knowledge)).not.toThrow();
  });

  it('purges questions nobody accepted after QUESTION_RETENTION_DAYS, audited', async () => {
    await store.reviewStore().addQuestion(question('old', 'an old question', new Date('2026-01-01T00:00:00Z')));
    expect(await reviewCommand(['purge'], io())).toBe(0);
    expect(out).toEqual(['Deleted 1 question kept for review since before 2026-03-03.']);
    expect(await store.reviewStore().getQuestion('old')).toBeUndefined();
    expect(await store.reviewStore().getQuestion('q3')).toBeDefined();
  });

  it('takes QUESTION_RETENTION_DAYS from 1 to 36,600 days, 90 when unset', () => {
    expect(coreConfig({}).QUESTION_RETENTION_DAYS).toBe(90);
    expect(coreConfig({ QUESTION_RETENTION_DAYS: '30' }).QUESTION_RETENTION_DAYS).toBe(30);
    expect(() => coreConfig({ QUESTION_RETENTION_DAYS: '0' })).toThrow(/QUESTION_RETENTION_DAYS: must be greater than 0/);
    expect(() => coreConfig({ QUESTION_RETENTION_DAYS: '40000' })).toThrow(/QUESTION_RETENTION_DAYS: must be at most 36,600/);
  });

  it('prints its usage for --help', () => {
    const r = runCli(['review', 'accept', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('compact-bot review accept <id> --item "<compact> <item id>"');
    expect(r.stdout).toContain('compact-bot review export');
  });
});
