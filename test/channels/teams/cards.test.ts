import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../src/channels/teams/card-elements.js';
import { formCard } from '../../../src/channels/teams/form-card.js';
import { replyCard } from '../../../src/channels/teams/reply-card.js';
import { reply } from '../../../src/core/answers/compose.js';
import type { Hit } from '../../../src/core/answers/reply.js';
import { FLOWS } from '../../../src/core/flows/runner.js';
import type { KnowledgeBase } from '../../../src/core/knowledge/types.js';
import { submitsOf } from './harness.js';
import { cardProblems } from './validate-card.js';

const INJECTION = '[click](https://evil.example) **now** _please_ <at>Boss</at>';

const hit: Hit = {
  key: 'hertfordshire:undertaking:4.4',
  kind: 'undertaking',
  compact: 'hertfordshire',
  id: '4.4',
  title: 'Notice of funding changes',
  text: 'Give a minimum of three months’ notice\nin writing.',
  score: 1,
  citation: {
    compact: 'hertfordshire',
    compactName: 'Hertfordshire Compact',
    sourceTitle: 'Hertfordshire Compact',
    ref: '4.4',
    byLabel: 'statutory organisations',
  },
};

const hertfordshire = { meta: { id: 'hertfordshire', name: 'Hertfordshire Compact', area: 'Hertfordshire' }, entries: [] };
const kb = { compacts: [hertfordshire], entries: [] } as unknown as KnowledgeBase;

/** Every element of a card, depth first. */
function elements(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  return [o, ...['body', 'items', 'inlines', 'facts', 'actions'].flatMap((k) => elements(o[k]))];
}

describe('escapeMarkdown', () => {
  it('neutralises links, emphasis, mentions and list markers', () => {
    expect(escapeMarkdown(INJECTION)).toBe('\\[click\\]\\(https://evil.example\\) \\*\\*now\\*\\* \\_please\\_ \\<at\\>Boss\\</at\\>');
    expect(escapeMarkdown('- item\n1. first\n+ more')).toBe('\\- item\n1\\. first\n\\+ more');
    expect(escapeMarkdown('a\\b')).toBe('a\\\\b');
    expect(escapeMarkdown('Hertfordshire Compact 4.4 · given by statutory organisations')).toBe(
      'Hertfordshire Compact 4.4 · given by statutory organisations',
    );
  });
});

describe('reply cards', () => {
  const card = replyCard(
    reply(
      'answer',
      [
        { type: 'heading', text: `About ${INJECTION}` },
        { type: 'text', text: `You asked: ${INJECTION}` },
        { type: 'quote', hit },
        { type: 'fields', items: [{ label: 'Your organisation', value: INJECTION }] },
        { type: 'error', text: `"${INJECTION}" is not an email address` },
      ],
      {
        actions: [
          { label: 'Submit', value: 'submit', style: 'primary' },
          { label: 'Cancel', value: 'cancel', style: 'danger' },
        ],
        feedback: { question: INJECTION, keys: [hit.key] },
      },
    ),
  );
  const all = elements(card);

  it('are Adaptive Cards 1.5 with a plain-text fallback', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card.fallbackText).toContain('“Give a minimum of three months’ notice in writing.”');
    expect(card.fallbackText).toContain('— Hertfordshire Compact 4.4');
  });

  it('never let user text reach markdown unescaped', () => {
    for (const e of all.filter((x) => x.type === 'TextBlock')) expect(String(e.text)).not.toMatch(/(^|[^\\])[[\]()*_<>]/);
    for (const f of all.filter((x) => 'title' in x && 'value' in x)) {
      expect(String(f.value)).toBe(escapeMarkdown(INJECTION));
      expect(String(f.title)).toBe('Your organisation');
    }
    // Our text and errors (which may echo what was typed) are TextRuns: shown as typed, never read as markdown.
    const runs = all.filter((x) => x.type === 'TextRun').map((x) => String(x.text));
    expect(runs).toContain(`You asked: ${INJECTION}`);
    expect(runs).toContain(`"${INJECTION}" is not an email address`);
  });

  it('quote the compact in an emphasised container with the citation small and subtle beneath', () => {
    const quote = all.find((x) => x.type === 'Container')!;
    expect(quote.style).toBe('emphasis');
    const [words, citation] = quote.items as Record<string, unknown>[];
    expect(elements(words).find((x) => x.type === 'TextRun')).toMatchObject({
      text: '“Give a minimum of three months’ notice in writing.”',
      italic: true,
    });
    expect(citation).toMatchObject({
      type: 'TextBlock',
      isSubtle: true,
      size: 'Small',
      text: 'Hertfordshire Compact 4.4 · given by statutory organisations',
    });
  });

  it('show errors in the attention colour and map button styles', () => {
    expect(all.find((x) => x.type === 'TextRun' && String(x.text).includes('not an email'))).toMatchObject({ color: 'Attention' });
    const buttons = submitsOf(card);
    expect(buttons.slice(0, 2)).toEqual([
      { title: 'Submit', data: { compactBot: 'message', text: 'submit' } },
      { title: 'Cancel', data: { compactBot: 'message', text: 'cancel' } },
    ]);
    expect(all.filter((x) => x.type === 'Action.Submit').map((x) => x.style)).toEqual(['positive', 'destructive', undefined, undefined]);
    expect(buttons.slice(2).map((b) => b.data)).toEqual([
      { compactBot: 'feedback', helpful: true, question: INJECTION, keys: [hit.key] },
      { compactBot: 'feedback', helpful: false, question: INJECTION, keys: [hit.key] },
    ]);
  });
});

