import type { types } from '@slack/bolt';
import { z } from 'zod';
import { type FieldDef, FLOWS, type KnowledgeBase, type SubmissionKind } from '../../core/index.js';
import { context } from './block-kit.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';
import { pickedUndertakings, undertakingPicker } from './undertaking-picker.js';

/** Modal callback ids: `form:breach`, `form:signup`. */
export const FORM_CALLBACK = /^form:(breach|signup)$/;
const ACTION_ID = 'value';

// Slack caps modal titles at 24 characters; the flows' own titles are longer.
const MODAL_TITLES: Record<SubmissionKind, string> = { breach: 'Report a breach', signup: 'Sign up to a compact' };

const plain = (text: string, max = 2000): types.PlainTextElement => ({ type: 'plain_text', text: truncate(text, max) });
const option = (text: string, value: string): types.PlainTextOption => ({ text: plain(text, 75), value });

const metadata = z.object({ conversationId: z.string().min(1) });

/** The compact select dispatches its choice at once, so the undertakings offered follow it. */
export const COMPACT_CHOSEN = 'compact_chosen';
export type FormMetadata = z.infer<typeof metadata>;

export function readMetadata(raw: string): FormMetadata | undefined {
  try {
    const m = metadata.safeParse(JSON.parse(raw));
    return m.success ? m.data : undefined;
  } catch {
    return undefined;
  }
}

function element(field: FieldDef, kb: KnowledgeBase, compact?: string): types.InputBlockElement {
  const placeholder = field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {};
  switch (field.type) {
    case 'compact': {
      const options = kb.compacts.map((c) => option(c.meta.name, c.meta.id));
      const initial = options.find((o) => o.value === compact);
      const preselected = initial ? { initial_option: initial } : {};
      return { type: 'static_select', action_id: COMPACT_CHOSEN, options, ...preselected, placeholder: plain('Choose a compact', 150) };
    }
    case 'choice':
      return {
        type: 'static_select',
        action_id: ACTION_ID,
        options: (field.choices ?? []).map((c) => option(c.label, c.value)),
        placeholder: plain('Choose one', 150),
      };
    case 'yes-no':
    case 'agree':
      return { type: 'radio_buttons', action_id: ACTION_ID, options: [option('Yes', 'yes'), option('No', 'no')] };
    case 'date':
      return { type: 'datepicker', action_id: ACTION_ID, placeholder: plain('Choose a date', 150) };
    default:
      return {
        type: 'plain_text_input',
        action_id: ACTION_ID,
        multiline: field.type === 'longtext',
        ...(field.maxLength ? { max_length: field.maxLength } : {}),
        ...placeholder,
      };
  }
}

/** The flow as a modal: one input block per field, its block_id the field id, so errors come back by field. */
export function formModal(flowId: SubmissionKind, kb: KnowledgeBase, meta: FormMetadata, compact?: string): types.ModalView {
  const flow = FLOWS[flowId];
  const inputs: types.InputBlock[] = flow.fields.map((field) => {
    // A picker per compact (its own action id), so Slack does not carry picks from one compact's list to another's.
    const picker = field.type === 'undertakings' ? undertakingPicker(kb, compact, `${ACTION_ID}:${compact ?? 'none'}`) : undefined;
    return {
      type: 'input',
      block_id: field.id,
      label: plain(field.label),
      hint: plain(picker?.hint ?? field.help),
      optional: field.optional === true,
      ...(field.type === 'compact' ? { dispatch_action: true } : {}),
      element: picker?.element ?? element(field, kb, compact),
    };
  });
  return {
    type: 'modal',
    callback_id: `form:${flowId}`,
    title: plain(MODAL_TITLES[flowId], 24),
    submit: plain('Submit', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify(meta),
    blocks: [context(`*${escapeMrkdwn(flow.title)}.* Nothing is stored until you submit.`), ...inputs],
  };
}

type Picked = { value: string };
interface StateValue {
  value?: string | null;
  selected_option?: Picked | null;
  selected_options?: Picked[] | null;
  selected_date?: string | null;
}

/** The submitted answers by field id, as text for the core to validate. Each input block holds one element, whatever its action id. */
export function formValues(flowId: SubmissionKind, state: Record<string, Record<string, StateValue>>): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const field of FLOWS[flowId].fields) {
    const v = Object.values(state[field.id] ?? {})[0];
    const picked = v?.selected_options ? pickedUndertakings(v.selected_options.map((o) => o.value)) : undefined;
    values[field.id] = v?.value ?? v?.selected_option?.value ?? picked ?? v?.selected_date ?? undefined;
  }
  return values;
}

/** The compact chosen so far in a modal's state, if any. */
export function chosenCompact(state: Record<string, Record<string, StateValue>>): string | undefined {
  return state.compact?.[COMPACT_CHOSEN]?.selected_option?.value ?? undefined;
}
