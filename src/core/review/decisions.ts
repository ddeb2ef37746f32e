import { NONE_LABEL } from '../answers/features.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { RecordStore } from '../storage/record-store.js';
import type { ReviewDecision, ReviewQuestion, ReviewStore } from '../storage/review-store.js';

/** What a maintainer decides about a question: an example of an item (`compact id`), out of scope, or dismiss. */
export type Verdict = { kind: 'example'; item: string } | { kind: 'out-of-scope' } | { kind: 'dismissed' };

export interface DecisionDeps {
  kb: KnowledgeBase;
  review: ReviewStore;
  store: Pick<RecordStore, 'audit'>;
  clock?: () => Date;
}

export type Decided = { ok: true; question: ReviewQuestion } | { ok: false; error: string };

/** The item key for "hertfordshire 4.4" (as `knowledge show` takes it), or for the key itself. */
function itemKey(kb: KnowledgeBase, item: string): string | undefined {
  const text = item.trim();
  if (kb.entries.some((e) => e.key === text)) return text;
  const [compact, ...id] = text.split(/\s+/);
  const entry = kb.entries.find((e) => e.compact === compact?.toLowerCase() && e.id.toLowerCase() === id.join(' ').toLowerCase());
  return entry?.key;
}

/** Decides a pending question and writes who, when and what to the audit log. Used by the CLI, Slack and Teams. */
export async function decideQuestion(deps: DecisionDeps, id: string, verdict: Verdict, actor: string): Promise<Decided> {
  let label: string | undefined;
  if (verdict.kind === 'example') {
    label = itemKey(deps.kb, verdict.item);
    if (!label)
      return {
        ok: false,
        error: `No item "${verdict.item}": name it as <compact> <item id>, e.g. "hertfordshire 4.4" (see \`compact-bot knowledge show\`).`,
      };
  } else if (verdict.kind === 'out-of-scope') {
    label = NONE_LABEL;
  }
  const at = (deps.clock ?? (() => new Date()))();
  const decision: ReviewDecision = { status: verdict.kind, by: actor, at, ...(label ? { label } : {}) };
  const question = await deps.review.decide(id, decision);
  if (!question) {
    const existing = await deps.review.getQuestion(id);
    return {
      ok: false,
      error: existing
        ? `Question ${id} was already decided (${existing.status}${existing.decidedBy ? ` by ${existing.decidedBy}` : ''}).`
        : `No question ${id} in review.`,
    };
  }
  await deps.store.audit({ actor, action: `review.${verdict.kind}`, target: label ? `${id} → ${label}` : id, at });
  return { ok: true, question };
}
