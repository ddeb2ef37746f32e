import { reply, routeBlocks } from '../answers/compose.js';
import type { Action, Block, Reply } from '../answers/reply.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { displayValue } from './fields.js';
import type { FlowDef, FlowState } from './types.js';
import { undertakingsPrompt } from './undertakings.js';

export function flowView(flow: FlowDef, state: FlowState) {
  const field = flow.fields[state.at];
  return {
    flowId: flow.id,
    title: flow.title,
    stage: field ? ('ask' as const) : ('review' as const),
    fieldId: field?.id,
    step: state.at + 1,
    steps: flow.fields.length,
  };
}

export function promptOrReview(kb: KnowledgeBase, flow: FlowDef, state: FlowState, before: Block[] = []): Reply {
  return state.at === -1 ? review(kb, flow, state, before) : prompt(kb, flow, state, before);
}

export function prompt(kb: KnowledgeBase, flow: FlowDef, state: FlowState, before: Block[] = []): Reply {
  const field = flow.fields[state.at];
  if (!field) return review(kb, flow, state, before);
  const blocks: Block[] = [...before];
  if (field.show === 'sector-undertakings') blocks.push(...sectorUndertakings(kb, state));
  if (field.type === 'undertakings') blocks.push(...undertakingsPrompt(kb, state.values.compact as string | undefined));
  blocks.push({ type: 'text', text: `(${state.at + 1}/${flow.fields.length}) ${field.prompt}` });
  const actions: Action[] = [];
  if (field.type === 'compact') actions.push(...kb.compacts.map((c) => ({ label: c.meta.area, value: c.meta.id })));
  if (field.type === 'choice') actions.push(...(field.choices ?? []).map((c) => ({ label: c.label, value: c.label })));
  if (field.type === 'yes-no' || field.type === 'agree')
    actions.push({ label: 'Yes', value: 'yes', style: 'primary' }, { label: 'No', value: 'no' });
  if (field.type === 'undertakings') actions.push({ label: 'Not sure', value: 'not sure' });
  if (field.optional) actions.push({ label: 'Skip', value: 'skip' });
  actions.push({ label: 'Cancel', value: 'cancel', style: 'danger' });
  return reply(flow.id, blocks, { actions, flow: flowView(flow, state) });
}

export function review(kb: KnowledgeBase, flow: FlowDef, state: FlowState, before: Block[] = []): Reply {
  const blocks: Block[] = [
    ...before,
    { type: 'heading', text: 'Please check your answers' },
    { type: 'fields', items: flow.fields.map((f) => ({ label: f.label, value: displayValue(f, state.values[f.id], kb) })) },
  ];
  let hits: Reply['hits'] = [];
  if (flow.routeAtReview === 'dispute') {
    const c = kb.compacts.filter((x) => x.meta.id === state.values.compact);
    const route = routeBlocks(kb, c, 'dispute');
    blocks.push({ type: 'text', text: 'Before you submit, this is the route the compact sets out for disputes:' }, ...route.blocks);
    hits = route.hits;
  }
  blocks.push({
    type: 'text',
    text: 'Type "submit" to send it, "edit" and a field name (for example "edit email") to change an answer, or "cancel".',
  });
  const actions: Action[] = [
    { label: 'Submit', value: 'submit', style: 'primary' },
    { label: 'Cancel', value: 'cancel', style: 'danger' },
  ];
  return reply(flow.id, blocks, { actions, hits, flow: { flowId: flow.id, title: flow.title, stage: 'review' } });
}

function sectorUndertakings(kb: KnowledgeBase, state: FlowState): Block[] {
  const compact = kb.compacts.find((c) => c.meta.id === state.values.compact);
  if (!compact) return [];
  const sector = state.values.sector === 'statutory' ? 'statutory' : 'vcs';
  const items = compact.entries.filter((e) => e.kind === 'undertaking' && (e.by === sector || e.by === 'joint'));
  if (items.length === 0) return [{ type: 'text', text: `The ${compact.meta.name} sources set out no undertakings for this sector.` }];
  const who = sector === 'statutory' ? 'statutory bodies' : 'voluntary and community organisations';
  return [
    {
      type: 'text',
      text:
        `The undertakings of the ${compact.meta.name} that apply to ${who} (including joint ones), in our short titles; ` +
        'ask for any by number to read it in full:',
    },
    { type: 'fields', items: items.map((e) => ({ label: e.id, value: e.title })) },
  ];
}
