import type { Conversations, FieldDef, FlowDef, KnowledgeBase, Who } from '../../core/index.js';
import { type AdaptiveCard, adaptiveCard, type CardElement, heading, plainText, submit, subtle } from './card-elements.js';
import { readUndertakings, undertakingChoices } from './undertaking-choices.js';

export interface FormState {
  /** What the user typed last time, kept when the card comes back with errors. */
  values?: Record<string, string | undefined>;
  /** Messages by field id, shown under each field. */
  errors?: Record<string, string>;
}

/** How the card's buttons reach the bot: Action.Submit in a personal chat; in a shared conversation, see private-form.ts. */
export interface FormActions {
  actions: CardElement[];
  /** Keeps the card the requester's own view: only they are shown the form. */
  refresh?: Record<string, unknown>;
}

const PICKER_HELP = 'Type to filter; choose those of the compact you chose above, or "Not sure".';

/** Client-side hints only; the core validates every answer again. */
const PATTERNS: Partial<Record<FieldDef['type'], string>> = {
  email: '^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$',
  phone: '^\\s*(\\+44|0)[0-9 ()-]{9,16}\\s*$',
  'registration-number': '^\\s*([0-9]{6,7}(-[0-9]{1,2})?|[0-9]{8}|[A-Za-z]{2}[0-9]{6})\\s*$',
};

const STYLES: Partial<Record<FieldDef['type'], string>> = { email: 'Email', phone: 'Tel' };

function choices(field: FieldDef, kb: KnowledgeBase): { title: string; value: string }[] {
  switch (field.type) {
    case 'compact':
      return kb.compacts.map((c) => ({ title: c.meta.name, value: c.meta.id }));
    case 'choice':
      return (field.choices ?? []).map((c) => ({ title: c.label, value: c.value }));
    default:
      return [
        { title: 'Yes', value: 'yes' },
        { title: 'No', value: 'no' },
      ];
  }
}

function input(field: FieldDef, kb: KnowledgeBase, value: string | undefined, today: string): CardElement {
  const common = {
    id: field.id,
    label: field.label,
    isRequired: !field.optional,
    errorMessage: PATTERNS[field.type] ? field.help : `${field.label} is needed.`,
  };
  switch (field.type) {
    case 'compact':
    case 'choice':
    case 'yes-no':
    case 'agree': {
      const options = choices(field, kb);
      const known = options.some((o) => o.value === value);
      return {
        type: 'Input.ChoiceSet',
        ...common,
        choices: options,
        style: field.type === 'compact' ? 'compact' : 'expanded',
        ...(known ? { value } : {}),
      };
    }
    case 'undertakings': {
      const options = undertakingChoices(kb);
      const known = value?.split(',').every((v) => options.some((o) => o.value === v));
      return { type: 'Input.ChoiceSet', ...common, choices: options, isMultiSelect: true, style: 'filtered', ...(known ? { value } : {}) };
    }
    case 'date':
      return { type: 'Input.Date', ...common, max: today, ...(value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { value } : {}) };
    default:
      return {
        type: 'Input.Text',
        ...common,
        ...(field.type === 'longtext' ? { isMultiline: true } : {}),
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
        ...(PATTERNS[field.type] ? { regex: PATTERNS[field.type] } : {}),
        ...(STYLES[field.type] ? { style: STYLES[field.type] } : {}),
        ...(value !== undefined ? { value } : {}),
      };
  }
}

/** A whole guided flow as one card form, generated from its definition; errors sit under the fields they belong to. */
export function formCard(flow: FlowDef, kb: KnowledgeBase, state: FormState = {}, now = new Date(), buttons?: FormActions): AdaptiveCard {
  const today = now.toISOString().slice(0, 10);
  const errors = state.errors ?? {};
  const wrong = flow.fields.filter((f) => errors[f.id]).length;
  const body: CardElement[] = [
    heading(flow.title),
    ...plainText('Fill in the form and press Submit. Nothing is stored until you do; Cancel leaves it.'),
  ];
  if (wrong > 0) {
    body.push(
      ...plainText(`Please correct the ${wrong === 1 ? 'answer' : `${wrong} answers`} marked below; everything else you typed is kept.`, {
        color: 'Attention',
        weight: 'Bolder',
      }),
    );
  }
  for (const field of flow.fields) {
    body.push(input(field, kb, state.values?.[field.id], today));
    body.push(subtle(field.type === 'undertakings' ? PICKER_HELP : field.help));
    const error = errors[field.id];
    if (error) body.push(...plainText(error, { color: 'Attention' }));
  }
  const fallback =
    `${flow.title}: this form needs a client that shows Adaptive Cards. ` +
    `Type "${flow.id === 'breach' ? 'report a breach' : 'sign up'}" to fill it in by chat instead.`;
  const card = adaptiveCard(
    body,
    fallback,
    buttons?.actions ?? [
      submit('Submit', { compactBot: 'form', flowId: flow.id }, 'positive'),
      submit('Cancel', { compactBot: 'cancel', flowId: flow.id }, 'destructive', { associatedInputs: 'none' }),
    ],
  );
  return buttons?.refresh ? { ...card, refresh: buttons.refresh } : card;
}

type Answers = Record<string, string | undefined>;
type Errors = Record<string, string>;
type SubmitResult = ReturnType<Conversations['submitForm']>;

/** What was typed into a card, to show back with errors. */
export function typedValues(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * A submitted card's answers as text by field id for the core, with the undertakings picked translated, and the
 * picks that do not fit the compact chosen. Such a field is sent to the core blank: it is required, so the core
 * stores nothing and still checks every other answer.
 */
function cardFormValues(flow: FlowDef, kb: KnowledgeBase, data: Record<string, unknown>): { values: Answers; errors: Errors } {
  const values = Object.fromEntries(flow.fields.map((f) => [f.id, typeof data[f.id] === 'string' ? (data[f.id] as string) : undefined]));
  const errors: Errors = {};
  for (const f of flow.fields.filter((x) => x.type === 'undertakings' && !x.optional)) {
    const read = readUndertakings(values[f.id], values.compact, kb);
    if ('error' in read) errors[f.id] = read.error;
    values[f.id] = 'error' in read ? '' : read.value;
  }
  return { values, errors };
}

/** Submits a card's answers; the errors are the core's, with the card's own in their fields' place. */
export async function submitCard(
  bot: Conversations,
  who: Who,
  flow: FlowDef,
  kb: KnowledgeBase,
  data: Record<string, unknown>,
): SubmitResult {
  const { values, errors } = cardFormValues(flow, kb, data);
  const result = await bot.submitForm(who, flow.id, values);
  if (Object.keys(errors).length === 0) return result;
  if (!('errors' in result)) throw new Error(`a ${flow.id} form with refused picks was stored`);
  return { errors: { ...result.errors, ...errors } };
}
