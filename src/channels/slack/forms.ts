import { createHash } from 'node:crypto';
import type { App as BoltApp, RespondFn } from '@slack/bolt';
import { FLOWS, type SubmissionKind } from '../../core/index.js';
import { ACTION, section } from './block-kit.js';
import { type SlackClient, type SlackDeps, teamOf } from './deps.js';
import { describeError } from './describe-error.js';
import { COMPACT_CHOSEN, chosenCompact, FORM_CALLBACK, formModal, formValues, readMetadata } from './modals.js';
import { personalConversation, who } from './places.js';
import { postReply, safely, sendPrivately } from './post.js';

/** Global shortcuts (declared in the manifest) and the flows they open. */
const SHORTCUTS: Record<string, SubmissionKind> = { report_breach: 'breach', signup: 'signup' };

const isFlow = (v: unknown): v is SubmissionKind => v === 'breach' || v === 'signup';

/** An "open form" button's value: the flow, and the compact already named if any (`breach:halton`). */
export function formButtonValue(flowId: SubmissionKind, compact?: string): string {
  return compact ? `${flowId}:${compact}` : flowId;
}

function readFormButton(value: string | undefined): { flowId: SubmissionKind; compact?: string } | undefined {
  const [flowId, compact] = (value ?? '').split(':');
  return isFlow(flowId) ? { flowId, compact: compact || undefined } : undefined;
}

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
    const breach = r.flowId === 'breach';
    const text =
      `Sorry, Slack would not open the ${breach ? 'report' : 'sign-up'} form just now. ` +
      `Please try again, or send me a direct message saying "${breach ? 'report a breach' : 'sign up'}".`;
    await sendPrivately(deps, r.client, r.respond, { channel: r.channel, user: r.user }, { blocks: section(text), text });
  }
}

/**
 * A form submission is accepted once: the same view, at the same version, with the same answers, delivered
 * twice (a retry, a double press) files one report. Answers refused by validation give the claim back.
 */
function submissionKey(viewId: string, hash: string, values: Record<string, string | undefined>): string {
  const digest = createHash('sha256').update(JSON.stringify(values)).digest('base64url');
  return `slack-view:${viewId}:${hash}:${digest}`;
}

/** When the store cannot be reached the submission goes ahead, and the core tells the user nothing was saved. */
async function claim(deps: SlackDeps, key: string): Promise<boolean> {
  return deps.app.store.claimEvent(key, new Date()).catch((error: unknown) => {
    deps.log.warn({ err: describeError(error) }, 'slack form submission could not be claimed; handling it anyway');
    return true;
  });
}

async function release(deps: SlackDeps, key: string): Promise<void> {
  await deps.app.store.releaseEvent(key).catch((error: unknown) => {
    deps.log.warn({ err: describeError(error) }, 'slack form claim could not be released');
  });
}

export function registerForms(bolt: BoltApp, deps: SlackDeps): void {
  for (const [callbackId, flowId] of Object.entries(SHORTCUTS)) {
    bolt.shortcut(callbackId, async ({ ack, shortcut, client }) => {
      await ack();
      const team = teamOf(shortcut);
      await openForm(deps, {
        client,
        triggerId: shortcut.trigger_id,
        conversationId: personalConversation(team, shortcut.user.id),
        flowId,
        user: shortcut.user.id,
      });
    });
  }

  bolt.action(ACTION.openForm, async ({ ack, body, action, client, respond }) => {
    await ack();
    const pressed = body.type === 'block_actions' && action.type === 'button' ? readFormButton(action.value) : undefined;
    if (!pressed || body.type !== 'block_actions') return;
    const team = teamOf(body);
    const conversationId = personalConversation(team, body.user.id);
    const user = body.user.id;
    await openForm(deps, { client, triggerId: body.trigger_id, conversationId, ...pressed, respond, user, channel: body.channel?.id });
  });

  // Choosing the compact redraws the form with that compact's undertakings; Slack keeps what was typed elsewhere.
  bolt.action(COMPACT_CHOSEN, async ({ ack, body, client }) => {
    await ack();
    if (body.type !== 'block_actions' || !body.view) return;
    const view = body.view;
    const flow = FORM_CALLBACK.exec(view.callback_id)?.[1] as SubmissionKind | undefined;
    const meta = readMetadata(view.private_metadata);
    if (!flow || !meta) return;
    const compact = chosenCompact(view.state.values as Parameters<typeof chosenCompact>[0]);
    const updated = formModal(flow, deps.app.kb, meta, compact);
    await safely(deps, 'update form', () => client.views.update({ view_id: view.id, hash: view.hash, view: updated }));
  });

  bolt.view(FORM_CALLBACK, async ({ ack, body, view, client }) => {
    const flowId = FORM_CALLBACK.exec(view.callback_id)![1] as SubmissionKind;
    const user = body.user.id;
    const conversationId = readMetadata(view.private_metadata)?.conversationId ?? personalConversation(teamOf(body), user);
    const values = formValues(flowId, view.state.values);
    const key = submissionKey(view.id, view.hash, values);
    if (!(await claim(deps, key))) {
      deps.log.info({ flowId, viewId: view.id }, 'slack form submission already handled');
      await ack();
      return;
    }
    let result: Awaited<ReturnType<typeof deps.app.bot.submitForm>>;
    try {
      result = await deps.app.bot.submitForm(who(conversationId, user), flowId, values);
    } catch (error) {
      deps.log.error({ err: describeError(error), flowId }, 'slack form could not be stored');
      await release(deps, key);
      // Shown under the first field, so the modal stays open with everything the user typed.
      await ack({
        response_action: 'errors',
        errors: { [FLOWS[flowId].fields[0]!.id]: 'Sorry, this could not be saved just now. Please press Submit again in a minute.' },
      });
      return;
    }
    if ('errors' in result) {
      await release(deps, key);
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    await ack();
    // A message to the user's id lands in their DM with the app.
    await postReply(deps, client, { channel: user }, result.reply);
  });
}
