import { describe, expect, it } from 'vitest';
import { formModal, formValues, readMetadata } from '../../../src/channels/slack/modals.js';
import { PACKAGE_ROOT } from '../../../src/config.js';
import { FLOWS } from '../../../src/core/flows/runner.js';
import { loadKnowledge } from '../../../src/core/knowledge/load.js';
import type { KnowledgeBase } from '../../../src/core/knowledge/types.js';

const KNOWLEDGE_DIR = `${PACKAGE_ROOT}knowledge`;

const kb = {
  compacts: [{ meta: { id: 'dacorum', name: 'Dacorum Compact' } }, { meta: { id: 'halton', name: 'Halton Local Compact' } }],
  entries: [],
  synonyms: [],
} as unknown as KnowledgeBase;

describe('forms as Slack modals', () => {
  for (const flowId of ['breach', 'signup'] as const) {
    it(`builds the ${flowId} modal from the flow definition`, () => {
      const view = formModal(flowId, kb, { conversationId: 'slack:T1:user:U1' });
      expect(view.callback_id).toBe(`form:${flowId}`);
      expect(view.title.text.length).toBeLessThanOrEqual(24);
      expect(readMetadata(view.private_metadata!)).toEqual({ conversationId: 'slack:T1:user:U1' });
      const inputs = view.blocks.filter((b) => b.type === 'input') as any[];
      expect(inputs).toHaveLength(FLOWS[flowId].fields.length);
      for (const [i, field] of FLOWS[flowId].fields.entries()) {
        const input = inputs[i];
        expect(input.block_id).toBe(field.id);
        expect(input.label.text).toBe(field.label);
        if (field.type !== 'undertakings') expect(input.hint.text).toBe(field.help);
        expect(input.optional).toBe(field.optional === true);
        const el = input.element;
        expect(el.action_id).toBe(field.type === 'compact' ? 'compact_chosen' : field.type === 'undertakings' ? 'value:none' : 'value');
        switch (field.type) {
          case 'undertakings':
            expect(el.type).toBe('multi_static_select');
            expect(input.hint.text).toMatch(/Choose the compact above/);
            continue;
          case 'compact':
            expect(input.dispatch_action).toBe(true);
            expect(el.type).toBe('static_select');
            expect(el.options.map((o: any) => [o.value, o.text.text])).toEqual([
              ['dacorum', 'Dacorum Compact'],
              ['halton', 'Halton Local Compact'],
            ]);
            break;
          case 'choice':
            expect(el.type).toBe('static_select');
            expect(el.options.map((o: any) => o.value)).toEqual(field.choices!.map((c) => c.value));
            break;
          case 'yes-no':
          case 'agree':
            expect(el.type).toBe('radio_buttons');
            expect(el.options.map((o: any) => o.value)).toEqual(['yes', 'no']);
            break;
          case 'date':
            expect(el.type).toBe('datepicker');
            break;
          default:
            expect(el.type).toBe('plain_text_input');
            expect(el.multiline).toBe(field.type === 'longtext');
            expect(el.max_length).toBe(field.maxLength);
            expect(el.placeholder?.text).toBe(field.placeholder);
        }
      }
    });
  }

  it('preselects a compact named when the form was asked for', () => {
    const view = formModal('signup', kb, { conversationId: 'c' }, 'halton');
    const compact = view.blocks.find((b) => b.type === 'input' && b.block_id === 'compact') as any;
    expect(compact.element.initial_option.value).toBe('halton');
  });

  it('reads submitted values by field, whatever the element', () => {
    const values = formValues('signup', {
      compact: { value: { selected_option: { value: 'halton' } } },
      organisation: { value: { value: 'Friends' } },
      phone: { value: { value: null } },
      agree: { value: { selected_option: { value: 'yes' } } },
    });
    expect(values).toMatchObject({ compact: 'halton', organisation: 'Friends', phone: undefined, agree: 'yes', email: undefined });
    expect(formValues('breach', { when: { value: { selected_date: '2025-01-15' } } }).when).toBe('2025-01-15');
  });

  it('lists the chosen compact’s undertakings by section, with "Not sure", and reads what was picked', () => {
    const real = loadKnowledge(KNOWLEDGE_DIR);
    const picker = (compact: string) =>
      (formModal('breach', real, { conversationId: 'c' }, compact).blocks as any[]).find((b) => b.block_id === 'undertakings');
    const hertfordshire = picker('hertfordshire');
    expect(hertfordshire.element.type).toBe('multi_static_select');
    const groups = hertfordshire.element.option_groups as any[];
    expect(groups.map((g) => g.label.text)).toContain('4. Clear arrangements for managing changes to programmes and services');
    const ids = groups.flatMap((g) => g.options.map((o: any) => o.value));
    expect(ids).toContain('4.4');
    expect(ids).toContain('not-sure');
    const herts = real.entries.filter((e) => e.compact === 'hertfordshire' && e.kind === 'undertaking');
    expect(ids.filter((id) => id !== 'not-sure').sort()).toEqual(herts.map((e) => e.id).sort());
    const dacorum = picker('dacorum').element.option_groups.flatMap((g: any) => g.options.map((o: any) => o.value));
    expect(dacorum).toContain('statutory-funding-3');
    expect(picker('dacorum').element.action_id).toBe('value:dacorum');

    const hereford = picker('herefordshire');
    expect(hereford.hint.text).toMatch(/has no numbered undertakings/);
    expect(hereford.element.options.map((o: any) => o.value)).toEqual(['not-sure']);
    expect(hereford.element.initial_options.map((o: any) => o.value)).toEqual(['not-sure']);

    const picked = (values: string[]) => {
      const element = { type: 'multi_static_select', selected_options: values.map((value) => ({ value })) };
      return formValues('breach', { undertakings: { 'value:dacorum': element } } as any).undertakings;
    };
    expect(picked(['statutory-funding-3', 'statutory-independence-1'])).toBe('statutory-funding-3, statutory-independence-1');
    expect(picked(['not-sure'])).toBe('not sure');
    expect(picked(['not-sure', '4.4'])).toBe('4.4');
    expect(picked([])).toBeUndefined();
  });

  it('ignores private metadata it did not write', () => {
    expect(readMetadata('')).toBeUndefined();
    expect(readMetadata('{"conversationId":""}')).toBeUndefined();
    expect(readMetadata('[1]')).toBeUndefined();
  });
});
