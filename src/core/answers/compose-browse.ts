import type { Compact, Entry, KnowledgeBase } from '../knowledge/types.js';
import { stem, words } from '../search/text.js';
import { compactName, reply } from './compose.js';
import type { Action, Block, Reply } from './reply.js';

/** Browsing a compact: a short page of titles with their numbers; each opens the full entry, Next and Previous turn the page. */

export const PAGE_SIZE = 10;

/** What can be browsed, by the names people use for it. */
const BROWSE_KINDS = {
  undertakings: { kinds: ['undertaking'], names: ['undertaking', 'commitment', 'promise'] },
  principles: { kinds: ['principle'], names: ['principle', 'aim', 'outcome', 'vision'] },
  glossary: { kinds: ['term'], names: ['glossary', 'term', 'jargon', 'definition', 'acronym', 'abbreviation'] },
  facts: { kinds: ['fact'], names: ['fact', 'background'] },
  contents: { kinds: ['principle', 'fact'], names: ['content', 'index'] },
} as const satisfies Record<string, { kinds: Entry['kind'][]; names: string[] }>;

type BrowseKind = keyof typeof BROWSE_KINDS;

export interface Browse {
  /** A compact id; none for every compact. */
  compact?: string;
  kind: BrowseKind;
  /** Stems an entry's title, keywords or section must share, e.g. "fund". */
  topic: string[];
  page: number;
}

const KIND_STEMS = new Map(Object.entries(BROWSE_KINDS).flatMap(([k, v]) => v.names.map((n) => [stem(n), k as BrowseKind] as const)));

/**
 * The browse a listing request asks for, from its content words (compact names and stop words already out): the kind it
 * names, and any other word that names a section or title as a topic.
 */
export function browseOf(kb: KnowledgeBase, content: string[], compact: string | undefined): Browse {
  const stems = content.map(stem);
  const named = stems.map((s) => KIND_STEMS.get(s)).find((k) => k !== undefined);
  const c = kb.compacts.find((x) => x.meta.id === compact);
  const kind = named ?? (c && !c.entries.some((e) => e.kind === 'undertaking') ? 'contents' : 'undertakings');
  const pool = entriesOf(kb, { compact, kind, topic: [], page: 1 });
  const topic = stems.filter((s) => !KIND_STEMS.has(s) && s.length > 2 && pool.some((e) => labelStems(e).has(s)));
  // A word most entries share ("compact", "undertakings" in every heading) does not narrow the list to a topic.
  const narrowing = topic.filter((s) => pool.filter((e) => labelStems(e).has(s)).length <= pool.length / 2);
  return { compact, kind, topic: narrowing, page: 1 };
}

function labelStems(e: Entry): Set<string> {
  return new Set(words([e.title, e.section ?? '', e.heading ?? '', ...e.keywords].join(' ')).map(stem));
}

function entriesOf(kb: KnowledgeBase, b: Browse): Entry[] {
  const kinds: readonly Entry['kind'][] = BROWSE_KINDS[b.kind].kinds;
  const compacts: Compact[] = b.compact ? kb.compacts.filter((c) => c.meta.id === b.compact) : kb.compacts;
  const all = compacts.flatMap((c) => c.entries.filter((e) => kinds.includes(e.kind)));
  if (b.kind === 'glossary') all.sort((x, y) => x.title.localeCompare(y.title, 'en-GB'));
  return b.topic.length === 0 ? all : all.filter((e) => b.topic.some((s) => labelStems(e).has(s)));
}

/** The exact command a page button sends: "list dacorum undertakings about fund page 2". */
function browseCommand(b: Browse): string {
  const about = b.topic.length > 0 ? ['about', b.topic.join(' ')] : [];
  return ['list', b.compact ?? 'all', b.kind, ...about, 'page', String(b.page)].join(' ');
}

const COMMAND = /^list ([a-z0-9-]+) ([a-z]+)(?: about ([a-z0-9 ]+?))? page (\d{1,4})$/;

