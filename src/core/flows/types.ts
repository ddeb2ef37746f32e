import type { SubmissionKind } from '../storage/store.js';

type FieldType =
  | 'compact'
  | 'text'
  | 'longtext'
  | 'email'
  | 'phone'
  | 'registration-number'
  | 'choice'
  | 'yes-no'
  | 'agree'
  | 'date'
  | 'undertakings';

interface Choice {
  value: string;
  label: string;
}

/** One question of a guided flow. Channels render it as a prompt, a modal input or a card input. */
export interface FieldDef {
  id: string;
  /** Short label for forms and the review screen. */
  label: string;
  /** The question as asked in a conversation. */
  prompt: string;
  /** Said when the user types "help" at this step. */
  help: string;
  type: FieldType;
  optional?: boolean;
  maxLength?: number;
  choices?: Choice[];
  /** Example shown as a form placeholder. */
  placeholder?: string;
  /** What to show with the prompt, drawn from the chosen compact. */
  show?: 'sector-undertakings';
  /** Fields whose answers this one depends on: when one of them is changed, this answer is checked again. */
  dependsOn?: string[];
}

export interface FlowDef {
  id: SubmissionKind;
  title: string;
  intro: string;
  fields: FieldDef[];
  /** The compact's route shown at review, before submitting. */
  routeAtReview?: 'signup' | 'dispute';
  /** Our words before the compact's own "what happens next". */
  confirmation: string;
}

/** A flow in progress, kept in the conversation state. */
export interface FlowState {
  flowId: SubmissionKind;
  values: Record<string, unknown>;
  /** Index of the field being asked, or -1 at review. */
  at: number;
  /** Set while a field is being changed from the review screen. */
  editing?: boolean;
  /** Fields to ask again because an answer they depend on was changed. */
  pending?: string[];
  /** When the flow last moved (ISO time), to greet someone coming back to it. */
  touchedAt?: string;
  /** Set after greeting someone coming back, until they say go on or discard. */
  resuming?: boolean;
  /** A message that looked like a command, held until the user says whether it was an answer. */
  held?: string;
}
