import type { FlowDef, KnowledgeBase, SubmissionKind } from '../../core/index.js';
import { type AdaptiveCard, adaptiveCard, type CardElement, heading, plainText } from './card-elements.js';
import { type FormState, formCard } from './form-card.js';

/** Action.Execute verbs of a form in a shared conversation. */
export const VERB = { show: 'compactBot.form', submit: 'compactBot.submit', cancel: 'compactBot.cancel' } as const;

/** Who a form in a shared conversation belongs to: the Teams user id (`29:…`) that Teams puts in `from.id`. */
export interface Owner {
  id: string;
  name: string;
}

export interface ExecuteData {
  flowId: SubmissionKind;
  owner: Owner;
}

const what = (flowId: SubmissionKind) => (flowId === 'breach' ? 'breach report' : 'sign-up');
const trigger = (flowId: SubmissionKind) => (flowId === 'breach' ? 'report a breach' : 'sign up');

/** Shows the form to its owner only: Teams asks for the owner's own view of the card, and everyone else sees the notice. */
function refreshFor(data: ExecuteData): Record<string, unknown> {
  return { action: { type: 'Action.Execute', verb: VERB.show, title: 'Open the form', data }, userIds: [data.owner.id] };
}

/**
 * What everyone in the channel sees: who is filling in a form and how to start one of their own. The form
 * itself, and anything typed into it, only ever reaches its owner (the refresh above and the invoke responses).
 */
export function sharedFormNotice(flow: FlowDef, data: ExecuteData, ended?: 'sent' | 'cancelled'): AdaptiveCard {
  const line =
    ended === 'sent'
      ? `${data.owner.name} has sent a ${what(flow.id)}.`
      : ended === 'cancelled'
        ? `${data.owner.name} cancelled a ${what(flow.id)}.`
        : `${data.owner.name} is filling in a ${what(flow.id)}. Only they can see and send this form.`;
  const yours = `To start one of your own, mention me with "${trigger(flow.id)}".`;
  const card = adaptiveCard([heading(flow.title), ...plainText(`${line}\n${yours}`)], `${line} ${yours}`);
  return ended ? card : { ...card, refresh: refreshFor(data) };
}

/** The owner's view: the form, whose buttons are Action.Execute so that errors and answers come back to them alone. */
export function ownerForm(flow: FlowDef, kb: KnowledgeBase, data: ExecuteData, state: FormState = {}): AdaptiveCard {
  const actions: CardElement[] = [
    { type: 'Action.Execute', verb: VERB.submit, title: 'Submit', style: 'positive', data },
    { type: 'Action.Execute', verb: VERB.cancel, title: 'Cancel', style: 'destructive', associatedInputs: 'none', data },
  ];
  return formCard(flow, kb, state, new Date(), { actions, refresh: refreshFor(data) });
}

/** Said to anyone else who gets hold of the form's buttons. */
export function notYours(flow: FlowDef, owner: Owner): AdaptiveCard {
  const yours = `To start one of your own, mention me with "${trigger(flow.id)}".`;
  const text = `This ${what(flow.id)} is ${owner.name}'s: only they can change or send it. ${yours}`;
  return adaptiveCard(plainText(text, { color: 'Attention' }), text);
}
