import type { Compact, Entry, KnowledgeBase } from '../knowledge/types.js';
import type { Action, Block, Citation, Hit, Intent, Reply } from './reply.js';

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
  const blocks: Block[] = [
    {
      type: 'text',
      text: `I answer questions about the Local Compacts (${listCompacts(kb)}) with the commitment itself, quoted and cited. I also explain the jargon, help you sign an organisation up, and help you report a suspected breach.`,
    },
    { type: 'text', text: 'Ask in your own words, for example:' },
    { type: 'fields', items: EXAMPLES.map((e) => ({ label: '•', value: e })) },
    {
      type: 'text',
      text: `Name a compact in your question to ask about it alone, or say "use Dacorum" to make one the default${defaultCompact ? ` (now: ${compactName(kb, defaultCompact)})` : ''}. Say "sign up" or "report a breach" to start a guided form; "cancel" leaves it at any time.`,
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
