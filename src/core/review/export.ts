import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { NONE_LABEL } from '../answers/features.js';
import { examplesOf } from '../answers/scorer.js';
import { termSlug } from '../knowledge/compact-entries.js';
import { normalizeAsked } from '../knowledge/entry-checks.js';
import { FILE_OF_KIND } from '../knowledge/load.js';
import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import type { ReviewQuestion } from '../storage/review-store.js';

/** Where out-of-scope questions accepted in review go in knowledge/out-of-scope.yml, to be sorted later. */
const REVIEW_SUBJECT = 'questions accepted in review';

export interface ExportResult {
  /** Written into a knowledge file, or found there already. */
  written: { id: string; file: string }[];
  /** Kept in review: the question is already an example of something else, or its item has gone. */
  skipped: { id: string; reason: string }[];
  /** Each file changed, with its text before, so a change that fails the knowledge check can be undone. */
  originals: Map<string, string>;
}

interface Insertion {
  at: number;
  text: string;
}

/**
 * Writes accepted examples into the knowledge files: an item's `asked:` list, or out-of-scope.yml. Each
 * question is inserted as one new line after the list's last one, so the rest of the file stays byte for
 * byte as it was (comments, quoting and layout included).
 */
export function exportExamples(dir: string, kb: KnowledgeBase, accepted: ReviewQuestion[]): ExportResult {
  const byKey = new Map(kb.entries.map((e) => [e.key, e]));
  const known = new Map(examplesOf(kb).map((e) => [normalizeAsked(e.text), e.label]));
  const result: ExportResult = { written: [], skipped: [], originals: new Map() };
  const perFile = new Map<string, { entry?: Entry; q: ReviewQuestion }[]>();
  for (const q of accepted) {
    const label = q.label ?? '';
    const entry = byKey.get(label);
    const already = known.get(normalizeAsked(q.question));
    if (label !== NONE_LABEL && !entry) result.skipped.push({ id: q.id, reason: `the knowledge base has no item ${label}` });
    else if (already !== undefined && already !== label) result.skipped.push({ id: q.id, reason: `already an example of ${already}` });
    else if (already === label) result.written.push({ id: q.id, file: '(already there)' });
    else {
      known.set(normalizeAsked(q.question), label);
      const file = entry ? join(entry.compact, FILE_OF_KIND[entry.kind]) : 'out-of-scope.yml';
      perFile.set(file, [...(perFile.get(file) ?? []), { entry, q }]);
    }
  }
  for (const [file, items] of perFile) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const insertions = items.map(({ entry, q }) => insertionFor(text, entry, q.question));
    result.originals.set(path, text);
    writeFileSync(path, apply(text, insertions));
    for (const { q } of items) result.written.push({ id: q.id, file });
  }
  return result;
}

function insertionFor(text: string, entry: Entry | undefined, question: string): Insertion {
  const doc = parseDocument(text);
  let target: YAMLMap | undefined;
  visit(doc, {
    Map(_, node) {
      if (target || !isMap(node)) return undefined;
      if (entry ? identifies(node, entry) : node.get('subject') === REVIEW_SUBJECT) {
        target = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  const line = JSON.stringify(question);
  if (!entry && !target)
    return { at: text.length, text: `${text.endsWith('\n') ? '' : '\n'}- subject: ${REVIEW_SUBJECT}\n  asked:\n    - ${line}\n` };
  const asked = target?.get('asked', true);
  if (!isSeq(asked) || asked.flow || asked.items.length === 0)
    throw new Error(`no block list of asked questions for ${entry?.key ?? REVIEW_SUBJECT}`);
  return afterLast(text, asked, line);
}

function identifies(node: YAMLMap, entry: Entry): boolean {
  if (entry.kind === 'term') return node.has('term') && termSlug(String(node.get('term'))) === entry.id;
  return node.has('id') && node.has('asked') && String(node.get('id')) === entry.id;
}

/** A new item, indented as the list's last one, on the line after it. */
function afterLast(text: string, seq: YAMLSeq, line: string): Insertion {
  const last = seq.items[seq.items.length - 1]!;
  const range = isScalar(last) || isMap(last) || isSeq(last) ? last.range : undefined;
  if (!range) throw new Error('a list item without a position');
  const lineStart = text.lastIndexOf('\n', range[0]) + 1;
  const indent = /^\s*/.exec(text.slice(lineStart))![0];
  const end = text.indexOf('\n', range[1] - 1);
  const at = end < 0 ? text.length : end;
  return { at, text: `\n${indent}- ${line}` };
}

function apply(text: string, insertions: Insertion[]): string {
  let out = text;
  // From the end, so earlier offsets stay right; at one offset the later question goes in first, to end up last.
  const order = insertions.map((ins, i) => ({ ...ins, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  for (const ins of order) out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);
  return out;
}
