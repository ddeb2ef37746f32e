import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotConnector } from '../../fakes/bot-connector.js';
import { tempDataDir } from '../../helpers/cli.js';
import { ServeProcess } from '../../helpers/serve-process.js';
import { cardOf, cardText } from './harness.js';

let connector: FakeBotConnector;
beforeAll(async () => {
  connector = await new FakeBotConnector().start();
});
afterAll(async () => connector.stop());

describe('compact-bot serve with Teams in local mode', () => {
  it('answers a personal-chat activity with a cited Adaptive Card and exits 0 on SIGTERM', async () => {
    // Only what the server needs: no chat-platform settings of the machine running the tests.
    const serve = await new ServeProcess({ DATA_DIR: tempDataDir(), TEAMS_LOCAL_MODE: '1', LOG_LEVEL: 'info' }).ready();
    const logs = serve.logs();
    expect(logs.find((l) => l.msg === 'ready')?.channels).toContain('teams');
    expect(logs.some((l) => l.level === 40 && /LOCAL MODE/.test(String(l.msg)))).toBe(true);

    const res = await fetch(`${serve.url}/api/messages`, {
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

    serve.child.kill('SIGTERM');
    expect((await serve.exited).code).toBe(0);
    expect(serve.logs().some((l) => l.msg === 'stopped')).toBe(true);
  });
});
