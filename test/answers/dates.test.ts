import { describe, expect, it } from 'vitest';
import { addMonths, type CalendarDate, formatDate, readDates, shift } from '../../src/core/answers/dates.js';
import { describePeriod, periodWordings } from '../../src/core/knowledge/periods.js';

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });
// Thursday 3 December 2026, late evening in London.
const NOW = new Date('2026-12-03T22:30:00Z');
const read = (q: string, now = NOW) => readDates(q, now);

describe('calendar arithmetic', () => {
  it('counts three months back from 31 March 2027 to 31 December 2026', () => {
    expect(shift(d(2027, 3, 31), { months: 3 }, -1)).toEqual(d(2026, 12, 31));
  });

  it('counts three months from 30 November to the last day of February, in leap years and others', () => {
    expect(shift(d(2026, 11, 30), { months: 3 }, 1)).toEqual(d(2027, 2, 28));
    expect(shift(d(2027, 11, 30), { months: 3 }, 1)).toEqual(d(2028, 2, 29));
    expect(shift(d(2099, 11, 30), { months: 3 }, 1)).toEqual(d(2100, 2, 28));
    expect(shift(d(2399, 11, 30), { months: 3 }, 1)).toEqual(d(2400, 2, 29));
  });

  it('counts three months from 31 May to 31 August, and across a year end', () => {
    expect(shift(d(2027, 5, 31), { months: 3 }, 1)).toEqual(d(2027, 8, 31));
    expect(addMonths(d(2026, 10, 31), 3)).toEqual(d(2027, 1, 31));
    expect(addMonths(d(2027, 1, 31), -3)).toEqual(d(2026, 10, 31));
    expect(addMonths(d(2027, 5, 31), -3)).toEqual(d(2027, 2, 28));
  });

  it('counts weeks and days across month ends and 29 February', () => {
    expect(shift(d(2027, 3, 2), { weeks: 12 }, 1)).toEqual(d(2027, 5, 25));
    expect(shift(d(2028, 2, 1), { weeks: 4 }, 1)).toEqual(d(2028, 2, 29));
    expect(shift(d(2028, 3, 1), { days: 1 }, -1)).toEqual(d(2028, 2, 29));
    expect(shift(d(2027, 3, 1), { days: 1 }, -1)).toEqual(d(2027, 2, 28));
  });

  it('names periods and dates in words', () => {
    expect(describePeriod({ months: 3 })).toBe('three months');
    expect(describePeriod({ weeks: 12 })).toBe('12 weeks');
    expect(formatDate(d(2026, 12, 31), true)).toBe('Thursday 31 December 2026');
    expect(periodWordings({ months: 3 }).test("a minimum of three months' notice")).toBe(true);
    expect(periodWordings({ weeks: 12 }).test('conduct 12-week formal written consultations')).toBe(true);
    expect(periodWordings({ weeks: 8 }).test('a period of 12 weeks')).toBe(false);
  });
});

describe('reading dates in a question', () => {
  it('reads a day, month and year in words and in figures, day first', () => {
    expect(read('our grant ends on 31 March 2027 — when should we have been told?').dates.map((x) => x.date)).toEqual([d(2027, 3, 31)]);
    expect(read('it ends 31/03/2027').dates[0]?.date).toEqual(d(2027, 3, 31));
    expect(read('it ends 1/4/27').dates[0]?.date).toEqual(d(2027, 4, 1));
    expect(read('it ends on the 1st of April 2027').dates[0]?.date).toEqual(d(2027, 4, 1));
    expect(read('it ends March 31, 2027').dates[0]?.date).toEqual(d(2027, 3, 31));
  });

  it('takes a date without a year as the next such day, and says so', () => {
    const r = read('the consultation opened on 2 March, when can it close?');
    expect(r.dates[0]?.date).toEqual(d(2027, 3, 2));
    expect(r.dates[0]?.assumption).toMatch(/no year/);
    expect(read('it ends on 3 December').dates[0]?.date).toEqual(d(2026, 12, 3));
    expect(read('it ends on 29 February').dates[0]?.date).toEqual(d(2028, 2, 29));
  });

  it('reads weekdays relative to today, in London', () => {
    expect(read('next Friday').dates[0]?.date).toEqual(d(2026, 12, 4));
    expect(read('next Thursday').dates[0]?.date).toEqual(d(2026, 12, 10));
    expect(read('this Thursday').dates[0]?.date).toEqual(d(2026, 12, 3));
    expect(read('last Friday').dates[0]?.date).toEqual(d(2026, 11, 27));
    expect(read('tomorrow').dates[0]?.date).toEqual(d(2026, 12, 4));
    // 00:30 on 4 June in London (summer time) is still 3 June in UTC.
    expect(read('today', new Date('2026-06-03T23:30:00Z')).dates[0]?.date).toEqual(d(2026, 6, 4));
    expect(read('the end of next month').dates[0]?.date).toEqual(d(2027, 1, 31));
  });

  it('reads a range as its two days', () => {
    expect(read('it runs between 1 and 14 March').dates.map((x) => x.date)).toEqual([d(2027, 3, 1), d(2027, 3, 14)]);
    expect(read('open 1-14 March 2028').dates.map((x) => x.date)).toEqual([d(2028, 3, 1), d(2028, 3, 14)]);
    expect(read('from 2 March 2027 to 5 April 2027').dates.map((x) => x.date)).toEqual([d(2027, 3, 2), d(2027, 4, 5)]);
  });

  it('asks back about what is not one day: a bare weekday, a month alone, a day that does not exist', () => {
    expect(read('they emailed on Friday').unclear[0]).toMatch(/last Friday or the next one/);
    expect(read('our grant ends in March').unclear[0]).toMatch(/which day in March/);
    expect(read('it ends 31 February 2027').unclear[0]).toMatch(/February 2027 has no day 31/);
    expect(read('it ends 31/02/2027').unclear[0]).toMatch(/not a date/);
    expect(read('it ends 31/02/2027').dates).toEqual([]);
  });

  it('finds no date in questions without one, numbered items and years included', () => {
    for (const q of ['what does 4.4 say?', 'the 2016 compact', 'three months notice', 'may we campaign?', '3 year funding']) {
      expect(read(q)).toEqual({ dates: [], unclear: [] });
    }
  });
});