describe('form cards', () => {
  it('keep the values typed, put each error under its field, and cap the date at today', () => {
    const card = formCard(
      FLOWS.signup,
      kb,
      {
        values: { compact: 'hertfordshire', organisation: INJECTION, sector: 'vcs', email: 'nope', agree: 'no' },
        errors: { email: 'Not an email.', agree: 'Signing up means agreeing.' },
      },
      new Date('2026-03-04T12:00:00Z'),
    );
    const body = card.body as Record<string, unknown>[];
    const at = (id: string) => body.findIndex((e) => e.id === id);
    expect(body[at('organisation')]).toMatchObject({ type: 'Input.Text', value: INJECTION, maxLength: 200 });
    expect(body[at('compact')]).toMatchObject({
      type: 'Input.ChoiceSet',
      value: 'hertfordshire',
      choices: [{ title: 'Hertfordshire Compact', value: 'hertfordshire' }],
    });
    expect(body[at('sector')]).toMatchObject({ value: 'vcs', style: 'expanded' });
    expect(elements(body[at('email') + 2]).find((x) => x.type === 'TextRun')).toMatchObject({ text: 'Not an email.', color: 'Attention' });
    expect(elements(body[at('agree') + 2]).find((x) => x.type === 'TextRun')).toMatchObject({ text: 'Signing up means agreeing.' });
    expect(body[at('contactName') + 2]?.type).toBe('Input.Text');
    expect(elements(card).some((x) => x.type === 'TextRun' && /correct the 2 answers/.test(String(x.text)))).toBe(true);

    const breach = formCard(FLOWS.breach, kb, {}, new Date('2026-03-04T12:00:00Z'));
    expect((breach.body as Record<string, unknown>[]).find((e) => e.id === 'when')).toMatchObject({
      type: 'Input.Date',
      max: '2026-03-04',
      isRequired: true,
    });
  });

  it('match their client-side patterns to what the core accepts', () => {
    const card = formCard(FLOWS.signup, kb);
    const regex = (id: string) => new RegExp(String((card.body as Record<string, unknown>[]).find((e) => e.id === id)!.regex));
    expect(['1234567', '123456-1', '01234567', 'SC123456'].every((v) => regex('registration').test(v))).toBe(true);
    expect(['12345', 'ABC'].some((v) => regex('registration').test(v))).toBe(false);
    expect(['01234 567890', '+44 1234 567890'].every((v) => regex('phone').test(v))).toBe(true);
    expect(regex('email').test('name@example.org')).toBe(true);
    expect(regex('email').test('name at example')).toBe(false);
  });
});

describe('every card', () => {
  it('is a valid Adaptive Card 1.5 to Microsoft’s own library', () => {
    const extra = { hits: [hit], actions: [{ label: 'More', value: 'more' }], feedback: { question: 'q', keys: [hit.key] } };
    const answer = reply(
      'answer',
      [
        { type: 'text', text: INJECTION },
        { type: 'quote', hit },
      ],
      extra,
    );
    const errors = { email: 'Not an email.' };
    const cards = [replyCard(answer), formCard(FLOWS.breach, kb), formCard(FLOWS.signup, kb, { values: { email: 'x' }, errors })];
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
  });
});
