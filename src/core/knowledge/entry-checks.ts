import type { EntryWithOrigin, Origin } from './compact-entries.js';
import { periodProblems } from './periods.js';
import type { CompactMeta } from './schema.js';
import type { Entry } from './types.js';
import { checkVerbatim } from './verbatim.js';

export function entryProblems(
  meta: CompactMeta,
  texts: Map<string, string>,
  entries: EntryWithOrigin[],
  nameOf: (origin: Origin) => string,
): string[] {
  const problems: string[] = [];
  const seen = new Map<string, Origin>();
  for (const e of entries) {
    const where = `${nameOf(e.origin)}: ${e.origin.path} (${e.id})`;
    const first = seen.get(e.key);
    if (first) problems.push(`${where}: duplicate ${e.kind} id "${e.id}" in ${meta.name}; first at ${first.file} ${first.path}`);
    else seen.set(e.key, e.origin);
    problems.push(...periodProblems(e).map((p) => `${where}: ${p}`));
    const sourceText = texts.get(e.source.id);
    if (sourceText === undefined) continue;
    for (const [field, quote] of quotedFields(e)) {
      const result = checkVerbatim(quote, sourceText);
      if (!result.ok) {
        const lead = quote.split(/\s+/).slice(0, 6).join(' ');
        problems.push(
          `${where}: ${field} "${lead}…" is not verbatim in ${e.source.title}: ` +
            `it differs from the source at "${result.differsAt}" (after ${result.matchedWords} matching words)`,
        );
      }
    }
  }
  return problems;
}

function quotedFields(e: Entry): [string, string][] {
  const out: [string, string][] = [];
  if (e.kind === 'term') {
    if (e.term?.definition) out.push(['definition', e.term.definition]);
    if (e.term?.expansion) out.push(['expansion', e.term.expansion]);
  } else if (e.kind === 'route') {
    e.route?.text.forEach((t, i) => out.push([`text[${i}]`, t]));
    e.route?.contacts.forEach((c, i) => {
      for (const [k, v] of Object.entries(c)) if (typeof v === 'string') out.push([`contacts[${i}].${k}`, v]);
    });
  } else {
    out.push(['text', e.text]);
  }
  if (e.kind === 'undertaking') {
    if (e.section) out.push(['section', e.section]);
    if (e.heading) out.push(['heading', e.heading]);
  } else if (e.kind === 'principle' && e.heading) {
    out.push(['heading', e.heading]);
  }
  return out;
}

/** An example question teaches the model one answer: the same question under two labels is refused, naming both. */
export function askedTwice(labelled: { where: string; asked: string[] }[]): string[] {
  const first = new Map<string, string>();
  const problems: string[] = [];
  for (const { where, asked } of labelled) {
    for (const q of asked) {
      const key = normalizeAsked(q);
      const other = first.get(key);
      if (other !== undefined && other !== where)
        problems.push(`${where}: asked "${q}" is also asked on ${other}; an example question belongs to one item or intent`);
      else first.set(key, where);
    }
  }
  return problems;
}

export function normalizeAsked(q: string): string {
  return q
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** An address counts as the source's own when the source names it, with or without its scheme and "www.". */
export function namesAddress(text: string, url: string): boolean {
  const bare = url
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '');
  return text.includes(url) || text.includes(bare);
}
