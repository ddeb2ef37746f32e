import type { KnowledgeBase, ReviewGroup } from '../../core/index.js';
import { type AdaptiveCard, adaptiveCard, type CardElement, heading, plainText, submit, subtle } from './card-elements.js';

/** Questions shown on one card; `compact-bot review` lists them all. */
const SHOWN = 10;

/** "Questions to review" for a Teams administrator: each with its three likeliest items, out of scope, and dismiss. */
export function reviewCard(kb: KnowledgeBase, groups: ReviewGroup[], note?: string): AdaptiveCard {
  const byKey = new Map(kb.entries.map((e) => [e.key, e]));
  const body: CardElement[] = [heading('Questions to review')];
  if (note) body.push(...plainText(note, { weight: 'Bolder' }));
  if (groups.length === 0) body.push(...plainText('No questions waiting.', { italic: true }));
  for (const g of groups.slice(0, SHOWN)) {
    const q = g.questions[0]!;
    const candidates = q.candidates.map((c) => byKey.get(c.key)).filter((e) => e !== undefined);
    const actions = [
      ...candidates.map((e, i) =>
        submit(
          `${i + 1}. ${e.compact} ${e.id}`,
          { compactBot: 'review', id: q.id, decision: 'example', item: e.key },
          i === 0 ? 'positive' : undefined,
        ),
      ),
      submit('Out of scope', { compactBot: 'review', id: q.id, decision: 'out-of-scope' }),
      submit('Dismiss', { compactBot: 'review', id: q.id, decision: 'dismissed' }, 'destructive'),
    ];
    body.push({
      type: 'Container',
      separator: true,
      items: [
        ...plainText(q.question, { weight: 'Bolder' }),
        subtle(`Asked ${g.questions.length}× by ${g.askers} · ${q.reason} · ${q.channel} · ${q.createdAt.toISOString().slice(0, 10)}`),
        ...candidates.map((e, i) => subtle(`${i + 1}. ${e.compact} ${e.id}: ${e.title}`)),
        { type: 'ActionSet', actions },
      ],
    });
  }
  if (groups.length > SHOWN) body.push(subtle(`…and ${groups.length - SHOWN} more groups: \`compact-bot review\` lists them all.`));
  const n = groups.reduce((s, g) => s + g.questions.length, 0);
  return adaptiveCard(body, `${n} question${n === 1 ? '' : 's'} to review.`);
}
