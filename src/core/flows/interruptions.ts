import type { Action, Block } from '../answers/reply.js';
import { normalize } from '../search/text.js';
import { echo } from './field-input.js';
import type { FlowDef, FlowState } from './types.js';

/** A form untouched for this long is mentioned before anything else is read as an answer. */
const RETURN_AFTER_MS = 60 * 60 * 1000;

// Exact commands and flow triggers (after normalize), never phrases found inside an answer: "We report breaches
// to the board" is an answer; "report a breach" on its own is the bot's command.
const COMMANDS = new Set([
  'report a breach',
  'report breach',
  'report a suspected breach',
  'report',
  'report form',
  'breach',
  'sign up',
  'signup',
  'sign us up',
  'signup form',
  'sign up form',
  'register',
  'menu',
  'start',
  'start again',
  'start over',
  'restart',
  'exit',
  'home',
  'reports',
  'reports list',
]);
const GO_ON = new Set(['go on', 'continue', 'resume', 'carry on', 'keep going', 'yes', 'y', 'go back to the form', 'back to the form']);
const DISCARD = new Set(['discard', 'discard it', 'drop it', 'throw it away', 'delete it']);
const KEEP = new Set(['keep', 'keep it', 'save it', 'use it', 'it is my answer', 'that is my answer']);

/** Go on (show the question again), discard the form, read `text` as the answer, or say `blocks` before the question. */
export type Interruption =
  | { kind: 'go-on' }
  | { kind: 'discard' }
  | { kind: 'answer'; text: string }
  | { kind: 'reply'; state: FlowState; blocks: Block[]; actions: Action[] };

export interface Place {
  flow: FlowDef;
  /** The question being asked, or undefined at review. */
  label?: string;
  step: string;
}

const noun = (flow: FlowDef) => (flow.id === 'breach' ? 'breach report' : 'sign-up');

/**
 * What comes before a message is read as an answer: a greeting for someone coming back to a form they left,
 * and a question when the message is a command rather than an answer. Undefined: read it as an answer.
 */
export function interrupt(state: FlowState, text: string, now: Date, place: Place): Interruption | undefined {
  const n = normalize(text);
  const actions: Action[] = [
    { label: 'Go on', value: 'go on', style: 'primary' },
    { label: 'Discard it', value: 'discard', style: 'danger' },
  ];
  if (state.resuming) {
    if (GO_ON.has(n)) return { kind: 'go-on' };
    if (DISCARD.has(n)) return { kind: 'discard' };
  }
  const left = state.touchedAt ? now.getTime() - Date.parse(state.touchedAt) : 0;
  // What is typed first after a long gap may be a greeting, so it is not read as an answer; what follows is.
  if (left >= RETURN_AFTER_MS) {
    const where = place.label ? `at question ${place.step}, “${place.label}”` : 'at the review, ready to submit';
    const blocks: Block[] = [
      { type: 'text', text: `Welcome back. You have a ${noun(place.flow)} in progress, ${where}; nothing is stored until you submit.` },
      { type: 'text', text: 'Type "go on" to carry on with it (or just answer), or "discard" to drop it.' },
    ];
    return { kind: 'reply', state: { ...state, resuming: true, held: undefined }, blocks, actions };
  }
  if (state.held !== undefined) {
    if (KEEP.has(n)) return { kind: 'answer', text: state.held };
    if (GO_ON.has(n)) return { kind: 'go-on' };
  }
  if (place.label && COMMANDS.has(n)) {
    const blocks: Block[] = [
      { type: 'text', text: `Did you mean to stop this form? “${echo(text, 80)}” is one of my commands,` },
      { type: 'text', text: `so I have not saved it as your answer to “${place.label}”.` },
      { type: 'text', text: 'Type "stop" to stop the form (nothing is stored), "go on" to answer the question, or "keep" to save it.' },
    ];
    const choices: Action[] = [
      { label: 'Stop the form', value: 'stop', style: 'danger' },
      { label: 'Go on', value: 'go on', style: 'primary' },
      { label: 'Keep as my answer', value: 'keep' },
    ];
    return { kind: 'reply', state: { ...state, held: text.trim() }, blocks, actions: choices };
  }
  return undefined;
}
