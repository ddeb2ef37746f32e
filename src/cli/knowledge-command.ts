import { termSlug } from '../core/knowledge/compact-entries.js';
import { KnowledgeError, loadKnowledge } from '../core/knowledge/load.js';
import type { Compact, Entry, EntryKind, KnowledgeBase } from '../core/knowledge/types.js';
import { editDistance } from '../core/search/vocabulary.js';

export interface KnowledgeIo {
  out: (line: string) => void;
  err: (line: string) => void;
  knowledgeDir: string;
}

const USAGE = 'usage: compact-bot knowledge check | knowledge show <compact> <id>';
const KINDS: EntryKind[] = ['undertaking', 'principle', 'term', 'route', 'fact'];
const GIVEN_BY = { statutory: 'statutory bodies', vcs: 'the voluntary and community sector', joint: 'jointly' } as const;

/** `knowledge check` and `knowledge show`; returns the exit code. */
export async function knowledgeCommand(args: string[], io: KnowledgeIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'check' && sub !== 'show') {
    io.err(USAGE);
    return 2;
  }
  if (sub === 'show' && rest.length !== 2) {
    io.err('usage: compact-bot knowledge show <compact> <id>   e.g. knowledge show hertfordshire 4.4');
    return 2;
  }
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledge(io.knowledgeDir);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    io.err(`The knowledge base in ${io.knowledgeDir} has ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}:`);
    for (const p of error.problems) io.err(`- ${p}`);
    return 1;
  }
  return sub === 'check' ? check(kb, io) : show(kb, rest[0]!, rest[1]!, io);
}

function counts(entries: Entry[]): string {
  return KINDS.map((k) => {
    const n = entries.filter((e) => e.kind === k).length;
    return `${n} ${k}${n === 1 ? '' : 's'}`;
  }).join(', ');
}

/** Example questions each item needs, at least, for the answer model to learn how people ask for it. */
const MIN_ASKED: Record<EntryKind, number> = { undertaking: 8, fact: 8, route: 8, principle: 4, term: 4 };

function check(kb: KnowledgeBase, io: KnowledgeIo): number {
  for (const c of kb.compacts) io.out(`${c.meta.name}: ${counts(c.entries)}`);
  io.out(
    `Total: ${kb.compacts.length} compact${kb.compacts.length === 1 ? '' : 's'}, ${counts(kb.entries)}; ` +
      'every quote verified against its source.',
  );
  const asked = kb.entries.map((e) => e.asked.length);
  const intents = kb.intents.map((i) => `${i.intent} ${i.asked.length}`).join(', ');
  const onItems = asked.reduce((a, b) => a + b, 0);
  const outOfScope = kb.outOfScope.reduce((s, o) => s + o.asked.length, 0);
  io.out(
    `Example questions: ${onItems} on items (${Math.min(...asked)} to ${Math.max(...asked)} each); ` +
      `intents: ${intents}; out of scope: ${outOfScope}.`,
  );
  const short = kb.entries.filter((e) => e.asked.length < MIN_ASKED[e.kind]);
  for (const e of short)
    io.err(`- ${e.compact} ${e.id} (${e.kind}): ${e.asked.length} example questions, needs at least ${MIN_ASKED[e.kind]}`);
  if (short.length > 0) io.err(`${short.length} item${short.length === 1 ? ' has' : 's have'} too few example questions (asked:).`);
  return short.length > 0 ? 1 : 0;
}

function findCompact(kb: KnowledgeBase, name: string): Compact | undefined {
  const n = name.trim().toLowerCase();
  return kb.compacts.find((c) => [c.meta.id, c.meta.area, c.meta.name, ...c.meta.aliases].some((x) => x.toLowerCase() === n));
}

function findEntry(c: Compact, id: string): Entry | undefined {
  const wanted = [id, id.toLowerCase(), termSlug(id)];
  for (const kind of KINDS) {
    const found = c.entries.find(
      (e) => e.kind === kind && (wanted.includes(e.id) || (kind === 'term' && e.term?.acronym?.toLowerCase() === id.toLowerCase())),
    );
    if (found) return found;
  }
  return undefined;
}

/** Ids within a small edit distance of `id`, whole or by hyphenated part ("tme" finds 8.2-time). */
function closeIds(c: Compact, id: string): string[] {
  const n = id.toLowerCase();
  const ids = [...new Set(c.entries.map((e) => e.id))];
  return ids
    .map((x) => {
      const parts = [x, ...x.split('-').filter((p) => p.length >= 4 || /\d/.test(p))];
      return { x, d: parts.some((p) => p.startsWith(n)) ? 0.5 : Math.min(...parts.map((p) => editDistance(n, p))) };
    })
    .filter((s) => s.d <= Math.max(1, Math.floor(n.length / 3)))
    .sort((a, b) => a.d - b.d || a.x.localeCompare(b.x, 'en', { numeric: true }))
    .slice(0, 6)
    .map((s) => s.x);
}

function show(kb: KnowledgeBase, compactName: string, id: string, io: KnowledgeIo): number {
  const c = findCompact(kb, compactName);
  if (!c) {
    io.err(`There is no compact "${compactName}". Valid compacts: ${kb.compacts.map((x) => `${x.meta.id} (${x.meta.name})`).join(', ')}.`);
    return 1;
  }
  const e = findEntry(c, id);
  if (!e) {
    const close = closeIds(c, id);
    io.err(
      close.length > 0
        ? `The ${c.meta.name} has no entry "${id}". Did you mean: ${close.join(', ')}?`
        : `The ${c.meta.name} has no entry "${id}". Its entries include: ${c.entries
            .slice(0, 8)
            .map((x) => x.id)
            .join(', ')}, …`,
    );
    return 1;
  }
  for (const line of describe(c, e)) io.out(line);
  return 0;
}

function describe(c: Compact, e: Entry): string[] {
  const s = e.source;
  const lines = [`${c.meta.name} ${e.id} (${e.kind}): ${e.title}`, `Source: ${s.title} (${s.publisher}, ${s.year}; ${s.status})`];
  if (e.section) lines.push(`Section: ${e.section}`);
  if (e.heading) lines.push(`${e.kind === 'fact' ? 'Topic' : 'Heading'}: ${e.heading}`);
  if (e.by) lines.push(`Given by: ${GIVEN_BY[e.by]}`);
  if (e.term?.acronym && e.term.expansion) lines.push(`${e.term.acronym} stands for “${e.term.expansion}”`);
  if (e.kind !== 'term' || e.term?.definition) lines.push(`“${e.kind === 'term' ? e.term!.definition : e.text}”`);
  for (const p of e.route?.contacts ?? []) {
    lines.push(`Contact: ${[p.name, p.role, p.organisation, p.phone, p.email, p.web].filter(Boolean).join(', ')}`);
  }
  return lines;
}
