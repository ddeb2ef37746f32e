import type { ChannelFactory } from './channel-factory.js';
import { slackConfig } from './slack/slack-config.js';
import { teamsConfig } from './teams/teams-config.js';

// A channel's libraries (botbuilder, Bolt) are loaded only when its settings turn it on: they cost start-up time and memory.
const createTeamsChannel: ChannelFactory = async (app, env, log) =>
  teamsConfig(env) ? (await import('./teams/teams-channel.js')).createTeamsChannel(app, env, log) : undefined;
const createSlackChannel: ChannelFactory = async (app, env, log) =>
  slackConfig(env) ? (await import('./slack/slack-channel.js')).createSlackChannel(app, env, log) : undefined;

/** Every chat platform the server can serve. A new channel is a new folder and an entry here. */
export const CHANNEL_FACTORIES: ChannelFactory[] = [createTeamsChannel, createSlackChannel];
