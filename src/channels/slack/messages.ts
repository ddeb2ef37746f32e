import type { App as BoltApp } from '@slack/bolt';
import { converse } from './converse.js';
import { type SlackDeps, teamOf } from './deps.js';
import { dmPlace, threadPlace } from './places.js';

/** Removes the bot's own @mention (and a leading one, whoever it names) so the core sees only the question. */
export function stripMention(text: string, botUserId?: string): string {
  let t = text.replace(/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s,:]*/, '');
  if (botUserId) t = t.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ');
  return t.replace(/\s+/g, ' ').trim();
}

/** DMs (message.im) are answered in the DM; @mentions in a channel are answered in a thread under the mention. */
export function registerMessages(bolt: BoltApp, deps: SlackDeps): void {
  bolt.event('message', async ({ event, body, context, client }) => {
    // Edits, joins, bot posts and the like carry a subtype; only what a person wrote is answered.
    if (event.subtype !== undefined || event.channel_type !== 'im' || event.bot_id || !event.user || event.user === context.botUserId)
      return;
    const place = dmPlace(teamOf(body), event.channel, event.thread_ts);
    await converse(deps, client, place, event.user, stripMention(event.text ?? '', context.botUserId) || 'help');
  });

  bolt.event('app_mention', async ({ event, body, context, client }) => {
    if (event.subtype !== undefined || event.bot_id || !event.user || event.user === context.botUserId) return;
    const place = threadPlace(teamOf(body), event.channel, event.thread_ts ?? event.ts);
    await converse(deps, client, place, event.user, stripMention(event.text, context.botUserId) || 'help');
  });
}
