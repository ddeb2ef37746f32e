import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/channels/slack/commands.js';
import type { KnowledgeBase } from '../../../src/core/knowledge/types.js';

const kb = {
  compacts: [{ meta: { id: 'halton', name: 'Halton Local Compact', area: 'Halton', aliases: [] } }],
  entries: [],
  synonyms: [],
} as unknown as KnowledgeBase;

describe('/compact subcommands', () => {
  it('reads help, reports and define', () => {
    expect(parseCommand('', kb)).toEqual({ kind: 'help' });
    expect(parseCommand('  Help ', kb)).toEqual({ kind: 'help' });
    expect(parseCommand('reports', kb)).toEqual({ kind: 'reports' });
    expect(parseCommand('define LSP', kb)).toEqual({ kind: 'define', term: 'LSP' });
    expect(parseCommand('define', kb)).toEqual({ kind: 'define', term: '' });
  });

  it('opens a form for report and signup, with a compact when one is named', () => {
    expect(parseCommand('report', kb)).toEqual({ kind: 'form', flowId: 'breach' });
    expect(parseCommand('signup', kb)).toEqual({ kind: 'form', flowId: 'signup' });
    expect(parseCommand('sign-up Halton', kb)).toEqual({ kind: 'form', flowId: 'signup', compact: 'halton' });
  });

  it('treats anything else, including questions that start with a subcommand word, as a question', () => {
    expect(parseCommand('what notice is required?', kb)).toEqual({ kind: 'ask', text: 'what notice is required?' });
    expect(parseCommand('report deadlines for grants?', kb)).toEqual({ kind: 'ask', text: 'report deadlines for grants?' });
    expect(parseCommand('help with consultation periods', kb)).toEqual({ kind: 'ask', text: 'help with consultation periods' });
    expect(parseCommand('reports on funding', kb)).toEqual({ kind: 'ask', text: 'reports on funding' });
  });
});
