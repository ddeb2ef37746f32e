import { describe, expect, it } from 'vitest';
import { slackConfig } from '../../../src/channels/slack/slack-config.js';
import { ConfigError } from '../../../src/config.js';

const base = { SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-1-2-abc' };

function errorOf(env: NodeJS.ProcessEnv): string {
  try {
    slackConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('slackConfig', () => {
  it('is off (undefined) when no Slack variable is set', () => {
    expect(slackConfig({})).toBeUndefined();
    expect(slackConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '' })).toBeUndefined();
  });

  it('turns on with the signing secret and bot token, defaulting the rest', () => {
    expect(slackConfig(base)).toEqual({
      signingSecret: 'secret',
      botToken: 'xoxb-1-2-abc',
      appToken: undefined,
      apiUrl: 'https://slack.com/api/',
      reportsChannel: undefined,
      adminUsers: [],
    });
  });

  it('names the missing variable when only one of the pair is set', () => {
    expect(errorOf({ SLACK_SIGNING_SECRET: 's' })).toMatch(/SLACK_BOT_TOKEN: is required when SLACK_SIGNING_SECRET is set/);
    expect(errorOf({ SLACK_BOT_TOKEN: 'xoxb-1' })).toMatch(/SLACK_SIGNING_SECRET: is required when SLACK_BOT_TOKEN is set/);
    expect(errorOf({ SLACK_REPORTS_CHANNEL: 'C123' })).toMatch(
      /SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: are required to turn Slack on \(SLACK_REPORTS_CHANNEL is set\)/,
    );
  });

  it('refuses malformed tokens by name, without echoing them', () => {
    const botError = errorOf({ ...base, SLACK_BOT_TOKEN: 'xoxp-user-token' });
    expect(botError).toMatch(/SLACK_BOT_TOKEN: must be a bot token starting with xoxb-/);
    expect(botError).not.toContain('xoxp-user-token');
    expect(errorOf({ ...base, SLACK_APP_TOKEN: 'xoxb-wrong' })).toMatch(/SLACK_APP_TOKEN: must be an app-level token starting with xapp-/);
    expect(slackConfig({ ...base, SLACK_APP_TOKEN: 'xapp-1-A1-2-abc' })?.appToken).toBe('xapp-1-A1-2-abc');
  });

  it('normalises SLACK_API_URL to end in /api/ and refuses other URLs', () => {
    expect(slackConfig({ ...base, SLACK_API_URL: 'http://127.0.0.1:9999/api' })?.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(slackConfig({ ...base, SLACK_API_URL: 'https://slack.example/api/' })?.apiUrl).toBe('https://slack.example/api/');
    expect(errorOf({ ...base, SLACK_API_URL: 'https://slack.example/v2/' })).toMatch(/SLACK_API_URL: must end in \/api\//);
    expect(errorOf({ ...base, SLACK_API_URL: 'not a url' })).toMatch(/SLACK_API_URL: must be an http\(s\) URL/);
    expect(errorOf({ ...base, SLACK_API_URL: 'ftp://slack.example/api/' })).toMatch(/SLACK_API_URL/);
  });

  it('reads the reports channel id and the admin user ids', () => {
    const config = slackConfig({ ...base, SLACK_REPORTS_CHANNEL: 'C0123ABCD', SLACK_ADMIN_USERS: ' U0123, W0456 ,' });
    expect(config).toMatchObject({ reportsChannel: 'C0123ABCD', adminUsers: ['U0123', 'W0456'] });
    expect(errorOf({ ...base, SLACK_REPORTS_CHANNEL: '#compact-team' })).toMatch(/SLACK_REPORTS_CHANNEL: must be a channel id/);
    expect(errorOf({ ...base, SLACK_ADMIN_USERS: 'U0123,alice' })).toMatch(/SLACK_ADMIN_USERS: "alice" is not a Slack user id/);
  });
});
