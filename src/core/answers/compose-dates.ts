import { describePeriod } from '../knowledge/periods.js';
import type { PeriodData } from '../knowledge/schema.js';
import type { Entry } from '../knowledge/types.js';
import { type CalendarDate, compareDates, type DateReading, describeSpan, formatDate, shift } from './dates.js';
import type { Block, Reply } from './reply.js';

/** A date worked out from a period an item sets: our arithmetic, shown first and marked as ours, before the quote. */

const OURS = 'Worked out by compact-bot (our arithmetic, not the compact’s words):';
const EXAMPLE = 'for example "31 March 2027", "31/03/2027" or "next Friday"';

/** The item whose period the dates are about: the answer, or another passage the model judged to answer too. */
export function periodItem(answering: Entry[]): (Entry & { period: PeriodData }) | undefined {
  return answering.find((e): e is Entry & { period: PeriodData } => e.period !== undefined);
}

function fromDate(p: PeriodData, day: CalendarDate): string {
  const sign = p.counts === 'back' ? -1 : 1;
  const due = shift(day, p, sign);
  const how = `${formatDate(day)} ${sign < 0 ? 'less' : 'plus'} ${describePeriod(p)}`;
  return `If ${p.given} on ${formatDate(day)}, ${p.due} ${formatDate(due, true)}: ${how}.`;
}

/** Two days: how far apart they are against the period, then the day the period gives from the one it counts from. */
function between(p: PeriodData, a: CalendarDate, b: CalendarDate): string[] {
  const [first, last] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
  const enough = compareDates(shift(first, p, 1), last) <= 0;
  const against = `${enough ? 'at least' : 'less than'} ${describePeriod(p)}`;
  const span = `From ${formatDate(first)} to ${formatDate(last)} is ${describeSpan(first, last)}: ${against}.`;
  return [span, fromDate(p, p.counts === 'back' ? last : first)];
}

function workedOut(p: PeriodData, reading: DateReading): string[] {
  const days = reading.dates.map((d) => d.date);
  if (reading.unclear.length > 0) {
    return [`I could not tell which day you mean by ${reading.unclear.join('; ')}. Ask again with the day, month and year, ${EXAMPLE}.`];
  }
  if (days.length > 2) {
    const listed = reading.dates.map((d) => d.text).join('", "');
    return [`Your question gives ${days.length} dates ("${listed}"). Ask again with one date, or two for a span, ${EXAMPLE}.`];
  }
  const lines = days.length === 2 ? between(p, days[0]!, days[1]!) : [fromDate(p, days[0]!)];
  const assumed = reading.dates.flatMap((d) => (d.assumption ? [`“${d.text}”: ${d.assumption}`] : []));
  if (assumed.length > 0) lines.push(`(Reading ${assumed.join('; ')}.)`);
  return [OURS, ...lines];
}

function exceptionsBlock(e: Entry & { period: PeriodData }): Block | undefined {
  const x = e.period.exceptions;
  if (x.length === 0) return undefined;
  return { type: 'text', text: `Exceptions and conditions, in the compact’s words: ${x.map((s) => `“${s}”`).join('; ')}.` };
}

/**
 * The answer with the date worked out first (or, when a date cannot be read, a question back) and the period's
 * exceptions after its quote; nothing of the answer itself is left out.
 */
export function withDates(answer: Reply, e: Entry & { period: PeriodData }, reading: DateReading): Reply {
  const lead: Block[] = workedOut(e.period, reading).map((text) => ({ type: 'text', text }));
  const blocks = [...lead, ...answer.blocks];
  const quoted = blocks.findIndex((b) => b.type === 'quote' && b.hit.key === e.key);
  const exceptions = exceptionsBlock(e);
  if (exceptions) blocks.splice(quoted < 0 ? blocks.length : quoted + 1, 0, exceptions);
  return { ...answer, blocks };
}
