import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/answers/render-text.js';
import type { SqliteStore } from '../../src/core/storage/sqlite-store.js';
import { createLogger } from '../../src/logger.js';
import { createRuntime, type Runtime } from '../../src/runtime.js';
import { createHttpServer } from '../../src/server.js';
import { tempDataDir } from '../helpers/cli.js';

const who = { conversationId: 'full-disk', userId: 'u1', channel: 'terminal' };
const form = (what: string) => ({
  compact: 'hertfordshire',
  reporterOrg: 'Friends of the Park',
  reporterName: 'Sam Reporter',
  reporterEmail: 'sam@example.org',
  aboutOrg: 'County Council',
  signatories: '1',
  undertakings: '4.4',
  what,
  when: '2025-01-15',
  tried: 'A letter.',
  outcome: 'Funding.',
  consent: 'yes',
});

describe('a full disk (embedded store)', () => {
  let app: Runtime;
  let base: string;
  const logged: Record<string, unknown>[] = [];
  const close: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const destination = new Writable({
      write: (c: Buffer, _e, done) => {
        logged.push(JSON.parse(c.toString()));
        done();
      },
    });
    const log = createLogger({ destination });
    app = await createRuntime({ DATA_DIR: tempDataDir() }, { log });
    const server = createHttpServer(app, [], log);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close.push(
      () => new Promise((resolve) => server.close(() => resolve())),
      () => app.store.close(),
    );
  });
  afterAll(async () => {
    for (const c of close) await c();
  });

  it('tells the user, logs the cause without the answers, counts it, and fails /readyz until a write succeeds', async () => {
    const db = (app.store as unknown as SqliteStore).db;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    // No page may be added to the file: what a full disk does to a write that needs room. The free space left in
    // the file's last pages takes a report or two first.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let result: Awaited<ReturnType<Runtime['bot']['submitForm']>> | undefined;
    for (let i = 0; i < 10 && !(result && 'errors' in result); i++) {
      result = await app.bot.submitForm(who, 'breach', form(`Private details ${'x'.repeat(1900)}`));
    }
    expect(result && 'errors' in result && Object.values(result.errors).join(' ')).toMatch(/cannot save right now/);

    const line = logged.find((l) => l.msg === 'store operation failed');
    expect(line).toMatchObject({ level: 50, store: { op: 'createSubmission', write: true, code: 'SQLITE_FULL' } });
    expect(JSON.stringify(logged)).not.toMatch(/Private details|Sam Reporter/);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^compact_bot_store_errors_total\{op="createSubmission",code="SQLITE_FULL"\} 1$/m);
    // A ping reads, and would pass; readiness knows the last write failed.
    await expect(app.store.ping()).resolves.toBeUndefined();
    expect((await fetch(`${base}/readyz`)).status).toBe(503);

    db.pragma('max_page_count = 1073741823');
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const stored = await app.bot.submitForm(who, 'breach', form('Funding ended at two weeks notice.'));
    expect('reply' in stored && renderText(stored.reply)).toMatch(/Reference BR-/);
  });
});
