import type { Logger } from 'pino';
import type { App } from '../app.js';
import type { Channel } from '../server.js';
import { slackConfig } from './slack/slack-config.js';
import { teamsConfig } from './teams/teams-config.js';

/** Builds a channel from the environment, or returns undefined when its settings are absent (the channel is off). */
export type ChannelFactory = (app: App, env: NodeJS.ProcessEnv, log: Logger, options?: ChannelOptions) => Promise<Channel | undefined>;

export interface ChannelOptions {
  /** The time in ms since the epoch; tests move it to show what happens once work has waited. */
  clock?: () => number;
}

// A channel's libraries (botbuilder, Bolt) are loaded only when its settings turn it on: they cost start-up time and memory.
const createTeamsChannel: ChannelFactory = async (app, env, log) =>
  teamsConfig(env) ? (await import('./teams/teams-channel.js')).createTeamsChannel(app, env, log) : undefined;
const createSlackChannel: ChannelFactory = async (app, env, log) =>
  slackConfig(env) ? (await import('./slack/slack-channel.js')).createSlackChannel(app, env, log) : undefined;

/** Every chat platform the server can serve. A new channel is a new folder and an entry here. */
export const CHANNEL_FACTORIES: ChannelFactory[] = [createTeamsChannel, createSlackChannel];
