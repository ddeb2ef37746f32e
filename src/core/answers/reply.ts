import type { By } from '../knowledge/schema.js';
import type { EntryKind } from '../knowledge/types.js';

/** The platform-neutral reply that every channel renders. Text in `text` blocks is ours; text in `quote` blocks is the compact's. */

export const INTENTS = ['answer', 'define', 'compare', 'list', 'signup', 'breach', 'help', 'thanks', 'use', 'unknown'] as const;
export type Intent = (typeof INTENTS)[number];

export interface Citation {
  compact: string;
  compactName: string;
  sourceTitle: string;
  /** The undertaking number or the item's id, e.g. "4.4". */
  ref: string;
  section?: string;
  by?: By;
  /** Who gives it, in words, e.g. "statutory organisations". */
  byLabel?: string;
  /** Where the source says it is published, when it names an address. */
  sourceUrl?: string;
}

export interface Hit {
  key: string;
  kind: EntryKind;
  compact: string;
  id: string;
  title: string;
  text: string;
  score: number;
  citation: Citation;
}

export type Block =
  | { type: 'text'; text: string }
  | { type: 'heading'; text: string }
  /** The compact's words. `shown`, when set, is the start of the passage shown, cut with an ellipsis; an action opens the rest. */
  | { type: 'quote'; hit: Hit; shown?: string }
  /** The answer first: the verbatim part of the passage that answers (`span`, a substring of `hit.text`), emphasised. */
  | { type: 'answer'; span: string; hit: Hit }
  /** Another compact answering too, in one line: its span, its citation, and an action that opens the passage. */
  | { type: 'also'; span: string; hit: Hit; open: Action }
  /** A comparison: one row per compact, with its span and passage or nothing when it says nothing on this. */
  | { type: 'table'; rows: CompareRow[] }
  | { type: 'fields'; items: { label: string; value: string }[] }
  | { type: 'error'; text: string };

export interface CompareRow {
  compactName: string;
  answer?: { span: string; hit: Hit; open: Action };
}

export interface Action {
  label: string;
  /** What the action sends back as the user's next message. */
  value: string;
  style?: 'primary' | 'danger';
}

interface FlowView {
  flowId: string;
  title: string;
  stage: 'ask' | 'review' | 'done' | 'cancelled';
  /** The field being asked for when stage is "ask". */
  fieldId?: string;
  step?: number;
  steps?: number;
}

export interface Reply {
  intent: Intent;
  blocks: Block[];
  /** Buttons: "did you mean", follow-ups, flow choices. */
  actions: Action[];
  /** The passages the reply rests on, best first. */
  hits: Hit[];
  /** Present when the reply answers a question, so a channel can offer 👍/👎. */
  feedback?: { question: string; keys: string[] };
  flow?: FlowView;
  submission?: { ref: string; kind: 'breach' | 'signup' };
}