export function parseBrowseCommand(kb: KnowledgeBase, text: string): Browse | undefined {
  const m = COMMAND.exec(text);
  if (!m || !(m[2]! in BROWSE_KINDS)) return undefined;
  const compact = m[1] === 'all' ? undefined : m[1];
  if (compact && !kb.compacts.some((c) => c.meta.id === compact)) return undefined;
  return { compact, kind: m[2] as BrowseKind, topic: m[3]?.split(' ') ?? [], page: Number(m[4]) };
}

const numbered = (e: Entry) => /^\d/.test(e.id);

/** One page of titles, numbered where the compact numbers them, each a button that opens the entry. */
export function browseReply(kb: KnowledgeBase, b: Browse, question: string): Reply {
  const all = entriesOf(kb, b);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, b.page), pages);
  const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const where = b.compact ? compactName(kb, b.compact) : 'All the compacts';
  const about = b.topic.length > 0 ? ` on "${b.topic.join(' ')}"` : '';
  if (shown.length === 0) {
    const what = b.kind === 'glossary' ? 'glossary terms' : b.kind;
    const text = `${where} has no ${what}${about} in its sources. Say "list ${b.compact ?? 'all'} contents" to see what it has.`;
    return reply('list', [{ type: 'text', text }], { actions: contentsActions(b.compact) });
  }
  const from = (page - 1) * PAGE_SIZE;
  const range = all.length > PAGE_SIZE ? `${from + 1}–${from + shown.length} of ${all.length}` : `${all.length}`;
  const label = (e: Entry) => (b.compact ? e.title : `${e.title} (${compactName(kb, e.compact)})`);
  const blocks: Block[] = [
    { type: 'heading', text: `${where}: ${b.kind === 'glossary' ? 'glossary' : b.kind}${about}, ${range}` },
    { type: 'fields', items: shown.map((e) => ({ label: numbered(e) ? e.id : '•', value: label(e) })) },
    { type: 'text', text: 'Choose one to read it in full.' },
  ];
  // A numbered entry's button is its number: the titles are in the list above it.
  const actions: Action[] = shown.map((e) => ({ label: numbered(e) ? e.id : e.title, value: `${e.compact} ${e.id}` }));
  if (page > 1) actions.push({ label: '◀ Previous', value: browseCommand({ ...b, page: page - 1 }) });
  if (page < pages) actions.push({ label: 'Next ▶', value: browseCommand({ ...b, page: page + 1 }) });
  return reply('list', blocks, { actions, feedback: { question, keys: [] } });
}

function contentsActions(compact: string | undefined): Action[] {
  return compact ? [{ label: 'Contents', value: browseCommand({ compact, kind: 'contents', topic: [], page: 1 }) }] : [];
}

/** With no compact named: each compact and what it has, with a button to browse it. */
export function compactsReply(kb: KnowledgeBase, question: string): Reply {
  const items = kb.compacts.map((c) => {
    const count = (kind: Entry['kind']) => c.entries.filter((e) => e.kind === kind).length;
    const counts = [`${count('undertaking')} undertakings`, `${count('principle')} principles`];
    counts.push(`${count('term')} glossary terms`, `${count('fact')} facts`);
    return { label: c.meta.name, value: counts.join(', ') };
  });
  const actions = kb.compacts.map((c): Action => {
    const kind: BrowseKind = c.entries.some((e) => e.kind === 'undertaking') ? 'undertakings' : 'contents';
    return { label: c.meta.name, value: browseCommand({ compact: c.meta.id, kind, topic: [], page: 1 }) };
  });
  const blocks: Block[] = [
    { type: 'heading', text: 'The compacts I know' },
    { type: 'fields', items },
    { type: 'text', text: 'Choose a compact to browse it.' },
  ];
  return reply('list', blocks, { actions, feedback: { question, keys: [] } });
}
