import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamsHarness } from './harness.js';

// An address of this machine that is not loopback, to reach the server as another machine would.
const external = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.family === 'IPv4')?.address;

let h: TeamsHarness;
beforeAll(async () => {
  h = await TeamsHarness.start({ TEAMS_LOCAL_MODE: '1' }, '0.0.0.0');
});
afterAll(async () => h.stop());

describe('Teams local mode', () => {
  it.skipIf(!external)('answers only requests from this machine, even when the server listens on every interface', async () => {
    const { port } = new URL(h.url);
    const res = await fetch(`http://${external}:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(h.personal('hello')),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'local mode (no MICROSOFT_APP_ID) only answers requests from this machine' });
    expect(h.connector.calls).toEqual([]);
    const [call] = await h.send(h.personal('hello'));
    expect(call!.method).toBe('POST');
  });
});
