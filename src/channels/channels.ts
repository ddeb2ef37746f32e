import type { Logger } from 'pino';
import type { App } from '../app.js';
import type { Channel } from '../server.js';
import { createSlackChannel } from './slack/slack-channel.js';
import { createTeamsChannel } from './teams/teams-channel.js';

/** Builds a channel from the environment, or returns undefined when its settings are absent (the channel is off). */
export type ChannelFactory = (app: App, env: NodeJS.ProcessEnv, log: Logger) => Promise<Channel | undefined>;

/** Every chat platform the server can serve. A new channel is a new folder and one line here. */
export const CHANNEL_FACTORIES: ChannelFactory[] = [createTeamsChannel, createSlackChannel];
