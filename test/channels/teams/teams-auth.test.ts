import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_FRAMEWORK_ISSUER, FakeOpenIdIssuer, signingKey, signJwt } from './fake-openid.js';
import { ADMIN_AAD, TeamsHarness } from './harness.js';

const APP_ID = '6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const trusted = signingKey('trusted-key');
const stranger = signingKey('stranger-key');

let issuer: FakeOpenIdIssuer;
let h: TeamsHarness;

beforeAll(async () => {
  issuer = await new FakeOpenIdIssuer([trusted]).start();
  h = await TeamsHarness.start({
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    TEAMS_OPENID_METADATA_URL: issuer.metadataUrl,
  });
});
afterAll(async () => {
  await h.stop();
  await issuer.stop();
});

const now = () => Math.floor(Date.now() / 1000);
const claims = (overrides: Record<string, unknown> = {}) => ({
  iss: BOT_FRAMEWORK_ISSUER,
  aud: APP_ID,
  serviceurl: h.connector.url,
  nbf: now() - 60,
  exp: now() + 3600,
  ...overrides,
});

/** True when the activity got past authentication (its id was recorded as seen). */
async function wasAccepted(activity: Record<string, unknown>): Promise<boolean> {
  const conversation = activity.conversation as { id: string };
  return !(await h.app.store.claimEvent(`teams:${conversation.id}:${String(activity.id)}`, new Date()));
}

describe('Teams channel with an app id: inbound tokens', () => {
  it('does not warn about local mode, and says where the signing keys come from', () => {
    expect(h.logs.some((l) => /LOCAL MODE/.test(String(l.msg)))).toBe(false);
    expect(h.logs.some((l) => l.level === 40 && /TEAMS_OPENID_METADATA_URL/.test(String(l.msg)))).toBe(true);
  });

  const refused: [string, () => string | undefined][] = [
    ['no token', () => undefined],
    ['a token that is not a JWT', () => 'Bearer not-a-jwt'],
    ['a token signed by an unknown key', () => `Bearer ${signJwt(stranger, claims())}`],
    ['a token signed by another key under a trusted key id', () => `Bearer ${signJwt(stranger, claims(), trusted.kid)}`],
    ['a token for another bot (audience)', () => `Bearer ${signJwt(trusted, claims({ aud: '00000000-0000-0000-0000-000000000001' }))}`],
    ['a token from another issuer', () => `Bearer ${signJwt(trusted, claims({ iss: 'https://sts.example.org/' }))}`],
    [
      'a token for another service URL',
      () => `Bearer ${signJwt(trusted, claims({ serviceurl: 'https://smba.trafficmanager.net/emea/' }))}`,
    ],
    ['an expired token', () => `Bearer ${signJwt(trusted, claims({ nbf: now() - 7200, exp: now() - 3600 }))}`],
  ];

  for (const [name, token] of refused) {
    it(`answers 401 to ${name}, and nothing reaches the connector`, async () => {
      const activity = h.personal('what notice is required before our funding is cut?');
      const auth = token();
      const res = await h.post(activity, auth ? { authorization: auth } : {});
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toEqual({ error: 'unauthorized' });
      expect(h.connector.calls).toHaveLength(0);
      expect(await wasAccepted(activity)).toBe(false);
    });
  }

  it('accepts a valid token (issuer, audience, service URL, signature, endorsement)', async () => {
    // An unmentioned channel message needs no reply, so the turn completes without an outbound token from Azure AD,
    // which these tests cannot reach.
    const activity = h.channel('what notice is required before our funding is cut?', false);
    const token = signJwt(trusted, claims());
    const res = await h.post(activity, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(await wasAccepted(activity)).toBe(true);
    expect(h.connector.calls).toHaveLength(0);
    expect(JSON.stringify(h.logs)).not.toContain(token);
  });

  it('lets only an administrator, known by the aadObjectId of an authenticated request, choose where report notices go', async () => {
    const admins = await TeamsHarness.start({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      TEAMS_OPENID_METADATA_URL: issuer.metadataUrl,
      TEAMS_ADMIN_AAD_IDS: ADMIN_AAD,
    });
    try {
      const conversation = { id: '19:reports@thread.tacv2;messageid=7', conversationType: 'channel', isGroup: true };
      const serviceurl = admins.connector.url;
      // The reply itself cannot be sent (no Azure AD to issue the bot's own token here); what the command changed is checked.
      const signed = () => ({ authorization: `Bearer ${signJwt(trusted, claims({ serviceurl }))}` });
      const stranger = { id: '29:other', aadObjectId: '99999999-0000-0000-0000-000000000000' };
      const other = admins.channel('reports here', true, { conversation, from: stranger });
      await admins.post(other, signed());
      expect(await admins.app.store.getSetting('teams.reports.reference')).toBeUndefined();
      await admins.post(admins.channel('reports here', true, { conversation }), signed());
      expect(JSON.parse((await admins.app.store.getSetting('teams.reports.reference'))!).conversation.id).toBe('19:reports@thread.tacv2');
      expect((await admins.app.store.listAudit()).map((a) => a.action)).toEqual(['teams.reports.here']);
    } finally {
      await admins.stop();
    }
  });

  it('refuses a valid token whose key is not endorsed for the activity’s channel', async () => {
    const activity = h.channel('hello', false, { channelId: 'slack' });
    const res = await h.post(activity, { authorization: `Bearer ${signJwt(trusted, claims())}` });
    expect(res.status).toBe(401);
    expect(await wasAccepted(activity)).toBe(false);
  });
});
