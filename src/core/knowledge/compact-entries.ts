import type { z } from 'zod';
import type {
  CompactMeta,
  factsFileSchema,
  principlesFileSchema,
  routesFileSchema,
  SourceDoc,
  termsFileSchema,
  undertakingsFileSchema,
} from './schema.js';
import type { Entry } from './types.js';

export interface Origin {
  file: string;
  path: string;
}

export type EntryWithOrigin = Entry & { origin: Origin };

/** The source an item names, or undefined after recording that compact.yml does not list it. */
export type SourceLookup = (file: string, where: string, sourceId: string) => SourceDoc | undefined;

export function termSlug(term: string): string {
  return term
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function withOrigin(entry: Entry, file: string, path: string): EntryWithOrigin {
  return Object.assign(entry, { origin: { file, path } });
}

export function undertakingEntries(
  meta: CompactMeta,
  groups: z.infer<typeof undertakingsFileSchema> | undefined,
  base: SourceLookup,
): EntryWithOrigin[] {
  const entries: EntryWithOrigin[] = [];
  for (const [g, group] of (groups ?? []).entries()) {
    const source = base('undertakings.yml', `[${g}]`, group.source);
    if (!source) continue;
    for (const [i, item] of group.items.entries()) {
      entries.push(
        withOrigin(
          {
            key: `${meta.id}:undertaking:${item.id}`,
            kind: 'undertaking',
            compact: meta.id,
            id: item.id,
            title: item.title,
            text: item.text,
            source,
            section: group.section,
            heading: group.heading,
            by: group.by,
            keywords: item.keywords,
            asked: item.asked,
            period: item.period,
          },
          'undertakings.yml',
          `[${g}].items[${i}]`,
        ),
      );
    }
  }
  return entries;
}

export function principleEntries(
  meta: CompactMeta,
  principles: z.infer<typeof principlesFileSchema> | undefined,
  base: SourceLookup,
): EntryWithOrigin[] {
  const entries: EntryWithOrigin[] = [];
  for (const [i, p] of (principles ?? []).entries()) {
    const source = base('principles.yml', `[${i}]`, p.source);
    if (!source) continue;
    entries.push(
      withOrigin(
        {
          key: `${meta.id}:principle:${p.id}`,
          kind: 'principle',
          compact: meta.id,
          id: p.id,
          title: p.title,
          text: p.text,
          source,
          heading: p.heading,
          group: p.kind,
          keywords: p.keywords,
          asked: p.asked,
          period: p.period,
        },
        'principles.yml',
        `[${i}]`,
      ),
    );
  }
  return entries;
}

export function termEntries(meta: CompactMeta, terms: z.infer<typeof termsFileSchema> | undefined, base: SourceLookup): EntryWithOrigin[] {
  const entries: EntryWithOrigin[] = [];
  for (const [i, t] of (terms ?? []).entries()) {
    const source = base('terms.yml', `[${i}]`, t.source);
    if (!source) continue;
    const id = termSlug(t.term);
    entries.push(
      withOrigin(
        {
          key: `${meta.id}:term:${id}`,
          kind: 'term',
          compact: meta.id,
          id,
          title: t.term,
          text: t.definition ?? t.expansion ?? '',
          source,
          keywords: [...t.aliases, ...(t.acronym ? [t.acronym] : [])],
          asked: t.asked,
          term: t,
        },
        'terms.yml',
        `[${i}]`,
      ),
    );
  }
  return entries;
}

export function routeEntries(
  meta: CompactMeta,
  routes: z.infer<typeof routesFileSchema> | undefined,
  base: SourceLookup,
): EntryWithOrigin[] {
  const entries: EntryWithOrigin[] = [];
  for (const [i, r] of (routes ?? []).entries()) {
    const source = base('routes.yml', `[${i}]`, r.source);
    if (!source) continue;
    entries.push(
      withOrigin(
        {
          key: `${meta.id}:route:${r.id}`,
          kind: 'route',
          compact: meta.id,
          id: r.id,
          title: r.title,
          text: r.text.join('\n\n'),
          source,
          keywords: [],
          asked: r.asked,
          route: r,
        },
        'routes.yml',
        `[${i}]`,
      ),
    );
  }
  return entries;
}

export function factEntries(meta: CompactMeta, facts: z.infer<typeof factsFileSchema> | undefined, base: SourceLookup): EntryWithOrigin[] {
  const entries: EntryWithOrigin[] = [];
  for (const [i, f] of (facts ?? []).entries()) {
    const source = base('facts.yml', `[${i}]`, f.source);
    if (!source) continue;
    entries.push(
      withOrigin(
        {
          key: `${meta.id}:fact:${f.id}`,
          kind: 'fact',
          compact: meta.id,
          id: f.id,
          title: f.title,
          text: f.text,
          source,
          heading: f.topic,
          keywords: f.keywords,
          asked: f.asked,
          period: f.period,
        },
        'facts.yml',
        `[${i}]`,
      ),
    );
  }
  return entries;
}
