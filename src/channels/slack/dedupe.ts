import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { SlackDeps } from './deps.js';
import { describeError } from './describe-error.js';

/**
 * Slack delivers an event again when it thinks we missed it. The event id is claimed in the store (a unique
 * insert, safe across processes) before any work, so each event is answered once however often it comes.
 * When the store cannot be reached the event is handled anyway: the user is told that nothing can be saved
 * (the core's own reply) rather than met with silence, at the risk of a redelivery being answered twice.
 */
export function dedupeEvents(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      const claimed = await deps.app.store.claimEvent(eventId, new Date()).catch((error: unknown) => {
        deps.log.warn({ err: describeError(error), eventId }, 'slack event id could not be claimed; handling it anyway');
        return true;
      });
      if (!claimed) {
        deps.log.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack event already handled');
        return;
      }
    }
    await next();
  };
}
