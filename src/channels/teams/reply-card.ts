import { type Action, type Block, linkSegments, quoteText, type Reply, renderText } from '../../core/index.js';
import { answerElements, citationBlock, linkedRuns } from './answer-elements.js';
import {
  type AdaptiveCard,
  adaptiveCard,
  type CardElement,
  factSet,
  heading,
  plainText,
  SUBMIT_TEXT_MAX,
  submit,
} from './card-elements.js';

/** Teams shows at most this many buttons in one row. */
const ROW = 5;
/** Longer labels (the example questions) get a row each so they are not cut short. */
const SHORT_LABEL = 24;

/** Where the core offers a guided flow in conversation, Teams also offers it as a card form. */
const FORM_ACTIONS: Record<string, Action> = {
  'sign up': { label: 'Sign-up form', value: 'signup form' },
  'report a breach': { label: 'Breach report form', value: 'report form' },
};

function renderBlock(b: Block): CardElement[] {
  const answer = answerElements(b);
  if (answer) return answer;
  switch (b.type) {
    case 'text':
      return plainText(b.text);
    case 'heading':
      return [heading(b.text)];
    case 'quote':
      return [
        {
          type: 'Container',
          style: 'emphasis',
          items: [
            {
              type: 'RichTextBlock',
              inlines: linkedRuns(linkSegments(`“${quoteText(b).replace(/\s*\n\s*/g, ' ')}”`), { italic: true }),
            },
            citationBlock(b.hit.citation),
          ],
        },
      ];
    case 'fields': {
      const bullets = b.items.filter((i) => i.label === '•');
      return bullets.length === b.items.length ? bullets.flatMap((i) => plainText(`•  ${i.value}`)) : [factSet(b.items)];
    }
    case 'error':
      return plainText(b.text, { color: 'Attention', weight: 'Bolder' });
    default:
      return [];
  }
}

function actionRows(actions: Action[]): CardElement[] {
  const rows: Action[][] = [];
  let row: Action[] = [];
  for (const a of actions) {
    if (a.label.length > SHORT_LABEL) {
      rows.push([a]);
      row = [];
      continue;
    }
    if (row.length === ROW) row = [];
    if (row.length === 0) rows.push(row);
    row.push(a);
  }
  return rows.map((r) => ({
    type: 'ActionSet',
    actions: r.map((a) =>
      submit(
        a.label,
        { compactBot: 'message', text: a.value.slice(0, SUBMIT_TEXT_MAX) },
        a.style === 'primary' ? 'positive' : a.style === 'danger' ? 'destructive' : undefined,
      ),
    ),
  }));
}

function feedbackRow(feedback: NonNullable<Reply['feedback']>): CardElement {
  // A question can be as long as the user made it: cut to what the button may carry back.
  const question = feedback.question.slice(0, SUBMIT_TEXT_MAX);
  const data = (helpful: boolean) => ({ compactBot: 'feedback' as const, helpful, question, keys: feedback.keys });
  return { type: 'ActionSet', separator: true, actions: [submit('👍 Helpful', data(true)), submit('👎 Not helpful', data(false))] };
}

/** The core's reply as an Adaptive Card: our words, the compact's words quoted and cited, buttons, and 👍/👎. */
export function replyCard(reply: Reply): AdaptiveCard {
  const actions = reply.actions.flatMap((a) => (FORM_ACTIONS[a.value] ? [a, FORM_ACTIONS[a.value]!] : [a]));
  const body = [...reply.blocks.flatMap(renderBlock), ...actionRows(actions)];
  if (reply.feedback) body.push(feedbackRow(reply.feedback));
  return adaptiveCard(body, renderText({ ...reply, actions }));
}
