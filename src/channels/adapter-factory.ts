import type { Logger } from 'pino';
import type { PlatformAdapter } from '../core/index.js';
import type { Runtime } from '../runtime.js';

/** Builds a channel from the environment, or returns undefined when its settings are absent (the channel is off). */
export type AdapterFactory = (
  app: Runtime,
  env: NodeJS.ProcessEnv,
  log: Logger,
  options?: AdapterOptions,
) => Promise<PlatformAdapter | undefined>;

export interface AdapterOptions {
  /** The time in ms since the epoch; tests move it to show what happens once work has waited. */
  clock?: () => number;
}
