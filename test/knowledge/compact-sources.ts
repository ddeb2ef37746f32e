import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import type { Entry, EntryKind } from '../../src/core/knowledge/types.js';
import { foldForComparison as fold } from '../../src/core/knowledge/verbatim.js';

// Each check reads the source text itself, so dropping an item from the YAML fails here even though
// the loader (which only checks what is there) would still pass.
export const ROOT = join(import.meta.dirname, '..', '..', 'knowledge');
export const kb = loadKnowledge(ROOT);

export const source = (compact: string, file: string) => readFileSync(join(ROOT, compact, file), 'utf8');
export const entries = (compact: string, kind: EntryKind) => kb.entries.filter((e) => e.compact === compact && e.kind === kind);
export const find = (compact: string, kind: EntryKind, id: string) => entries(compact, kind).find((e) => e.id === id);
export const termNames = (e: Entry) =>
  [e.term!.term, e.term!.acronym, e.term!.expansion, ...e.term!.aliases].filter((n): n is string => Boolean(n)).map(fold);
export const nonEmptyLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The text after the last `start` (contents pages repeat headings) up to the next `end`. */
export function between(text: string, start: string, end: string): string {
  const i = text.lastIndexOf(start);
  const j = text.indexOf(end, i + start.length);
  expect(i, `"${start.trim()}" is in the source`).toBeGreaterThanOrEqual(0);
  expect(j, `"${end.trim()}" follows "${start.trim()}"`).toBeGreaterThan(i);
  return text.slice(i + start.length, j);
}
