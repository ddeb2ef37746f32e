import type { LoadResult } from './load.js';

const num = (v: number | undefined, digits = 0) => (v === undefined ? '–' : v.toFixed(digits));

const COLUMNS = ['req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'answered', 'answers/s', 'dup posts', 'drain s', 'max RSS MB'];
export const LOAD_HEADER = 'scenario'.padEnd(44) + COLUMNS.map((h) => h.padStart(11)).join('');

export function loadRow(name: string, r: LoadResult): string {
  const cells = [
    num(r.rps),
    num(r.p50),
    num(r.p99),
    num(r.errors),
    num(r.non2xx),
    r.answered === undefined ? '–' : `${r.answered}/${r.acked}`,
    num(r.answerRate),
    num(r.duplicates),
    num(r.drainSeconds, 1),
    num(r.maxRssMb),
  ];
  return `${name.padEnd(44)}${cells.map((c) => c.padStart(11)).join('')}`;
}

export function verdict(ok: boolean, what: string): string {
  return `${ok ? '✓' : '✗'} ${what}`;
}
