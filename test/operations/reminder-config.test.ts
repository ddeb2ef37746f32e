import { describe, expect, it } from 'vitest';
import { ConfigError, coreConfig } from '../../src/config.js';

describe('REPORT_REMINDER_DAYS', () => {
  it('defaults to 14 days and takes a whole number of days up to ten years', () => {
    expect(coreConfig({}).REPORT_REMINDER_DAYS).toBe(14);
    expect(coreConfig({ REPORT_REMINDER_DAYS: '7' }).REPORT_REMINDER_DAYS).toBe(7);
    expect(coreConfig({ REPORT_REMINDER_DAYS: '3660' }).REPORT_REMINDER_DAYS).toBe(3660);
  });

  it.each([
    ['0', /REPORT_REMINDER_DAYS: must be greater than 0/],
    ['1.5', /REPORT_REMINDER_DAYS: must be a whole number/],
    ['3661', /REPORT_REMINDER_DAYS: must be at most 3,660 \(ten years\)/],
    ['fortnight', /REPORT_REMINDER_DAYS: must be a number/],
  ])('refuses %s, naming the variable', (value, message) => {
    expect(() => coreConfig({ REPORT_REMINDER_DAYS: value })).toThrow(ConfigError);
    expect(() => coreConfig({ REPORT_REMINDER_DAYS: value })).toThrow(message);
  });
});
