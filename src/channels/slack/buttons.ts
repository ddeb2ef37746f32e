import type { BlockAction, App as BoltApp, ButtonAction } from '@slack/bolt';
import { ACTION, decodeFeedback, renderReply } from './block-kit.js';
import { answerPrivately, ask, converse } from './converse.js';
import { type SlackDeps, teamOf } from './deps.js';
import { messagePlace, personalConversation, who } from './places.js';
import { postReply, safely, sendPrivately } from './post.js';

const USER_ID = /^[UW][A-Z0-9]+$/;

/** Where the pressed button was: one of our messages in a DM or thread, or an answer only the user sees. */
function placeOf(body: BlockAction) {
  const team = teamOf(body);
  const ephemeral = (body.container as { is_ephemeral?: boolean } | undefined)?.is_ephemeral === true;
  return !ephemeral && body.message && body.channel
    ? messagePlace(team, body.channel.id, body.message as { ts: string; thread_ts?: string })
    : undefined;
}

/** Buttons on our messages: a reply's actions, 👍/👎 and "Share in channel". */
export function registerButtons(bolt: BoltApp, deps: SlackDeps): void {
  bolt.action<BlockAction<ButtonAction>>(ACTION.reply, async ({ ack, body, action, client, respond }) => {
    await ack();
    const place = placeOf(body);
    const text = action.value ?? '';
    if (place) await converse(deps, client, place, body.user.id, text);
    else
      await answerPrivately(
        deps,
        { client, respond, team: teamOf(body), user: body.user.id, channel: body.channel?.id, triggerId: body.trigger_id },
        text,
      );
  });

  bolt.action<BlockAction<ButtonAction>>(/^feedback:(up|down)$/, async ({ ack, body, action, client, respond }) => {
    await ack();
    const feedback = decodeFeedback(action.value);
    if (!feedback) {
      deps.log.warn({ actionId: action.action_id }, 'slack feedback button without a readable value');
      return;
    }
    const conversationId = placeOf(body)?.conversationId ?? personalConversation(teamOf(body), body.user.id);
    const stored = await safely(deps, 'store feedback', () =>
      deps.app.bot.feedback(who(conversationId, body.user.id), feedback.question, feedback.keys, action.action_id === ACTION.feedbackUp),
    );
    const text = stored ? 'Thank you, your feedback is noted.' : 'Sorry, your feedback could not be saved just now.';
    await sendPrivately(
      deps,
      client,
      respond,
      { channel: body.channel?.id, user: body.user.id },
      { blocks: [{ type: 'section', text: { type: 'plain_text', text } }], text },
    );
  });

  // The answer is asked again in the user's conversation and posted for everyone; the private copy goes.
  bolt.action<BlockAction<ButtonAction>>(ACTION.share, async ({ ack, body, action, client, respond }) => {
    await ack();
    const user = body.user.id;
    const reply = await ask(deps, personalConversation(teamOf(body), user), user, action.value ?? '');
    if (!reply) return;
    const footer = USER_ID.test(user) ? `Shared by <@${user}>` : undefined;
    const shared = await safely(deps, 'share answer', () =>
      respond({ response_type: 'in_channel', replace_original: false, ...renderReply(reply, { footer }) }),
    );
    if (shared) await safely(deps, 'remove private answer', () => respond({ delete_original: true }));
    else if (body.channel) await postReply(deps, client, { channel: body.channel.id }, reply, { footer });
  });
}
