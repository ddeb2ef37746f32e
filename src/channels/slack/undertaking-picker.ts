import type { types } from '@slack/bolt';
import type { KnowledgeBase } from '../../core/index.js';
import { truncate } from './mrkdwn.js';

const NOT_SURE = 'not-sure';

const plain = (text: string, max = 150): types.PlainTextElement => ({ type: 'plain_text', text: truncate(text, max) });
const option = (text: string, value: string): types.PlainTextOption => ({ text: plain(text, 75), value });

/** The undertakings field of a modal: what to pick from and what to say about it. */
export interface Picker {
  element: types.InputBlockElement;
  hint: string;
}

/**
 * The chosen compact's undertakings as a multi-select, grouped by the section of the compact they sit in (every
 * compact has fewer than Slack's 100 options), with "Not sure". Before a compact is chosen the user is asked to
 * choose one; a compact without numbered undertakings says so and offers "Not sure" only.
 */
export function undertakingPicker(kb: KnowledgeBase, compactId: string | undefined, actionId: string): Picker {
  const compact = kb.compacts.find((c) => c.meta.id === compactId);
  const notSure = option('Not sure', NOT_SURE);
  if (!compact) {
    return {
      element: { type: 'multi_static_select', action_id: actionId, options: [notSure], placeholder: plain('Choose the compact first') },
      hint: 'Choose the compact above and its undertakings are listed here; or choose "Not sure".',
    };
  }
  const items = compact.entries.filter((e) => e.kind === 'undertaking');
  if (items.length === 0) {
    return {
      element: { type: 'multi_static_select', action_id: actionId, options: [notSure], initial_options: [notSure] },
      hint: `The ${compact.meta.name} has no numbered undertakings: keep "Not sure" and describe what was not kept under "What happened".`,
    };
  }
  const sections = new Map<string, types.PlainTextOption[]>();
  for (const e of items) {
    const label = e.section ?? 'Undertakings';
    sections.set(label, [...(sections.get(label) ?? []), option(`${e.id} ${e.title}`, e.id)]);
  }
  const option_groups = [...sections].map(([label, options]) => ({ label: plain(label, 75), options }));
  option_groups.push({ label: plain('Not sure', 75), options: [notSure] });
  return {
    element: { type: 'multi_static_select', action_id: actionId, option_groups, placeholder: plain('Choose one or more') },
    hint: `The undertakings of the ${compact.meta.name}, by section. Choose those not kept, or "Not sure".`,
  };
}

/** The picked undertakings as the core reads them: ids separated by commas; "Not sure" only when nothing else is picked. */
export function pickedUndertakings(values: string[]): string | undefined {
  const ids = values.filter((v) => v !== NOT_SURE);
  if (ids.length > 0) return ids.join(', ');
  return values.length > 0 ? 'not sure' : undefined;
}
