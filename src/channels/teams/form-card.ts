import type { FieldDef, FlowDef } from '../../core/flows/types.js';
import type { KnowledgeBase } from '../../core/knowledge/types.js';
import { adaptiveCard, heading, plainText, submit, subtle, type AdaptiveCard, type CardElement } from './card-elements.js';

export interface FormState {
  /** What the user typed last time, kept when the card comes back with errors. */
  values?: Record<string, string | undefined>;
  /** Messages by field id, shown under each field. */
  errors?: Record<string, string>;
}

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
      return { type: 'Input.ChoiceSet', ...common, choices: options, style: field.type === 'compact' ? 'compact' : 'expanded', ...(known ? { value } : {}) };
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
export function formCard(flow: FlowDef, kb: KnowledgeBase, state: FormState = {}, now = new Date()): AdaptiveCard {
  const today = now.toISOString().slice(0, 10);
  const errors = state.errors ?? {};
  const wrong = flow.fields.filter((f) => errors[f.id]).length;
  const body: CardElement[] = [heading(flow.title), ...plainText('Fill in the form and press Submit. Nothing is stored until you do; Cancel leaves it.')];
  if (wrong > 0) {
    body.push(...plainText(`Please correct the ${wrong === 1 ? 'answer' : `${wrong} answers`} marked below; everything else you typed is kept.`, { color: 'Attention', weight: 'Bolder' }));
  }
  for (const field of flow.fields) {
    body.push(input(field, kb, state.values?.[field.id], today));
    body.push(subtle(field.help));
    const error = errors[field.id];
    if (error) body.push(...plainText(error, { color: 'Attention' }));
  }
  const fallback = `${flow.title}: this form needs a client that shows Adaptive Cards. Type "${flow.id === 'breach' ? 'report a breach' : 'sign up'}" to fill it in by chat instead.`;
  return adaptiveCard(body, fallback, [
    submit('Submit', { compactBot: 'form', flowId: flow.id }, 'positive'),
    submit('Cancel', { compactBot: 'cancel', flowId: flow.id }, 'destructive', { associatedInputs: 'none' }),
  ]);
}
