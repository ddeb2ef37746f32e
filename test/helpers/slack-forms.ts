import { FLOWS } from '../../src/core/flows/runner.js';

/** A breach form's answers, by field id, as a user would give them. */
export const VALID_BREACH: Record<string, string> = {
  compact: 'hertfordshire',
  reporterOrg: 'Friends of the Park',
  reporterName: 'Sam Reporter',
  reporterEmail: 'sam@example.org',
  aboutOrg: 'Borough Council <!channel>',
  signatories: 'both',
  undertakings: '4.4',
  what: 'Our grant was ended with two weeks notice and no reasons.',
  when: '2025-01-15',
  tried: 'A letter to the grants team.',
  outcome: 'Three months of funding.',
  consent: 'yes',
};

/** The breach modal's state.values as Slack sends them in a view_submission; undertakings are picked, comma-separated here. */
export function breachState(values: Record<string, string>): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const f of FLOWS.breach.fields) {
    const v = values[f.id];
    const el =
      f.type === 'compact' || f.type === 'choice'
        ? { type: 'static_select', selected_option: v ? { value: v } : null }
        : f.type === 'yes-no'
          ? { type: 'radio_buttons', selected_option: v ? { value: v } : null }
          : f.type === 'date'
            ? { type: 'datepicker', selected_date: v ?? null }
            : f.type === 'undertakings'
              ? {
                  type: 'multi_static_select',
                  selected_options: (v ?? '')
                    .split(/\s*,\s*/)
                    .filter(Boolean)
                    .map((value) => ({ value })),
                }
              : { type: 'plain_text_input', value: v ?? null };
    state[f.id] = { value: el };
  }
  return state;
}
