import { describe, expect, it } from 'vitest';
import { teamsConfig } from '../../../src/channels/teams/teams-config.js';
import { ConfigError } from '../../../src/config.js';

const APP_ID = '6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const TENANT = '0f1e2d3c-4b5a-4968-8776-655443322110';

function configError(env: NodeJS.ProcessEnv): string {
  try {
    teamsConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

const LOCAL = { TEAMS_LOCAL_MODE: '1' };
const CONV = '19:team@thread.tacv2';
const GLOBAL = 'https://smba.trafficmanager.net/teams/';

describe('Teams settings', () => {
  it('leave Teams off when nothing is set, in production too', () => {
    expect(teamsConfig({})).toBeUndefined();
    expect(teamsConfig({ NODE_ENV: 'production' })).toBeUndefined();
    expect(teamsConfig({ TEAMS_LOCAL_MODE: '0' })).toBeUndefined();
  });

  it('turn on local mode only when asked, even in production', () => {
    expect(teamsConfig({ TEAMS_LOCAL_MODE: '1' })).toMatchObject({ mode: 'local', production: false });
    expect(teamsConfig({ TEAMS_LOCAL_MODE: 'true', NODE_ENV: 'production' })).toMatchObject({ mode: 'local', production: true });
  });

  it('turn on token checks with an app id', () => {
    expect(
      teamsConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 's3cret', TEAMS_ADMIN_AAD_IDS: `${TENANT}, ${APP_ID}` }),
    ).toMatchObject({
      mode: 'bot-framework',
      appId: APP_ID,
      appType: 'MultiTenant',
      adminAadIds: [TENANT, APP_ID],
    });
    expect(
      teamsConfig({
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 's3cret',
        MICROSOFT_APP_TYPE: 'singletenant',
        MICROSOFT_APP_TENANT_ID: TENANT,
      }),
    ).toMatchObject({
      appType: 'SingleTenant',
      tenantId: TENANT,
    });
    expect(teamsConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT })).toMatchObject(
      { appType: 'UserAssignedMSI' },
    );
  });

  it('take the reports conversation from configuration, with the global service URL unless one is given', () => {
    const app = { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 's3cret' };
    expect(teamsConfig(app)?.reportsConversation).toBeUndefined();
    expect(teamsConfig({ ...app, TEAMS_REPORTS_CONVERSATION: CONV })?.reportsConversation).toEqual({ id: CONV, serviceUrl: GLOBAL });
    const emea = { ...app, TEAMS_REPORTS_CONVERSATION: CONV, TEAMS_REPORTS_SERVICE_URL: 'https://smba.trafficmanager.net/emea/' };
    expect(teamsConfig(emea)?.reportsConversation?.serviceUrl).toBe('https://smba.trafficmanager.net/emea/');
    const local = { ...LOCAL, TEAMS_REPORTS_CONVERSATION: CONV, TEAMS_REPORTS_SERVICE_URL: 'http://127.0.0.1:3978/' };
    expect(teamsConfig(local)?.reportsConversation?.serviceUrl).toBe('http://127.0.0.1:3978/');
  });

  it('refuse to start without an app id when other Teams settings say Teams was meant to be on', () => {
    expect(configError({ NODE_ENV: 'production', MICROSOFT_APP_PASSWORD: 's3cret' })).toMatch(
      /MICROSOFT_APP_ID: is required to turn Teams on \(MICROSOFT_APP_PASSWORD is set\)$/,
    );
    expect(configError({ TEAMS_ADMIN_AAD_IDS: TENANT })).toMatch(/MICROSOFT_APP_ID: .*or set TEAMS_LOCAL_MODE=1/);
  });

  it('name the variable that is wrong, and never echo a secret', () => {
    const cases: [NodeJS.ProcessEnv, RegExp][] = [
      [{ MICROSOFT_APP_ID: 'my-bot' }, /MICROSOFT_APP_ID: must be the bot’s Microsoft app id, a GUID/],
      [
        { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 's3cret', MICROSOFT_APP_TYPE: 'Tenantless' },
        /MICROSOFT_APP_TYPE: must be MultiTenant, SingleTenant, UserAssignedMSI/,
      ],
      [
        { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 's3cret', MICROSOFT_APP_TYPE: 'SingleTenant' },
        /MICROSOFT_APP_TENANT_ID: is required when MICROSOFT_APP_TYPE is SingleTenant/,
      ],
      [{ MICROSOFT_APP_ID: APP_ID }, /MICROSOFT_APP_PASSWORD: is required with MICROSOFT_APP_ID/],
      [
        {
          MICROSOFT_APP_ID: APP_ID,
          MICROSOFT_APP_TYPE: 'UserAssignedMSI',
          MICROSOFT_APP_TENANT_ID: TENANT,
          MICROSOFT_APP_PASSWORD: 's3cret',
        },
        /MICROSOFT_APP_PASSWORD: must not be set when MICROSOFT_APP_TYPE is UserAssignedMSI/,
      ],
      [
        { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 's3cret', TEAMS_LOCAL_MODE: '1' },
        /TEAMS_LOCAL_MODE: must not be 1 when MICROSOFT_APP_ID is set/,
      ],
      [{ TEAMS_LOCAL_MODE: 'yes please' }, /TEAMS_LOCAL_MODE: must be 1 \(on\) or 0 \(off\)/],
      [{ TEAMS_LOCAL_MODE: '1', MICROSOFT_APP_PASSWORD: 's3cret' }, /MICROSOFT_APP_PASSWORD: only applies with MICROSOFT_APP_ID/],
      [
        { TEAMS_LOCAL_MODE: '1', TEAMS_ADMIN_AAD_IDS: 'jo@example.org' },
        /TEAMS_ADMIN_AAD_IDS: must be Azure AD \(Entra ID\) user object ids/,
      ],
      [
        { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 's3cret', TEAMS_OPENID_METADATA_URL: 'login.example.org' },
        /TEAMS_OPENID_METADATA_URL: must be an http\(s\) URL/,
      ],
      [{ ...LOCAL, TEAMS_REPORTS_CONVERSATION: 'General' }, /TEAMS_REPORTS_CONVERSATION: must be a Teams channel conversation id/],
      [{ ...LOCAL, TEAMS_REPORTS_CONVERSATION: `${CONV};messageid=1` }, /TEAMS_REPORTS_CONVERSATION: must be a Teams channel/],
      [{ ...LOCAL, TEAMS_REPORTS_CONVERSATION: CONV }, /TEAMS_REPORTS_SERVICE_URL: must be a service on this machine/],
      [{ ...LOCAL, TEAMS_REPORTS_CONVERSATION: CONV, TEAMS_REPORTS_SERVICE_URL: GLOBAL }, /TEAMS_REPORTS_SERVICE_URL: must be a service/],
      [{ ...LOCAL, TEAMS_REPORTS_SERVICE_URL: 'http://localhost:1/' }, /TEAMS_REPORTS_CONVERSATION: is required when/],
      [{ TEAMS_REPORTS_CONVERSATION: CONV }, /MICROSOFT_APP_ID: is required to turn Teams on \(TEAMS_REPORTS_CONVERSATION is set\)/],
    ];
    for (const [env, message] of cases) {
      const text = configError(env);
      expect(text).toMatch(message);
      expect(text).not.toContain('s3cret');
    }
  });
});
