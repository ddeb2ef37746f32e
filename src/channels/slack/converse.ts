import type { RespondFn } from '@slack/bolt';
import type { Answered, Reply, SubmissionKind } from '../../core/index.js';
import { button, openFormAction, renderReply, type SlackBlock, section } from './block-kit.js';
import type { SlackClient, SlackDeps } from './deps.js';
import { describeError } from './describe-error.js';
import { formButtonValue, openForm } from './forms.js';
import { type Place, personalConversation, who } from './places.js';
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

/**
 * A turn of a conversation in a DM or a thread: the reply (or an apology) is posted in the same place. In a
 * channel thread a request to report or sign up is answered with a button that opens the form for whoever
 * presses it, so no question of a form is asked, and no answer typed, where others can read it.
 */
export async function converse(deps: SlackDeps, client: SlackClient, place: Place, user: string, text: string): Promise<void> {
  let answered: Answered | undefined;
  try {
    const inbound = { ...who(place.conversationId, user), text };
    answered = place.shared ? await deps.app.bot.answerPrivately(inbound) : { reply: await deps.app.bot.handle(inbound) };
  } catch (error) {
    deps.log.error({ err: describeError(error) }, 'slack message could not be answered');
  }
  await deps.replies.after(`${place.conversationId}|${user}`, async () => {
    if (answered?.form) await postMessage(deps, client, 'offer form', place, formOffer(user, answered.form.flow, answered.form.compact));
    else if (answered) await postReply(deps, client, place, answered.reply);
    else await postMessage(deps, client, 'post apology', place, { blocks: section(SORRY), text: SORRY });
  });
}

const USER_ID = /^[UW][A-Z0-9]+$/;

/** The message that stands in for a form in a thread: a button opening the form, privately, for whoever presses it. */
function formOffer(user: string, flowId: SubmissionKind, compact?: string): { blocks: SlackBlock[]; text: string } {
  const what = flowId === 'breach' ? 'report a suspected breach' : 'sign an organisation up';
  const to = USER_ID.test(user) ? `<@${user}>, to` : 'To';
  const text = `${to} ${what}, press the button: the form opens for you alone, and nothing you type in it is posted here.`;
  const label = flowId === 'breach' ? 'Open the report form' : 'Open the sign-up form';
  const open = button(label, openFormAction(flowId), formButtonValue(flowId, compact), 'primary');
  return { blocks: [...section(text), { type: 'actions', elements: [open] }], text };
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
  let answered: Answered | undefined;
  try {
    answered = await deps.app.bot.answerPrivately({ ...who(conversationId, turn.user), text });
  } catch (error) {
    deps.log.error({ err: describeError(error) }, 'slack question could not be answered');
  }
  await deps.replies.after(conversationId, async () => {
    if (answered?.form) {
      await openForm(deps, { ...turn, conversationId, flowId: answered.form.flow, compact: answered.form.compact });
      return;
    }
    const message = answered
      ? renderReply(answered.reply, { shareQuestion: answered.reply.hits.length > 0 ? text : undefined })
      : { blocks: section(SORRY), text: SORRY };
    await sendPrivately(deps, turn.client, turn.respond, { channel: turn.channel, user: turn.user }, message);
  });
}
