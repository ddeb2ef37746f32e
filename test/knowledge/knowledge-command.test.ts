import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { knowledgeCommand } from '../../src/cli/knowledge-command.js';

const KNOWLEDGE = join(import.meta.dirname, '..', '..', 'knowledge');
const GOOD = join(import.meta.dirname, '..', 'fixtures', 'knowledge', 'good');
const temps: string[] = [];

async function run(args: string[], knowledgeDir = KNOWLEDGE) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await knowledgeCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l), knowledgeDir });
  return { code, out, err };
}

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('knowledge check', () => {
  it('prints the counts of each compact and a total', async () => {
    const r = await run(['check'], GOOD);
    expect(r).toEqual({
      code: 0,
      out: [
        'Testshire Compact: 3 undertakings, 1 principle, 2 terms, 1 route, 1 fact',
        'Total: 1 compact, 3 undertakings, 1 principle, 2 terms, 1 route, 1 fact; every quote verified against its source.',
        'Example questions: 52 on items (4 to 8 each); ' +
          'intents: signup 0, breach 0, help 0, thanks 0, define 0, compare 0, list 0, use 0; out of scope: 0.',
      ],
      err: [],
    });
  });

  it('fails, naming the item, when an item has too few example questions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compact-bot-knowledge-'));
    temps.push(dir);
    const root = join(dir, 'knowledge');
    cpSync(GOOD, root, { recursive: true });
    const file = join(root, 'testshire', 'terms.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {4}- question \d+ on grant/, ''));
    const r = await run(['check'], root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('- testshire grant (term): 3 example questions, needs at least 4');
  });

  it('checks the real knowledge base', async () => {
    const r = await run(['check']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Hertfordshire Compact: 56 undertakings, 13 principles, 14 terms, 3 routes, 21 facts');
    expect(r.out.at(-2)).toMatch(/^Total: 4 compacts, 96 undertakings, /);
    expect(r.out.at(-1)).toMatch(/^Example questions: \d+ on items/);
  });

  it('lists every problem and fails when a quote is not in the source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compact-bot-knowledge-'));
    temps.push(dir);
    const root = join(dir, 'knowledge');
    cpSync(GOOD, root, { recursive: true });
    writeFileSync(
      join(root, 'testshire', 'facts.yml'),
      '- id: legal-status\n  source: compact\n  topic: legal status\n  title: Binding\n  text: This Compact is legally binding.\n',
    );
    const r = await run(['check'], root);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([
      `The knowledge base in ${root} has 1 problem:`,
      '- knowledge/testshire/facts.yml: [0] (legal-status): text "This Compact is legally binding.…" ' +
        'is not verbatim in Testshire Compact: a fixture: it differs from the source at "legally binding." (after 3 matching words)',
    ]);
  });
});

describe('knowledge show', () => {
  it('prints an undertaking with its full citation and the words in quotes', async () => {
    const r = await run(['show', 'hertfordshire', '4.4']);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      "Hertfordshire Compact 4.4 (undertaking): Three months' notice before funding changes or ends",
      'Source: Hertfordshire Compact: Working Together Better Together (Hertfordshire County Council, 2016; refreshed and published 2016)',
      'Section: 4. Clear arrangements for managing changes to programmes and services',
      'Heading: Undertakings by Statutory Organisations:',
      'Given by: statutory bodies',
      "“Give a minimum of three months' notice in writing when changing or ending a funding relationship or other support " +
        'apart from in exceptional circumstances and provide a clear rationale for why the decision has been taken.”',
    ]);
  });

  it('says who gives an undertaking, and finds a compact by its alias', async () => {
    expect((await run(['show', 'halton', '8.2-time'])).out).toContain('Given by: the voluntary and community sector');
    expect((await run(['show', 'herts', '1.10'])).out).toContain('Given by: jointly');
  });

  it('prints terms, routes and facts too', async () => {
    const lsp = await run(['show', 'dacorum', 'LSP']);
    expect(lsp.out).toContain('LSP stands for “Local Strategic Partnership”');
    expect(lsp.out.at(-1)).toMatch(/^“a single non-statutory, multi-agency body/);
    const route = await run(['show', 'hertfordshire', 'further-information']);
    expect(route.out).toContain(
      'Contact: Ruth Harrington, Head of Community Wellbeing, Hertfordshire County Council, ' +
        '01438 845843, Ruth.Harrington@hertfordshire.gov.uk',
    );
    const fact = await run(['show', 'halton', 'legal-status']);
    expect(fact.out).toContain('Topic: legal status');
  });

  it('lists the valid compacts for an unknown one', async () => {
    expect(await run(['show', 'york', '1.1'])).toEqual({
      code: 1,
      out: [],
      err: [
        'There is no compact "york". Valid compacts: dacorum (Dacorum Compact), halton (Halton Local Compact), ' +
          'herefordshire (Herefordshire Compact), hertfordshire (Hertfordshire Compact).',
      ],
    });
  });

  it('suggests close ids for an unknown one', async () => {
    expect((await run(['show', 'hertfordshire', '4.44'])).err).toEqual([
      'The Hertfordshire Compact has no entry "4.44". Did you mean: 4.4?',
    ]);
    expect((await run(['show', 'halton', 'tme'])).err).toEqual([
      'The Halton Local Compact has no entry "tme". Did you mean: 8.2-time, 8.3-time?',
    ]);
    const none = await run(['show', 'halton', 'zzzz']);
    expect(none.code).toBe(1);
    expect(none.err[0]).toMatch(/^The Halton Local Compact has no entry "zzzz"\. Its entries include: 8\.1-context, /);
  });

  it('explains its usage when the arguments are wrong', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['show', 'halton'])).err[0]).toMatch(/^usage: compact-bot knowledge show <compact> <id>/);
  });
});
