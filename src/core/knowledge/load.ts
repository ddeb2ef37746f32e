import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { type EntryWithOrigin, factEntries, principleEntries, routeEntries, termEntries, undertakingEntries } from './compact-entries.js';
import { askedTwice, entryProblems, namesAddress } from './entry-checks.js';
import { KnowledgeReader } from './knowledge-reader.js';
import {
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

export class KnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(`The knowledge base has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n- ${problems.join('\n- ')}`);
    this.name = 'KnowledgeError';
  }
}

export const MODEL_FILE = 'model.json';

class Loader extends KnowledgeReader {
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
    const optional = <T extends z.ZodType>(file: string, schema: T) => this.readOptionalYaml(join(dir, file), schema);
    const base = (file: string, where: string, sourceId: string) => {
      const source = meta.sources.find((s) => s.id === sourceId);
      if (!source) this.problems.push(`${this.name(join(dir, file))}: ${where}: source "${sourceId}" is not listed in compact.yml`);
      return source;
    };
    const entries: EntryWithOrigin[] = [
      ...undertakingEntries(meta, optional('undertakings.yml', undertakingsFileSchema), base),
      ...principleEntries(meta, optional('principles.yml', principlesFileSchema), base),
      ...termEntries(meta, optional('terms.yml', termsFileSchema), base),
      ...routeEntries(meta, optional('routes.yml', routesFileSchema), base),
      ...factEntries(meta, optional('facts.yml', factsFileSchema), base),
    ];
    this.problems.push(...entryProblems(meta, texts, entries, (origin) => this.name(join(dir, origin.file))));
    for (const e of entries) delete (e as Partial<EntryWithOrigin>).origin;
    return { meta, texts, entries: entries as Entry[] };
  }
}

export const FILE_OF_KIND = {
  undertaking: 'undertakings.yml',
  principle: 'principles.yml',
  term: 'terms.yml',
  route: 'routes.yml',
  fact: 'facts.yml',
} as const;

/** Loads and validates every compact under `root`; throws KnowledgeError listing every problem found. */
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
  const synonyms = loader.readOptionalYaml(join(root, 'synonyms.yml'), synonymsFileSchema)?.groups ?? [];
  const intentsFile = loader.readOptionalYaml(join(root, 'intents.yml'), intentsFileSchema);
  const intents = INTENT_NAMES.map((intent) => ({ intent, asked: intentsFile?.[intent] ?? [] }));
  const outOfScope = loader.readOptionalYaml(join(root, 'out-of-scope.yml'), outOfScopeFileSchema) ?? [];
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
