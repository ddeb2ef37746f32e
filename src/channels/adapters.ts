import type { AdapterFactory } from './adapter-factory.js';
import { slackConfig } from './slack/slack-config.js';
import { teamsConfig } from './teams/teams-config.js';

// A channel's libraries (botbuilder, Bolt) are loaded only when its settings turn it on: they cost start-up time and memory.
const createTeamsAdapter: AdapterFactory = async (app, env, log) =>
  teamsConfig(env) ? (await import('./teams/teams-adapter.js')).createTeamsAdapter(app, env, log) : undefined;
const createSlackAdapter: AdapterFactory = async (app, env, log) =>
  slackConfig(env) ? (await import('./slack/slack-adapter.js')).createSlackAdapter(app, env, log) : undefined;

/** Every chat platform the server can serve. A new channel is a new folder and an entry here. */
export const ADAPTER_FACTORIES: AdapterFactory[] = [createTeamsAdapter, createSlackAdapter];
