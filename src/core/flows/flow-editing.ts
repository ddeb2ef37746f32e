import type { KnowledgeBase } from '../knowledge/types.js';
import { normalize } from '../search/text.js';
import type { FieldDef, FlowDef, FlowState } from './types.js';
import { undertakingsFit } from './undertakings.js';

export function advance(kb: KnowledgeBase, flow: FlowDef, state: FlowState, field: FieldDef, value: unknown): FlowState {
  const values = { ...state.values, [field.id]: value };
  if (value === undefined) delete values[field.id];
  const pending = (state.pending ?? []).filter((id) => id !== field.id);
  if (state.editing && JSON.stringify(value) !== JSON.stringify(state.values[field.id])) {
    for (const f of flow.fields.filter((d) => d.dependsOn?.includes(field.id) && values[d.id] !== undefined)) {
      if (fits(kb, f, values[f.id], values)) continue;
      delete values[f.id];
      if (!pending.includes(f.id)) pending.push(f.id);
    }
  }
  const next: FlowState = { flowId: state.flowId, values, at: state.at };
  if (pending.length > 0) Object.assign(next, { pending, editing: true, at: flow.fields.findIndex((f) => f.id === pending[0]) });
  else next.at = state.editing ? -1 : nextField(flow, next, state.at);
  return next;
}

/** Whether an answer still holds after an answer it depends on changed. Agreement is always asked again. */
function fits(kb: KnowledgeBase, field: FieldDef, value: unknown, values: Record<string, unknown>): boolean {
  if (field.type === 'undertakings') return undertakingsFit(value, kb, values.compact as string | undefined);
  return field.type !== 'agree';
}

/** The field after `from`; the compact question is skipped when the compact came from the conversation. */
export function nextField(flow: FlowDef, state: FlowState, from: number): number {
  const i = from === -1 && state.values.compact !== undefined ? 1 : from + 1;
  return i < flow.fields.length ? i : -1;
}

export function findField(flow: FlowDef, name: string): number {
  const n = normalize(name);
  const byNumber = /^\d+$/.test(n) ? Number(n) - 1 : -1;
  if (byNumber >= 0 && byNumber < flow.fields.length) return byNumber;
  return flow.fields.findIndex(
    (f) => normalize(f.id) === n || normalize(f.label) === n || normalize(f.label).includes(n) || n.includes(normalize(f.id)),
  );
}
