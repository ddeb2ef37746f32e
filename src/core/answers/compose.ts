import type { Compact, Entry, KnowledgeBase } from '../knowledge/types.js';
import type { Analysis } from './analyze.js';
import type { Action, Block, Citation, Hit, Intent, Reply } from './reply.js';

/** Replies for each decision of the answer pipeline: the only place its user-facing wording lives. */

const BY_LABEL = {
  statutory: 'statutory organisations',
  vcs: 'the voluntary and community sector',
  joint: 'both sectors jointly',
} as const;

export function citationOf(kb: KnowledgeBase, e: Entry): Citation {
  const compact = kb.compacts.find((c) => c.meta.id === e.compact)!;
  return {
    compact: e.compact,
    compactName: compact.meta.name,
    sourceTitle: e.source.title,
    ref: e.id,
    section: e.kind === 'undertaking' ? [e.section, e.heading?.replace(/:$/, '')].filter(Boolean).join(' › ') : e.heading,
    by: e.by,
    byLabel: e.by ? BY_LABEL[e.by] : undefined,
    ...(e.source.url ? { sourceUrl: e.source.url } : {}),
  };
}

export function hitOf(kb: KnowledgeBase, e: Entry, score: number): Hit {
  return {
    key: e.key,
    kind: e.kind,
    compact: e.compact,
    id: e.id,
    title: e.title,
    text: e.text,
    score: Math.round(score * 1000) / 1000,
    citation: citationOf(kb, e),
  };
}

/** "Hertfordshire Compact 4.4 · given by statutory organisations · Hertfordshire Compact: Working Together…" */
export function citationLine(c: Citation): string {
  const what = /^\d/.test(c.ref) ? `${c.compactName} ${c.ref}` : c.compactName;
  const parts = [what];
  if (c.section && !/^\d/.test(c.ref)) parts.push(c.section);
  if (c.byLabel) parts.push(`given by ${c.byLabel}`);
  if (c.sourceTitle !== c.compactName) parts.push(c.sourceTitle);
  return parts.join(' · ');
}

export function reply(intent: Intent, blocks: Block[], extra: Partial<Reply> = {}): Reply {
  return { intent, blocks, actions: [], hits: [], ...extra };
}

export function compactName(kb: KnowledgeBase, id: string): string {
  return kb.compacts.find((c) => c.meta.id === id)?.meta.name ?? id;
}

export function listCompacts(kb: KnowledgeBase): string {
  const names = kb.compacts.map((c) => c.meta.name);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
}

export const EXAMPLES = [
  'What notice is required before our funding is cut?',
  'How long should a consultation last?',
  'What is an LSP?',
  'Can we campaign against the council even though they fund us?',
  'Is the compact legally binding?',
];

export function helpReply(kb: KnowledgeBase, defaultCompact?: string): Reply {
  const now = defaultCompact ? ` (now: ${compactName(kb, defaultCompact)})` : '';
  const blocks: Block[] = [
    {
      type: 'text',
      text:
        `I answer questions about the Local Compacts (${listCompacts(kb)}) with the commitment itself, quoted and cited. ` +
        'I also explain the jargon, help you sign an organisation up, and help you report a suspected breach.',
    },
    { type: 'text', text: 'Ask in your own words, for example:' },
    { type: 'fields', items: EXAMPLES.map((e) => ({ label: '•', value: e })) },
    {
      type: 'text',
      text:
        `Name a compact in your question to ask about it alone, or say "use Dacorum" to make one the default${now}. ` +
        'Say "sign up" or "report a breach" to start a guided form; "cancel" leaves it at any time.',
    },
  ];
  const actions: Action[] = [
    ...EXAMPLES.slice(0, 3).map((e) => ({ label: e, value: e })),
    { label: 'Sign up an organisation', value: 'sign up' },
    { label: 'Report a breach', value: 'report a breach' },
  ];
  return reply('help', blocks, { actions });
}

export function routeBlocks(kb: KnowledgeBase, compacts: Compact[], kind: 'signup' | 'dispute'): { blocks: Block[]; hits: Hit[] } {
  const blocks: Block[] = [];
  const hits: Hit[] = [];
  for (const c of compacts) {
    const routes = c.entries.filter((e) => e.kind === 'route' && e.route?.kind === kind);
    if (routes.length === 0) {
      blocks.push({
        type: 'text',
        text: `The ${c.meta.name} sources do not set out a ${kind === 'signup' ? 'sign-up' : 'dispute or breach'} route.`,
      });
      continue;
    }
    for (const r of routes) {
      const hit = hitOf(kb, r, 1);
      hits.push(hit);
      blocks.push({ type: 'quote', hit });
      const contacts = r.route?.contacts ?? [];
      if (contacts.length > 0) {
        blocks.push({
          type: 'fields',
          items: contacts.map((p) => ({
            label: p.name,
            value: [p.role, p.organisation, p.phone, p.email, p.web].filter(Boolean).join(', '),
          })),
        });
      }
    }
  }
  return { blocks, hits };
}

