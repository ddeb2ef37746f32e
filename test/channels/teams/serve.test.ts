import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotConnector } from '../../fakes/bot-connector.js';
import { BIN, ROOT, tempDataDir } from '../../helpers/cli.js';
import { cardOf, cardText } from './harness.js';

/** This process's environment without any chat-platform settings of the machine running the tests. */
const ownEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(MICROSOFT_APP_|TEAMS_|SLACK_)/.test(k)));

let connector: FakeBotConnector;
beforeAll(async () => {
  connector = await new FakeBotConnector().start();
});
afterAll(async () => connector.stop());

describe('compact-bot serve with Teams in local mode', () => {
  it('answers a personal-chat activity with a cited Adaptive Card and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      cwd: ROOT,
      env: { ...ownEnv(), PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDataDir(), TEAMS_LOCAL_MODE: '1', LOG_LEVEL: 'info' },
    });
    const logs: Record<string, unknown>[] = [];
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'ready') resolve(entry);
      });
      void exited.then((code) => reject(new Error(`serve exited with ${code} before it was ready: ${stderr}`)));
    });
    const { port, channels } = await ready;
    expect(channels).toContain('teams');
    expect(logs.some((l) => l.level === 40 && /LOCAL MODE/.test(String(l.msg)))).toBe(true);

    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'serve-1',
        channelId: 'msteams',
        serviceUrl: connector.url,
        text: 'what notice is required before our funding is cut?',
        from: { id: '29:user', aadObjectId: '11111111-2222-3333-4444-555555555555' },
        recipient: { id: '28:compact-bot' },
        conversation: { id: 'a:serve', conversationType: 'personal' },
      }),
    });
    expect(res.status).toBe(200);
    const [call] = await connector.waitForCalls(1);
    expect(call!.conversationId).toBe('a:serve');
    const card = cardOf(call!);
    expect(Number(card.version)).toBeLessThanOrEqual(1.5);
    expect(cardText(card)).toContain("three months' notice in writing");
    expect(cardText(card)).toContain('Hertfordshire Compact 4.4');
    expect(call!.activity.summary).toContain('three months');
    expect(call!.activity.summary).toContain('Hertfordshire Compact 4.4');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logs.some((l) => l.msg === 'stopped')).toBe(true);
  });
});
