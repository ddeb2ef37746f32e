import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { periodProblems } from './periods.js';
import {
  type CompactMeta,
  compactSchema,
  factsFileSchema,
  INTENT_NAMES,
  intentsFileSchema,
  outOfScopeFileSchema,
  principlesFileSchema,
  routesFileSchema,
  synonymsFileSchema,
  termsFileSchema,
  undertakingsFileSchema,
} from './schema.js';
import type { Compact, Entry, KnowledgeBase } from './types.js';
import { checkVerbatim } from './verbatim.js';

export class KnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(`The knowledge base has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n- ${problems.join('\n- ')}`);
    this.name = 'KnowledgeError';
  }
}

function formatPath(path: PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '') || '(top level)'
  );
}

export function termSlug(term: string): string {
  return term
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const MODEL_FILE = 'model.json';

class Loader {
  readonly problems: string[] = [];
  constructor(private readonly root: string) {}

  private name(file: string): string {
    return relative(join(this.root, '..'), file);
  }

  readYaml<T extends z.ZodType>(file: string, schema: T): z.infer<T> | undefined {
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch (error) {
      this.problems.push(`${this.name(file)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return undefined;
    }
    const doc = parseDocument(raw, { prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) this.problems.push(`${this.name(file)}: not valid YAML: ${e.message.split('\n')[0]}`);
      return undefined;
    }
    let value: unknown;
    try {
      // Resolving aliases can still fail after a clean parse, e.g. "Excessive alias count" for an alias bomb.
      value = doc.toJS();
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      const why = /alias/i.test(message ?? '')
        ? 'refused because its aliases expand too far; remove the aliases (& and *) from it'
        : 'not valid YAML';
      this.problems.push(`${this.name(file)}: ${why} (${message})`);
      return undefined;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        this.problems.push(`${this.name(file)}: ${formatPath(issue.path)}: ${issue.message}`);
      }
      return undefined;
    }
    return parsed.data;
  }

  /** A JSON file if it is there; its shape is checked by whoever uses it. */
  readJson(file: string): unknown {
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch (error) {
      this.problems.push(`${this.name(file)}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  loadCompact(dir: string): Compact | undefined {
    const meta = this.readYaml(join(dir, 'compact.yml'), compactSchema);
    if (!meta) return undefined;
    const texts = new Map<string, string>();
    for (const source of meta.sources) {
      const file = join(dir, source.file);
      if (!existsSync(file)) {
        this.problems.push(
          `${this.name(join(dir, 'compact.yml'))}: source "${source.id}" names ${source.file}, which is not in ${this.name(dir)}`,
        );
        continue;
      }
      const text = readFileSync(file, 'utf8');
      texts.set(source.id, text);
      if (source.url && !namesAddress(text, source.url)) {
        const where = this.name(join(dir, 'compact.yml'));
        this.problems.push(`${where}: source "${source.id}" gives the address ${source.url}, which ${source.file} does not name`);
      }
    }
    const entries: Entry[] = [];
    const optional = <T extends z.ZodType>(file: string, schema: T) =>
      existsSync(join(dir, file)) ? this.readYaml(join(dir, file), schema) : undefined;

    const base = (file: string, where: string, sourceId: string) => {
      const source = meta.sources.find((s) => s.id === sourceId);
      if (!source) this.problems.push(`${this.name(join(dir, file))}: ${where}: source "${sourceId}" is not listed in compact.yml`);
      return source;
    };

    for (const [g, group] of (optional('undertakings.yml', undertakingsFileSchema) ?? []).entries()) {
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
    for (const [i, p] of (optional('principles.yml', principlesFileSchema) ?? []).entries()) {
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
    for (const [i, t] of (optional('terms.yml', termsFileSchema) ?? []).entries()) {
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
    for (const [i, r] of (optional('routes.yml', routesFileSchema) ?? []).entries()) {
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
    for (const [i, f] of (optional('facts.yml', factsFileSchema) ?? []).entries()) {
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
    this.checkEntries(dir, meta, texts, entries as (Entry & { origin: Origin })[]);
    for (const e of entries) delete (e as Partial<Entry & { origin: Origin }>).origin;
    return { meta, texts, entries };
  }

  private checkEntries(dir: string, meta: CompactMeta, texts: Map<string, string>, entries: (Entry & { origin: Origin })[]) {
    const seen = new Map<string, Origin>();
    for (const e of entries) {
      const where = `${this.name(join(dir, e.origin.file))}: ${e.origin.path} (${e.id})`;
      const first = seen.get(e.key);
      if (first) this.problems.push(`${where}: duplicate ${e.kind} id "${e.id}" in ${meta.name}; first at ${first.file} ${first.path}`);
      else seen.set(e.key, e.origin);
      this.problems.push(...periodProblems(e).map((p) => `${where}: ${p}`));
      const sourceText = texts.get(e.source.id);
      if (sourceText === undefined) continue;
      for (const [field, quote] of quotedFields(e)) {
        const result = checkVerbatim(quote, sourceText);
        if (!result.ok) {
          const lead = quote.split(/\s+/).slice(0, 6).join(' ');
          this.problems.push(
            `${where}: ${field} "${lead}…" is not verbatim in ${e.source.title}: it differs from the source at "${result.differsAt}" (after ${result.matchedWords} matching words)`,
          );
        }
      }
    }
  }
}

interface Origin {
  file: string;
  path: string;
}

function withOrigin(entry: Entry, file: string, path: string): Entry {
  return Object.assign(entry, { origin: { file, path } });
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

export const FILE_OF_KIND = {
  undertaking: 'undertakings.yml',
  principle: 'principles.yml',
  term: 'terms.yml',
  route: 'routes.yml',
  fact: 'facts.yml',
} as const;

/** An example question teaches the model one answer: the same question under two labels is refused, naming both. */
function askedTwice(labelled: { where: string; asked: string[] }[]): string[] {
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

/** Loads and validates every compact under `root`; throws KnowledgeError listing every problem found. */
/** An address counts as the source's own when the source names it, with or without its scheme and "www.". */
function namesAddress(text: string, url: string): boolean {
  const bare = url
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '');
  return text.includes(url) || text.includes(bare);
}

export function loadKnowledge(root: string): KnowledgeBase {
  const loader = new Loader(root);
  if (!existsSync(root)) throw new KnowledgeError([`${root}: the knowledge folder does not exist`]);
  const dirs = readdirSync(root)
    .filter((d) => statSync(join(root, d)).isDirectory())
    .sort();
  const compacts: Compact[] = [];
  for (const d of dirs) {
    const c = loader.loadCompact(join(root, d));
    if (c) {
      if (c.meta.id !== d) loader.problems.push(`${d}/compact.yml: id "${c.meta.id}" must match its folder name "${d}"`);
      compacts.push(c);
    }
  }
  if (dirs.length === 0) loader.problems.push(`${root}: no compact folders found`);
  const synonymsFile = join(root, 'synonyms.yml');
  const synonyms = existsSync(synonymsFile) ? (loader.readYaml(synonymsFile, synonymsFileSchema)?.groups ?? []) : [];
  const optionalFile = <T extends z.ZodType>(name: string, schema: T) =>
    existsSync(join(root, name)) ? loader.readYaml(join(root, name), schema) : undefined;
  const intentsFile = optionalFile('intents.yml', intentsFileSchema);
  const intents = INTENT_NAMES.map((intent) => ({ intent, asked: intentsFile?.[intent] ?? [] }));
  const outOfScope = optionalFile('out-of-scope.yml', outOfScopeFileSchema) ?? [];
  loader.problems.push(
    ...askedTwice([
      ...compacts.flatMap((c) => c.entries).map((e) => ({ where: `${e.compact}/${FILE_OF_KIND[e.kind]} (${e.id})`, asked: e.asked })),
      ...intents.map((i) => ({ where: `intents.yml (${i.intent})`, asked: i.asked })),
      ...outOfScope.map((o) => ({ where: `out-of-scope.yml (${o.subject})`, asked: o.asked })),
    ]),
  );
  const model = loader.readJson(join(root, MODEL_FILE));
  if (loader.problems.length > 0) throw new KnowledgeError(loader.problems);
  return { compacts, entries: compacts.flatMap((c) => c.entries), synonyms, intents, outOfScope, model };
}
