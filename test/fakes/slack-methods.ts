import { messageProblems, viewProblems } from './slack-blocks.js';

export const BOT_USER_ID = 'UBOT0001';
export const BOT_ID = 'BBOT0001';

/** What real Slack would refuse in this call's blocks or view. */
export function callProblems(method: string, body: Record<string, any>): string[] {
  if (['response_url', 'chat.postMessage', 'chat.postEphemeral', 'chat.update'].includes(method)) return messageProblems(body);
  if (method.startsWith('views.')) return viewProblems(body.view);
  return [];
}

export class SlackMethods {
  private ts = 1_700_000_000;
  private views = 0;

  answer(method: string, body: Record<string, any>, token: string, socketUrl: string): Record<string, unknown> {
    // Socket Mode connects with the app-level token; everything else here takes the bot token.
    if (method === 'apps.connections.open') {
      return token.startsWith('xapp-') ? { ok: true, url: socketUrl } : { ok: false, error: 'not_allowed_token_type' };
    }
    if (!token.startsWith('xoxb-')) return { ok: false, error: token ? 'not_allowed_token_type' : 'not_authed' };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Example',
          user: 'compact-bot',
          team_id: 'T0001',
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
        };
      case 'chat.postMessage':
        return this.postMessage(body);
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${(this.ts += 1)}.000200` };
      case 'views.open':
      case 'views.update':
      case 'views.publish': {
        const view = typeof body.view === 'object' && body.view ? body.view : {};
        const id = typeof body.view_id === 'string' ? body.view_id : `V${String((this.views += 1)).padStart(8, '0')}`;
        return { ok: true, view: { id, team_id: 'T0001', state: { values: {} }, hash: `h${(this.views += 1)}`, ...view } };
      }
      case 'conversations.open':
        return {
          ok: true,
          channel: {
            id: `D${String(body.users ?? 'U0')
              .split(',')[0]!
              .slice(1)}`,
          },
        };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private postMessage(body: Record<string, any>): Record<string, unknown> {
    // A channel id, a DM id, or a user id (delivered in the app's DM with them); anything else, such as a
    // stored reference of ours ("slack:T1:U1") or a #name, is not a conversation Slack knows.
    if (!/^[CDGUW][A-Z0-9]{2,}$/.test(String(body.channel))) return { ok: false, error: 'channel_not_found' };
    if (body.channel === BOT_USER_ID) return { ok: false, error: 'cannot_dm_bot' };
    const ts = `${(this.ts += 1)}.000100`;
    // A message to a user id is delivered in the DM between the app and that user.
    const channel = /^[UW]/.test(String(body.channel)) ? `D${String(body.channel).slice(1)}` : body.channel;
    return {
      ok: true,
      channel,
      ts,
      message: {
        type: 'message',
        text: body.text,
        user: BOT_USER_ID,
        bot_id: BOT_ID,
        ts,
        thread_ts: body.thread_ts,
      },
    };
  }
}
