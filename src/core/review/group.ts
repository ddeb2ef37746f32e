import { contentStems } from '../search/text.js';
import type { ReviewQuestion } from '../storage/review-store.js';

export interface ReviewGroup {
  questions: ReviewQuestion[];
  /** Distinct askers (by their salted hash). */
  askers: number;
}

/** Share of stems two questions must have in common (Jaccard) to count as the same question. */
const SAME = 0.5;

/** Questions grouped with the first of a group whose stems they share, most asked first. */
export function groupQuestions(questions: ReviewQuestion[]): ReviewGroup[] {
  const groups: { stems: Set<string>; questions: ReviewQuestion[] }[] = [];
  for (const q of questions) {
    const stems = new Set(contentStems(q.question));
    const home = groups.find((g) => jaccard(g.stems, stems) >= SAME);
    if (home) home.questions.push(q);
    else groups.push({ stems, questions: [q] });
  }
  return groups
    .map((g) => ({ questions: g.questions, askers: new Set(g.questions.map((q) => q.asker)).size }))
    .sort((a, b) => b.questions.length - a.questions.length || b.askers - a.askers);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared += 1;
  return shared / (a.size + b.size - shared);
}
