import type { RespondFn } from '@slack/bolt';
import type { Reply } from '../../core/answers/reply.js';
import type { Answered } from '../../core/conversation.js';
import { renderReply, section } from './block-kit.js';
import type { SlackClient, SlackDeps } from './deps.js';
import { describeError } from './describe-error.js';
import { openForm } from './forms.js';
import { personalConversation, who, type Place } from './places.js';
import { postMessage, postReply, sendPrivately } from './post.js';

const SORRY = 'Sorry, something went wrong on my side and I could not answer that. Please try again in a minute.';

export async function ask(deps: SlackDeps, conversationId: string, user: string, text: string): Promise<Reply | undefined> {
  try {
    return await deps.app.bot.handle({ ...who(conversationId, user), text });
  } catch (error) {
    deps.log.error({ err: describeError(error) }, 'slack message could not be answered');
    return undefined;
  }
}

/** A turn of a conversation in a DM or a thread: the reply (or an apology) is posted in the same place. */
export async function converse(deps: SlackDeps, client: SlackClient, place: Place, user: string, text: string): Promise<void> {
  await deps.turns.run(place.conversationId, async () => {
    const reply = await ask(deps, place.conversationId, user, text);
    if (reply) await postReply(deps, client, place, reply);
    else await postMessage(deps, client, 'post apology', place, { blocks: section(SORRY), text: SORRY });
  });
}

export interface PrivateTurn {
  client: SlackClient;
  respond?: RespondFn;
  team: string;
  user: string;
  channel?: string;
  triggerId: string;
}

/**
 * A question asked with /compact, or a button pressed on an answer only the user sees. The answer is shown
 * to the user alone with "Share in channel"; a request to report or sign up opens the form instead, since
 * a guided conversation cannot continue in messages only one person sees.
 */
export async function answerPrivately(deps: SlackDeps, turn: PrivateTurn, text: string): Promise<void> {
  const conversationId = personalConversation(turn.team, turn.user);
  await deps.turns.run(conversationId, async () => {
    let answered: Answered | undefined;
    try {
      answered = await deps.app.bot.answerPrivately({ ...who(conversationId, turn.user), text });
    } catch (error) {
      deps.log.error({ err: describeError(error) }, 'slack question could not be answered');
    }
    if (answered?.form) {
      await openForm(deps, { ...turn, conversationId, flowId: answered.form.flow, compact: answered.form.compact });
      return;
    }
    const message = answered ? renderReply(answered.reply, { shareQuestion: answered.reply.hits.length > 0 ? text : undefined }) : { blocks: section(SORRY), text: SORRY };
    await sendPrivately(deps, turn.client, turn.respond, { channel: turn.channel, user: turn.user }, message);
  });
}
