import type { Logger } from 'pino';
import type { App } from '../app.js';
import type { Channel } from '../core/index.js';

/** Builds a channel from the environment, or returns undefined when its settings are absent (the channel is off). */
export type ChannelFactory = (app: App, env: NodeJS.ProcessEnv, log: Logger, options?: ChannelOptions) => Promise<Channel | undefined>;

export interface ChannelOptions {
  /** The time in ms since the epoch; tests move it to show what happens once work has waited. */
  clock?: () => number;
}
