import type { KnowledgeBase } from '../knowledge/types.js';

/** What every answer to a form's question comes to, and the cleaning of what was typed, shared by the field parsers. */

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

export interface FieldContext {
  kb: KnowledgeBase;
  /** The compact chosen earlier in the flow. */
  compact?: string;
  now: Date;
}

// Control characters (but not line breaks), invisible and direction-changing marks, and halves of broken
// UTF-16 never belong in a form answer: shown back, they would garble or reorder the text around them.
const CONTROL_OR_INVISIBLE = /[\u0000-\u0009\u000B-\u001F\u007F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNWANTED = new RegExp(`${CONTROL_OR_INVISIBLE.source}|${LONE_SURROGATE.source}`, 'g');
export const cleanText = (s: string) => s.replace(UNWANTED, '').trim();

/** What the user typed, fit to quote back in a message: cleaned, and cut at `max` without splitting a character. */
export function echo(raw: string, max: number): string {
  const cut = cleanText(raw).slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
