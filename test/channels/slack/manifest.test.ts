import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../../src/channels/slack/receiver.js';
import { startedHarness, TEAM } from './harness.js';

interface Manifest {
  _metadata: { major_version: number };
  display_information: { name: string; description: string; long_description: string };
  features: {
    app_home: Record<string, boolean>;
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; description: string }[];
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
    org_deploy_enabled: boolean;
  };
}

const manifest = parse(readFileSync(new URL('../../../manifest/slack/manifest.yml', import.meta.url), 'utf8')) as Manifest;

describe('manifest/slack/manifest.yml', () => {
  it('has what Slack requires and what compact-bot needs', () => {
    expect(manifest._metadata.major_version).toBe(1);
    expect(manifest.display_information.name).toBe('compact-bot');
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description.length).toBeLessThanOrEqual(4000);
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['app_mentions:read', 'chat:write', 'commands', 'im:history']));
    expect(manifest.settings).toMatchObject({ socket_mode_enabled: false, org_deploy_enabled: false, interactivity: { is_enabled: true } });
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.im', 'app_home_opened']),
    );
  });

  it('asks for no scope beyond what the Web API methods the code calls and the events it receives need', () => {
    // Scopes per method from Slack's method reference; auth.test and views.* need none.
    const METHOD_SCOPES: Record<string, string[]> = {
      'auth.test': [],
      'chat.postMessage': ['chat:write'],
      'chat.postEphemeral': ['chat:write'],
      'views.open': [],
      'views.update': [],
      'views.publish': [],
    };
    const EVENT_SCOPES: Record<string, string[]> = {
      app_mention: ['app_mentions:read'],
      'message.im': ['im:history'],
      app_home_opened: [],
    };
    const dir = new URL('../../../src/channels/slack/', import.meta.url);
    const CALL = /client\.(\w+)\.(\w+)\(/g;
    const callsIn = (f: string) => [...readFileSync(new URL(f, dir), 'utf8').matchAll(CALL)].map((m) => `${m[1]}.${m[2]}`);
    const called = new Set(readdirSync(dir).flatMap(callsIn));
    for (const method of called) expect(METHOD_SCOPES, `scopes of ${method}`).toHaveProperty([method]);
    const forEvents = manifest.settings.event_subscriptions.bot_events.flatMap((e) => EVENT_SCOPES[e] ?? []);
    const needed = new Set(['commands', ...[...called].flatMap((m) => METHOD_SCOPES[m]!), ...forEvents]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('points every request URL at the one Slack path of our server', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(url).toBe(`https://YOUR-HOST${SLACK_EVENTS_PATH}`);
  });

  it('keeps within Slack’s limits for shortcuts and commands', () => {
    for (const s of manifest.features.shortcuts) {
      expect(s.type).toBe('global');
      expect(s.callback_id.length).toBeLessThanOrEqual(255);
      expect(s.description.length).toBeLessThanOrEqual(150);
    }
    for (const c of manifest.features.slash_commands) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(c.description.length).toBeLessThanOrEqual(2000);
    }
  });
});

describe('everything the manifest declares is handled', () => {
  const h = startedHarness();

  it.each(manifest.features.slash_commands.map((c) => c.command))('slash command %s', async (command) => {
    const form = new URLSearchParams({
      team_id: TEAM,
      channel_id: 'C0GENERAL',
      user_id: 'U0USER01',
      command,
      text: 'help',
      response_url: h.slack.responseUrl('m'),
      trigger_id: 't',
    });
    const res = await h.post(form.toString(), { contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    await h.slack.waitFor((c) => c.method === 'response_url');
  });

  it.each(manifest.features.shortcuts.map((s) => s.callback_id))('shortcut %s', async (callbackId) => {
    const res = await h.interaction({
      type: 'shortcut',
      callback_id: callbackId,
      trigger_id: 'trig',
      user: { id: 'U0USER01', team_id: TEAM },
      action_ts: '1',
    });
    expect(res.status).toBe(200);
    await h.slack.waitFor((c) => c.method === 'views.open' && c.body.trigger_id === 'trig');
  });

  const EVENTS: Record<string, { event: Record<string, unknown>; answer: string }> = {
    app_mention: {
      event: { type: 'app_mention', channel: 'C0GENERAL', user: 'U0USER01', text: '<@UBOT0001> help', ts: '1.000001', event_ts: '1' },
      answer: 'chat.postMessage',
    },
    'message.im': {
      event: { type: 'message', channel_type: 'im', channel: 'D0USER01', user: 'U0USER01', text: 'help', ts: '1.000002', event_ts: '1' },
      answer: 'chat.postMessage',
    },
    app_home_opened: {
      event: { type: 'app_home_opened', user: 'U0USER01', channel: 'D0USER01', tab: 'home', event_ts: '1' },
      answer: 'views.publish',
    },
  };

  it.each(manifest.settings.event_subscriptions.bot_events)('event %s', async (name) => {
    const sample = EVENTS[name];
    expect(sample, `no sample for ${name}: add one, and a handler`).toBeDefined();
    const { res } = await h.event(sample!.event);
    expect(res.status).toBe(200);
    await h.slack.waitFor((c) => c.method === sample!.answer && c.status === 200);
  });
});
