import { isStopword, normalize, stem } from '../search/text.js';
import type { Analysis } from './analyze.js';
import { type AnswerType, answersOfType, answerTypeOf } from './answer-type.js';

/** What a span is picked for: the kind of answer wanted and the question's word stems (with their synonyms). */
export interface SpanQuestion {
  type: AnswerType;
  stems: Set<string>;
}

/** The part of a passage that answers: always a substring of the passage (`text === passage.slice(at, at + text.length)`). */
export interface Span {
  text: string;
  at: number;
  /** False when nothing in the passage stood on its own as the answer and the span is its first sentence. */
  answers: boolean;
}

/** Clauses end at punctuation and before the words that open a condition or an aside. */
const CLAUSE_OPENERS =
  'when|where|whereby|if|unless|so that|in order to|apart from|including|which|whilst|while|provided that|prior to|but|and provide|and to';
const BOUNDARY = new RegExp(`[.;:!?](?=\\s|$)|,|\\n|\\s(?=(?:${CLAUSE_OPENERS})\\s)`, 'gi');
/** Words a clause may open with that are not part of the answer. */
const LEAD_WORDS = 'and|or|including|when|where|whereby|which|while|whilst|but|so that|in order to|apart from|if|unless';
const LEAD = new RegExp(`^(?:[\\s,;:–—-]|(?:${LEAD_WORDS})\\s)+`, 'i');
/**
 * A clause that sets a condition ("when tendering for contracts", "prior to contacting the press") restates the
 * question's situation; the answer is what follows from it, so such a clause counts for less.
 */
const CONDITION = /^[\s,;:–—-]*(?:when|where|whereby|if|unless|while|whilst|prior to|provided that|in the case of)\s/i;
/** Words that may stand before a number as part of its phrase: "a minimum of", "a period of", "around", "at least". */
const QUANTIFIER = new RegExp(
  '^(?:a|an|the|at|least|most|minimum|maximum|of|period|up|to|within|no|not|less|more|than|' +
    'over|about|around|approximately|every|each|some|usually|normally)$',
  'i',
);
/** A span longer than this is cut back at a clause boundary inside it. */
const MAX_WORDS = 24;
const MIN_WORDS = 3;

export function spanQuestion(a: Analysis, synonyms: string[][] = []): SpanQuestion {
  const stems = new Set(a.content.map(stem));
  for (const group of synonyms) {
    const groupStems = group.map((w) => normalize(w).split(' ').map(stem));
    if (groupStems.some((g) => g.length === 1 && stems.has(g[0]!))) for (const g of groupStems) if (g.length === 1) stems.add(g[0]!);
  }
  return { type: answerTypeOf(a.text), stems };
}

interface Clause {
  at: number;
  end: number;
}

function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = m[0].trim() === '' ? m.index : m.index + m[0].length;
    if (end > start) out.push({ at: start, end });
    start = end;
  }
  if (start < text.length) out.push({ at: start, end: text.length });
  return out;
}

/** A stretch of the passage with leading connectives and trailing commas, semicolons and spaces trimmed off. */
function trimmed(text: string, at: number, end: number): Span {
  let s = at + (text.slice(at, end).match(LEAD)?.[0].length ?? 0);
  let e = end;
  while (e > s && /[\s,;:–—-]/.test(text[e - 1]!)) e--;
  while (s < e && /\s/.test(text[s]!)) s++;
  return { text: text.slice(s, e), at: s, answers: true };
}

const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);

function overlap(q: SpanQuestion, s: string): number {
  const seen = new Set(
    wordsOf(normalize(s))
      .filter((w) => !isStopword(w))
      .map(stem),
  );
  let n = 0;
  for (const x of seen) if (q.stems.has(x)) n++;
  return n;
}

function firstSentence(text: string): Span {
  const end = text.search(/[.;:!?](?=\s|$)|\n/);
  const span = trimmed(text, 0, end < 0 ? text.length : end + 1);
  return { ...span, answers: false };
}

/** The typed answer ("three months'") widened to its phrase: back over quantifiers, on to the end of its clause. */
function typedSpan(text: string, q: SpanQuestion, all: Clause[]): Span | undefined {
  let best: { span: Span; score: number } | undefined;
  for (const m of answersOfType(q.type, text)) {
    if (q.type === 'count' && /^(?:19|20)\d\d$/.test(text.slice(m.at, m.at + m.length))) continue;
    const clause = all.find((c) => c.at <= m.at && m.at < c.end)!;
    let at = m.at;
    if (q.type !== 'date') {
      const before = text.slice(clause.at, m.at).split(/(\s+)/);
      let i = before.length - 1;
      while (i >= 0 && (before[i] === '' || /^\s+$/.test(before[i]!) || QUANTIFIER.test(before[i]!))) i--;
      at = clause.at + before.slice(0, i + 1).join('').length;
    } else at = clause.at;
    const span = trimmed(text, at, clause.end);
    const score = overlap(q, text.slice(clause.at, clause.end)) - wordsOf(span.text).length / 100;
    if (!best || score > best.score) best = { span, score };
  }
  return best && shortened(text, best.span);
}

/** Cuts a long span back to its first clauses, so the answer line stays one line. */
function shortened(text: string, span: Span): Span {
  if (wordsOf(span.text).length <= MAX_WORDS) return span;
  const inner = clauses(span.text).filter((c) => wordsOf(span.text.slice(0, c.end)).length <= MAX_WORDS);
  const last = inner.at(-1);
  return last ? { ...trimmed(text, span.at, span.at + last.end), answers: span.answers } : span;
}

/**
 * The verbatim part of a passage that answers the question: the phrase holding an answer of the wanted type
 * (a duration, a date, a count), or else the clause sharing most of the question's words; the first sentence
 * when no clause stands on its own.
 */
export function pickSpan(passage: string, q: SpanQuestion): Span {
  const all = clauses(passage);
  const typed = typedSpan(passage, q, all);
  if (typed && wordsOf(typed.text).length >= MIN_WORDS - 1) return typed;
  let best: { span: Span; score: number } | undefined;
  for (let i = 0; i < all.length; i++) {
    // A clause, or a clause with the next when it is too short to stand on its own.
    for (const j of [i, i + 1]) {
      if (j >= all.length) continue;
      const span = trimmed(passage, all[i]!.at, all[j]!.end);
      const n = wordsOf(span.text).length;
      if (n < MIN_WORDS) continue;
      const shared = overlap(q, span.text);
      if (shared === 0) continue;
      const condition = CONDITION.test(passage.slice(all[i]!.at, all[j]!.end)) ? 1 : 0;
      const score = shared - n / 50 - (j - i) * 0.5 - condition;
      if (!best || score > best.score) best = { span, score };
    }
  }
  return best ? shortened(passage, best.span) : firstSentence(passage);
}
