import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Runtime } from '../../runtime.js';
import type { ReplyOrder } from './reply-order.js';
import type { SlackConfig } from './slack-config.js';

/** What every Slack listener works with. */
export interface SlackDeps {
  app: Runtime;
  config: SlackConfig;
  log: Logger;
  replies: ReplyOrder;
}

export type SlackClient = webApi.WebClient;

/** The workspace a request came from; an enterprise-wide install may leave the team out of the body. */
export function teamOf(body: { team_id?: string; team?: { id?: string } | null; user?: { team_id?: string } }): string {
  return body.team_id ?? body.team?.id ?? body.user?.team_id ?? 'unknown-team';
}
