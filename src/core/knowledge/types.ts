import type { By, CompactMeta, IntentName, PeriodData, RouteData, SourceDoc, TermData } from './schema.js';

export type EntryKind = 'undertaking' | 'principle' | 'term' | 'route' | 'fact';

/** One citable item of a compact, flattened from the knowledge files. */
export interface Entry {
  /** Unique across the knowledge base: `compact:kind:id`. */
  key: string;
  kind: EntryKind;
  compact: string;
  id: string;
  /** Our label for the item; never shown as the compact's words. */
  title: string;
  /** The compact's own words, verbatim. */
  text: string;
  source: SourceDoc;
  section?: string;
  heading?: string;
  by?: By;
  /** For principles: aim, outcome, challenge, principle, purpose or vision. */
  group?: string;
  keywords: string[];
  /** Example questions this item answers: our wording, for the answer model; never shown as the compact's. */
  asked: string[];
  term?: TermData;
  route?: RouteData;
  /** A period the text sets, checked at load against the text. */
  period?: PeriodData;
}

export interface Compact {
  meta: CompactMeta;
  /** Source id → the full source text. */
  texts: Map<string, string>;
  entries: Entry[];
}

export interface KnowledgeBase {
  compacts: Compact[];
  entries: Entry[];
  synonyms: string[][];
  /** Example messages per conversational intent (knowledge/intents.yml). */
  intents: { intent: IntentName; asked: string[] }[];
  /** Questions outside the compacts that share their words (knowledge/out-of-scope.yml). */
  outOfScope: { subject: string; asked: string[] }[];
  /** The trained answer model (model.json), as read; the answer engine validates it. */
  model?: unknown;
}
