import type { SubmissionKind } from '../storage/store.js';

export type FieldType =
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

export interface Choice {
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
  refPrefix: string;
}

/** A flow in progress, kept in the conversation state. */
export interface FlowState {
  flowId: SubmissionKind;
  values: Record<string, unknown>;
  /** Index of the field being asked, or -1 at review. */
  at: number;
  /** Set while a field is being changed from the review screen. */
  editing?: boolean;
  /** Undertaking ids offered after a search inside the flow. */
  candidates?: string[];
}
