import type { IncomingMessage, ServerResponse } from 'node:http';

/** The core's ports: what a chat platform plugs in (a channel), and the reply model every channel renders. */

export type { Action, Block, Citation, Reply } from './answers/reply.js';

/** One HTTP endpoint a channel serves on the shared server. */
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** A chat platform plugged into the server: its HTTP routes and, optionally, a connection of its own (Socket Mode). */
export interface PlatformAdapter {
  name: string;
  routes: HttpRoute[];
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