const itemAction = (e: Entry): Action => ({ label: e.title, value: `${e.compact} ${e.id}` });

export const SIGN_UP: Action = { label: 'Sign up an organisation', value: 'sign up', style: 'primary' };
export const REPORT: Action = { label: 'Report a suspected breach', value: 'report a breach', style: 'primary' };

export function correctionNote(a: Analysis): Block | undefined {
  if (a.corrections.length === 0) return undefined;
  return {
    type: 'text',
    text: `(Reading "${a.corrections.map((c) => c.from).join('", "')}" as "${a.corrections.map((c) => c.to).join('", "')}".)`,
  };
}

export function itemReply(kb: KnowledgeBase, question: string, e: Entry): Reply {
  if (e.kind === 'term') return defineReply(kb, question, [e]);
  const hit = hitOf(kb, e, 1);
  return reply('answer', [{ type: 'quote', hit }], { hits: [hit], feedback: { question, keys: [hit.key] } });
}

export function defineReply(kb: KnowledgeBase, question: string, terms: Entry[]): Reply {
  const hits = terms.slice(0, 4).map((e) => hitOf(kb, e, 1));
  const blocks: Block[] = [];
  for (const [i, hit] of hits.entries()) {
    const t = terms[i]!.term!;
    const heading = t.acronym && t.expansion ? `${t.acronym}: ${t.expansion}` : t.term;
    // Two compacts explaining the same term share its heading.
    if (!blocks.some((b) => b.type === 'heading' && b.text === heading)) blocks.push({ type: 'heading', text: heading });
    if (t.definition) blocks.push({ type: 'quote', hit });
    else blocks.push({ type: 'text', text: `${t.acronym ?? t.term} stands for “${t.expansion}” (${hit.citation.compactName}).` });
  }
  return reply('define', blocks, { hits, feedback: { question, keys: hits.map((h) => h.key) } });
}

export function suggestReply(items: Entry[]): Reply {
  return reply('unknown', [{ type: 'text', text: 'I am not sure which of these you mean. Pick one, or ask again in other words:' }], {
    actions: items.map(itemAction),
  });
}

export function declineReply(kb: KnowledgeBase, nearest: Entry | undefined): Reply {
  const blocks: Block[] = [
    { type: 'text', text: `That is outside what I know: the Local Compacts (${listCompacts(kb)}) do not cover it.` },
  ];
  if (nearest)
    blocks.push({
      type: 'text',
      text:
        'The nearest thing they do cover, though it does not answer your question, ' +
        `is "${nearest.title}" (${compactName(kb, nearest.compact)}).`,
    });
  else
    blocks.push({
      type: 'text',
      text:
        'Try asking about notice periods, consultation, funding, independence and campaigning, ' +
        'or a term such as "LSP"; or say "report a breach" or "sign up".',
    });
  const actions = nearest ? [itemAction(nearest)] : EXAMPLES.slice(0, 3).map((e) => ({ label: e, value: e }));
  return reply('unknown', blocks, { actions });
}

export function thanksReply(): Reply {
  return reply('thanks', [{ type: 'text', text: 'Glad to help. Ask me anything else about the compacts.' }]);
}

export function defaultCompactReply(kb: KnowledgeBase, id: string | undefined): Reply {
  const text = id
    ? `Now answering from the ${compactName(kb, id)} unless you name another compact. Say "use all compacts" to go back.`
    : `Now answering from all the compacts: ${listCompacts(kb)}.`;
  return reply('use', [{ type: 'text', text }]);
}

export function byReference(kb: KnowledgeBase, refs: string[], scope: string[]): Reply | undefined {
  const matches = kb.entries.filter((e) => refs.includes(e.id) && (scope.length === 0 || scope.includes(e.compact)));
  if (matches.length === 0) return undefined;
  const hits = matches.slice(0, 4).map((e) => hitOf(kb, e, 1));
  return reply(
    'answer',
    hits.map((hit): Block => ({ type: 'quote', hit })),
    { hits },
  );
}

export function routeReply(kb: KnowledgeBase, flow: 'signup' | 'breach', scope: string[]): Reply {
  const compacts: Compact[] = scope.length > 0 ? kb.compacts.filter((c) => scope.includes(c.meta.id)) : kb.compacts;
  const { blocks, hits } = routeBlocks(kb, compacts, flow === 'signup' ? 'signup' : 'dispute');
  const lead =
    flow === 'signup'
      ? 'This is how the compacts say an organisation signs up:'
      : 'This is what the compacts say about raising a dispute or a suspected breach:';
  return reply(flow, [{ type: 'text', text: lead }, ...blocks], { hits, actions: [flow === 'signup' ? SIGN_UP : REPORT] });
}
