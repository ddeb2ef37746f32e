import type { App as BoltApp, RespondFn } from '@slack/bolt';
import { FLOWS } from '../../core/flows/runner.js';
import type { SubmissionKind } from '../../core/storage/store.js';
import { ACTION, section } from './block-kit.js';
import { teamOf, type SlackClient, type SlackDeps } from './deps.js';
import { describeError } from './describe-error.js';
import { FORM_CALLBACK, formModal, formValues, readMetadata } from './modals.js';
import { personalConversation, who } from './places.js';
import { postReply, safely, sendPrivately } from './post.js';

/** Global shortcuts (declared in the manifest) and the flows they open. */
export const SHORTCUTS: Record<string, SubmissionKind> = { report_breach: 'breach', signup: 'signup' };

const isFlow = (v: unknown): v is SubmissionKind => v === 'breach' || v === 'signup';

export interface FormRequest {
  client: SlackClient;
  triggerId: string;
  conversationId: string;
  flowId: SubmissionKind;
  compact?: string;
  /** Where to say so if Slack will not open the form. */
  respond?: RespondFn;
  user: string;
  channel?: string;
}

export async function openForm(deps: SlackDeps, r: FormRequest): Promise<void> {
  const view = formModal(r.flowId, deps.app.kb, { conversationId: r.conversationId }, r.compact);
  const opened = await safely(deps, 'open form', () => r.client.views.open({ trigger_id: r.triggerId, view }));
  if (!opened) {
    const text = `Sorry, Slack would not open the ${r.flowId === 'breach' ? 'report' : 'sign-up'} form just now. Please try again, or send me a direct message saying "${r.flowId === 'breach' ? 'report a breach' : 'sign up'}".`;
    await sendPrivately(deps, r.client, r.respond, { channel: r.channel, user: r.user }, { blocks: section(text), text });
  }
}

export function registerForms(bolt: BoltApp, deps: SlackDeps): void {
  for (const [callbackId, flowId] of Object.entries(SHORTCUTS)) {
    bolt.shortcut(callbackId, async ({ ack, shortcut, client }) => {
      await ack();
      const team = teamOf(shortcut);
      await openForm(deps, { client, triggerId: shortcut.trigger_id, conversationId: personalConversation(team, shortcut.user.id), flowId, user: shortcut.user.id });
    });
  }

  bolt.action(ACTION.openForm, async ({ ack, body, action, client, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !isFlow(action.value)) return;
    const team = teamOf(body);
    await openForm(deps, { client, triggerId: body.trigger_id, conversationId: personalConversation(team, body.user.id), flowId: action.value, respond, user: body.user.id, channel: body.channel?.id });
  });

  bolt.view(FORM_CALLBACK, async ({ ack, body, view, client }) => {
    const flowId = FORM_CALLBACK.exec(view.callback_id)![1] as SubmissionKind;
    const user = body.user.id;
    const conversationId = readMetadata(view.private_metadata)?.conversationId ?? personalConversation(teamOf(body), user);
    let result;
    try {
      result = await deps.app.bot.submitForm(who(conversationId, user), flowId, formValues(flowId, view.state.values));
    } catch (error) {
      deps.log.error({ err: describeError(error), flowId }, 'slack form could not be stored');
      // Shown under the first field, so the modal stays open with everything the user typed.
      await ack({ response_action: 'errors', errors: { [FLOWS[flowId].fields[0]!.id]: 'Sorry, this could not be saved just now. Please press Submit again in a minute.' } });
      return;
    }
    if ('errors' in result) {
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    await ack();
    // A message to the user's id lands in their DM with the app.
    await postReply(deps, client, { channel: user }, result.reply);
  });
}
