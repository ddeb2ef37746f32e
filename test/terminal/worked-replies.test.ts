import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/answers/render-text.js';
import { runCli } from '../helpers/cli.js';
import { workedReplies } from '../helpers/worked-replies.js';

const { date, browse, followUp } = workedReplies();

describe('terminal text for worked-out dates, browse lists and follow-ups', () => {
  it('puts the worked-out date first, marked as ours, then the quote and the exceptions', () => {
    const lines = renderText(date).split('\n');
    expect(lines[0]).toMatch(/our arithmetic, not the compact’s words/);
    expect(lines[1]).toContain('notice in writing is due by Thursday 31 December 2026');
    expect(lines.findIndex((l) => l.includes('Give a minimum of three months'))).toBeGreaterThan(1);
  });

  it('numbers the entries of a page, and numbers the buttons to pick one or turn the page', () => {
    const text = renderText(browse, { numberedActions: true });
    expect(text).toMatch(/^Hertfordshire Compact: undertakings, 11–20 of 56:\n {2}1\.11: /);
    expect(text).toMatch(/\[11\] ◀ Previous\n {2}\[12\] Next ▶$/);
  });

  it('answers a follow-up with the other compact’s passage first', () => {
    expect(renderText(followUp)).toMatch(/^[^—]*— Dacorum Compact/);
  });

  it('lists the Hertfordshire undertakings with their numbers from `compact-bot ask`', () => {
    const r = runCli(['ask', 'list the Hertfordshire undertakings']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Hertfordshire Compact: undertakings, 1–10 of 56:\n {2}1\.1: .+\n {2}1\.2: /);
  });
});
