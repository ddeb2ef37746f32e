import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { SlackDeps } from './deps.js';

/**
 * Slack delivers an event again when it thinks we missed it. The event id is claimed in the store (a unique
 * insert, safe across processes) before any work, so each event is answered once however often it comes.
 */
export function dedupeEvents(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await deps.app.store.claimEvent(eventId, new Date()))) {
      deps.log.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack event already handled');
      return;
    }
    await next();
  };
}
