import type { Entry } from './types.js';
import { foldForComparison } from './verbatim.js';

export interface Period {
  days?: number;
  weeks?: number;
  months?: number;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

function periodUnit(p: Period): { n: number; unit: 'day' | 'week' | 'month' } {
  if (p.months) return { n: p.months, unit: 'month' };
  if (p.weeks) return { n: p.weeks, unit: 'week' };
  return { n: p.days ?? 0, unit: 'day' };
}

/** "three months", "12 weeks". */
export function describePeriod(p: Period): string {
  const { n, unit } = periodUnit(p);
  return `${n <= 10 ? NUMBER_WORDS[n] : n} ${unit}${n === 1 ? '' : 's'}`;
}

/** The ways a text can state a period: "three months", "3-month", "twelve weeks", "12-week". */
export function periodWordings(p: Period): RegExp {
  const { n, unit } = periodUnit(p);
  const number = NUMBER_WORDS[n] ? `(?:${n}|${NUMBER_WORDS[n]})` : String(n);
  return new RegExp(`\\b${number}[\\s-]+${unit}s?\\b`, 'i');
}

/** A period must be one the item's own words state, and its exceptions must be the item's own words. */
export function periodProblems(e: Entry): string[] {
  if (!e.period) return [];
  const problems: string[] = [];
  const text = foldForComparison(e.text);
  if (!periodWordings(e.period).test(text)) {
    const said = describePeriod(e.period);
    problems.push(`period "${said}" is not stated in the text (it must say it in words or digits, e.g. "${said}")`);
  }
  for (const x of e.period.exceptions) {
    if (!text.includes(foldForComparison(x))) problems.push(`period exception "${x}" is not word for word in the text`);
  }
  return problems;
}
