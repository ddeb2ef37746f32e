import type { Period } from '../knowledge/periods.js';

/** Calendar dates in questions, and calendar arithmetic: pure, with "today" passed in. */

export interface CalendarDate {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
}

interface FoundDate {
  date: CalendarDate;
  /** The words that gave it, as typed. */
  text: string;
  /** How a date given without a year, or relative to today, was read. */
  assumption?: string;
}

export interface DateReading {
  dates: FoundDate[];
  /** Date-like words that could not be read as one day: what to ask back. */
  unclear: string[];
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const MONTH_RE = `(${[
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
].join('|')})`;
const DAY_RE = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR_RE = '(?:,?\\s+(\\d{4}))?';

const monthOf = (word: string): number => MONTHS.findIndex((m) => m.toLowerCase().startsWith(word.toLowerCase().slice(0, 3))) + 1;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValid(d: CalendarDate): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

const toUtc = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day);
const fromUtc = (ms: number): CalendarDate => {
  const x = new Date(ms);
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
};

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return toUtc(a) - toUtc(b);
}

function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

function addDays(d: CalendarDate, n: number): CalendarDate {
  return fromUtc(toUtc(d) + n * 86_400_000);
}

/** Calendar months: a day the target month lacks becomes its last day (30 November + 3 months = 28 or 29 February). */
export function addMonths(d: CalendarDate, n: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** The date a period after (sign 1) or before (sign -1) a date. */
export function shift(d: CalendarDate, p: Period, sign: 1 | -1): CalendarDate {
  const months = addMonths(d, sign * (p.months ?? 0));
  return addDays(months, sign * ((p.weeks ?? 0) * 7 + (p.days ?? 0)));
}

export function formatDate(d: CalendarDate, weekday = false): string {
  const name = weekday ? `${WEEKDAYS[new Date(toUtc(d)).getUTCDay()]} ` : '';
  return `${name}${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** Today's date in England. */
function todayIn(now: Date): CalendarDate {
  const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric' });
  const parts = london.formatToParts(now);
  const part = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

interface Match {
  start: number;
  end: number;
  found: FoundDate[];
  unclear?: string;
}

/** A day and month without a year: the next such day from today (today included). */
function nextOf(today: CalendarDate, month: number, day: number, text: string): FoundDate | string {
  for (const year of [today.year, today.year + 1, today.year + 2, today.year + 3, today.year + 4]) {
    const d = { year, month, day };
    const assumption = `no year given, so the next ${day} ${MONTHS[month - 1]}`;
    if (isValid(d) && compareDates(d, today) >= 0) return { date: d, text, assumption };
  }
  return `"${text}": ${MONTHS[month - 1]} has no day ${day}`;
}

function dayMonth(today: CalendarDate, text: string, day: number, month: number, year: string | undefined): FoundDate | string {
  if (!year) return nextOf(today, month, day, text);
  const d = { year: Number(year), month, day };
  return isValid(d) ? { date: d, text } : `"${text}": ${MONTHS[month - 1]} ${year} has no day ${day}`;
}

const asMatch = (m: RegExpExecArray, results: (FoundDate | string)[]): Match => ({
  start: m.index,
  end: m.index + m[0].length,
  found: results.filter((r): r is FoundDate => typeof r !== 'string'),
  unclear: results.find((r): r is string => typeof r === 'string'),
});

type Rule = { re: RegExp; read: (m: RegExpExecArray, today: CalendarDate) => Match };

const RULES: Rule[] = [
  {
    // "between 1 and 14 March", "1-14 March 2027", "from 1 to 14 March"
    re: new RegExp(`\\b${DAY_RE}\\s*(?:and|to|until|till|-|–)\\s*${DAY_RE}\\s+(?:of\\s+)?${MONTH_RE}${YEAR_RE}\\b`, 'gi'),
    read: (m, today) => {
      const month = monthOf(m[3]!);
      const first = dayMonth(today, `${m[1]} ${MONTHS[month - 1]}`, Number(m[1]), month, m[4]);
      const year = m[4] ?? (typeof first === 'string' ? undefined : String(first.date.year));
      const second = dayMonth(today, `${m[2]} ${MONTHS[month - 1]}`, Number(m[2]), month, year);
      return asMatch(m, [first, second]);
    },
  },
  {
    re: new RegExp(`\\b${DAY_RE}\\s+(?:of\\s+)?${MONTH_RE}${YEAR_RE}\\b`, 'gi'),
    read: (m, today) => asMatch(m, [dayMonth(today, m[0], Number(m[1]), monthOf(m[2]!), m[3])]),
  },
  {
    re: new RegExp(`\\b${MONTH_RE}\\s+${DAY_RE}${YEAR_RE}\\b`, 'gi'),
    read: (m, today) => asMatch(m, [dayMonth(today, m[0], Number(m[2]), monthOf(m[1]!), m[3])]),
  },
  {
    // 31/03/2027, 31-03-27, 31.03.2027: day first, as in England.
    re: /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b/g,
    read: (m) => {
      const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
      const d = { year, month: Number(m[3]), day: Number(m[1]) };
      return asMatch(m, [isValid(d) ? { date: d, text: m[0] } : `"${m[0]}" is not a date (day/month/year)`]);
    },
  },
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: (m) => {
      const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
      return asMatch(m, [isValid(d) ? { date: d, text: m[0] } : `"${m[0]}" is not a date (year-month-day)`]);
    },
  },
  {
    re: new RegExp(`\\b(?:the\\s+)?end\\s+of\\s+(?:(this|next|the)\\s+month|${MONTH_RE}${YEAR_RE})\\b`, 'gi'),
    read: (m, today) => {
      if (m[1]) {
        const base = addMonths({ ...today, day: 1 }, m[1].toLowerCase() === 'next' ? 1 : 0);
        const d = { ...base, day: daysInMonth(base.year, base.month) };
        return asMatch(m, [{ date: d, text: m[0], assumption: `the last day of ${MONTHS[d.month - 1]} ${d.year}` }]);
      }
      const month = monthOf(m[2]!);
      const year = m[3] ? Number(m[3]) : today.month <= month ? today.year : today.year + 1;
      const d = { year, month, day: daysInMonth(year, month) };
      return asMatch(m, [{ date: d, text: m[0], assumption: m[3] ? undefined : `the last day of the next ${MONTHS[month - 1]}` }]);
    },
  },
  {
    re: /\b(?:(next|this|coming|last)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi,
    read: (m, today) => {
      const want = WEEKDAYS.findIndex((w) => w.toLowerCase() === m[2]!.toLowerCase());
      const dow = new Date(toUtc(today)).getUTCDay();
      const which = m[1]?.toLowerCase();
      if (!which) return asMatch(m, [`"${m[0]}": the last ${WEEKDAYS[want]} or the next one?`]);
      const ahead = (want - dow + 7) % 7;
      const offset = which === 'last' ? -((dow - want + 7) % 7 || 7) : which === 'this' ? ahead : ahead || 7;
      const d = addDays(today, offset);
      return asMatch(m, [{ date: d, text: m[0], assumption: `"${m[0]}" as ${formatDate(d, true)}` }]);
    },
  },
  {
    re: /\b(today|tomorrow|yesterday)\b/gi,
    read: (m, today) => {
      const d = addDays(today, { today: 0, tomorrow: 1, yesterday: -1 }[m[1]!.toLowerCase() as 'today']);
      return asMatch(m, [{ date: d, text: m[0], assumption: `${m[0].toLowerCase()} as ${formatDate(d, true)}` }]);
    },
  },
  {
    // A month alone ("in March") does not say which day.
    re: new RegExp(`\\b(?:in|by|from|until|before|after|since)\\s+${MONTH_RE}${YEAR_RE}\\b`, 'gi'),
    read: (m) => asMatch(m, [`"${m[0]}": which day in ${MONTHS[monthOf(m[1]!) - 1]}?`]),
  },
];

/** The dates a question gives, in the order written, and what could not be read as a day. */
export function readDates(question: string, now: Date): DateReading {
  const today = todayIn(now);
  const matches: Match[] = [];
  for (const rule of RULES) {
    for (const m of question.matchAll(rule.re)) {
      const match = rule.read(m as RegExpExecArray, today);
      if (!matches.some((x) => match.start < x.end && x.start < match.end)) matches.push(match);
    }
  }
  matches.sort((a, b) => a.start - b.start);
  return { dates: matches.flatMap((m) => m.found), unclear: matches.flatMap((m) => (m.unclear ? [m.unclear] : [])) };
}

/** A question gives a date when it has one, or words that look like one but could not be read. */
export function hasDates(r: DateReading): boolean {
  return r.dates.length + r.unclear.length > 0;
}

/** "30 days", "5 weeks": the time between two dates in plain words. */
export function describeSpan(a: CalendarDate, b: CalendarDate): string {
  const days = Math.abs(daysBetween(a, b));
  return days % 7 === 0 && days > 0 ? `${days / 7} week${days === 7 ? '' : 's'}` : `${days} day${days === 1 ? '' : 's'}`;
}
