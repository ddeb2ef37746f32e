/**
 * What kind of answer a question wants, from its question words: a date, a length of time or a number.
 * Passages that contain that kind of answer get a modest boost.
 */
export type AnswerType = 'date' | 'duration' | 'count' | undefined;

const NUMBER = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

const PATTERNS: Record<NonNullable<AnswerType>, RegExp> = {
  date: /\b(?:(?:19|20)\d{2}|january|february|march|april|may|june|july|august|september|october|november|december)\b/i,
  duration: new RegExp(
    `\\b${NUMBER}[- ](?:weeks?|months?|years?|days?)(?:'|’)?\\b|\\bminimum of\\b|\\b(?:annual|annually|quarter|quarterly|yearly)\\b`,
    'i',
  ),
  count: new RegExp(`\\b${NUMBER}\\b|\\d+%`, 'i'),
};

const DURATION_QUESTION = new RegExp(
  ' (how (long|much notice|much time|much warning|soon|quickly|often|frequently)|how many (weeks|months|days|years)|' +
    'notice period|what notice|(minimum|much|enough|any) notice|time ?frame|timescale|deadline) ',
);

export function answerTypeOf(normalizedQuestion: string): AnswerType {
  const t = ` ${normalizedQuestion} `;
  if (/ (when (was|were|did|is|will)|what year|which year|what date|since when|how old) /.test(t)) return 'date';
  if (DURATION_QUESTION.test(t)) return 'duration';
  if (/ how many /.test(t)) return 'count';
  return undefined;
}

export function hasAnswerOfType(type: AnswerType, text: string): boolean {
  return type !== undefined && PATTERNS[type].test(text);
}

/** Where a passage states an answer of the type: each match's offset and length. */
export function answersOfType(type: AnswerType, text: string): { at: number; length: number }[] {
  if (type === undefined) return [];
  const global = new RegExp(PATTERNS[type].source, 'gi');
  return [...text.matchAll(global)].map((m) => ({ at: m.index, length: m[0].length }));
}
