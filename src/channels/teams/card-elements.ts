/** Adaptive Card building blocks shared by the reply, form and notice cards. */

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const CARD_VERSION = '1.5';

export interface CardElement {
  type: string;
  [property: string]: unknown;
}

export interface AdaptiveCard extends CardElement {
  type: 'AdaptiveCard';
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  fallbackText?: string;
}

/** The longest text a button's data may carry; inbound.ts refuses longer, so a longer one would be a dead button. */
export const SUBMIT_TEXT_MAX = 2000;

/** What an Action.Submit on one of our cards sends back in `activity.value`. */
export type SubmitData =
  | { compactBot: 'message'; text: string }
  | { compactBot: 'form'; flowId: string }
  | { compactBot: 'cancel'; flowId: string }
  | { compactBot: 'feedback'; helpful: boolean; question: string; keys: string[] }
  | { compactBot: 'review'; id: string; decision: 'example' | 'out-of-scope' | 'dismissed'; item?: string };

export function adaptiveCard(body: CardElement[], fallbackText: string, actions?: CardElement[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
    fallbackText,
    msteams: { width: 'Full' },
  };
}

/**
 * Backslash-escapes what Teams' card markdown acts on (emphasis, links, list markers, and the angle
 * brackets of `<at>` mentions), for the places that are always markdown: TextBlock and FactSet.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_[\]()<>]/g, '\\$&')
    .replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.');
}

export interface RunStyle {
  italic?: boolean;
  weight?: 'Bolder';
  color?: 'Attention' | 'Good' | 'Warning';
  isSubtle?: boolean;
  size?: 'Small';
}

/**
 * Text shown exactly as given: a RichTextBlock's TextRuns are never read as markdown, so a question,
 * an answer echoed in an error, or a compact's words cannot turn into links, emphasis or mentions.
 * One block per line, because a TextRun does not promise to keep line breaks.
 */
export function plainText(text: string, style: RunStyle = {}): CardElement[] {
  return text
    .split(/\s*\n\s*/)
    .filter((line) => line !== '')
    .map((line, i) => ({
      type: 'RichTextBlock',
      ...(i > 0 ? { spacing: 'None' } : {}),
      inlines: [{ type: 'TextRun', text: line, ...style }],
    }));
}

export function heading(text: string): CardElement {
  return { type: 'TextBlock', text: escapeMarkdown(text), wrap: true, style: 'heading', weight: 'Bolder', size: 'Medium' };
}

export function subtle(text: string): CardElement {
  return { type: 'TextBlock', text: escapeMarkdown(text), wrap: true, isSubtle: true, size: 'Small', spacing: 'Small' };
}

export function factSet(items: { label: string; value: string }[]): CardElement {
  return { type: 'FactSet', facts: items.map((i) => ({ title: escapeMarkdown(i.label), value: escapeMarkdown(i.value) })) };
}

export function submit(
  title: string,
  data: SubmitData,
  style?: 'positive' | 'destructive',
  extra: Record<string, unknown> = {},
): CardElement {
  return { type: 'Action.Submit', title, data, ...(style ? { style } : {}), ...extra };
}

/**
 * A message carrying one card. The plain text goes in `summary` (and the card's fallbackText), not in
 * `text`: Teams splits a message with both text and a card into two posts, so the answer would show twice.
 */
export function cardMessage(card: AdaptiveCard) {
  return { type: 'message', summary: card.fallbackText, attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }] };
}
