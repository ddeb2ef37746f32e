import { visibleLength } from '../../src/core/answers/fit.js';
import type { Reply } from '../../src/core/answers/reply.js';
import type { LabelledQuestion } from './questions.js';
import type { Tally } from './score.js';

/** What the composer before issue 13 did on the same sets (bench/before-replies.json). */
export interface BeforeReplies {
  answers: number;
  medianLength: number;
  tally: Tally;
}

const fold = (s: string) => s.toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();

/** The emphasised span of a reply: the answer line's. */
export function spanOf(reply: Reply): string | undefined {
  const b = reply.blocks.find((x) => x.type === 'answer');
  return b?.type === 'answer' ? b.span : undefined;
}

/** Of the questions with an expected answer, how many replies' emphasised span contains it. */
export function spanContains(questions: LabelledQuestion[], replies: Reply[]): { labelled: number; contained: number; spanned: number } {
  let labelled = 0;
  let contained = 0;
  let spanned = 0;
  questions.forEach((q, i) => {
    if (!q.answer) return;
    labelled++;
    const span = spanOf(replies[i]!);
    if (span === undefined) return;
    spanned++;
    if (fold(span).includes(fold(q.answer))) contained++;
  });
  return { labelled, contained, spanned };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
}

/** Answer and comparison replies, whose length is measured before and after. */
const measured = (r: Reply) => r.intent === 'answer' || r.intent === 'compare';

export function medianVisible(replies: Reply[]): number {
  return median(replies.filter(measured).map(visibleLength));
}
