import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { citationOf, itemReply } from '../../src/core/answers/compose.js';
import { renderText } from '../../src/core/answers/render-text.js';
import { KnowledgeError, loadKnowledge } from '../../src/core/knowledge/load.js';
import { aliasBombYaml } from '../helpers/alias-bomb.js';

const GOOD = join(import.meta.dirname, '..', 'fixtures', 'knowledge', 'good');
const temps: string[] = [];

/** A copy of the good fixture under <tmp>/knowledge, so messages name files as "knowledge/testshire/…". */
function copyOfGood(): string {
  const dir = mkdtempSync(join(tmpdir(), 'compact-bot-knowledge-'));
  temps.push(dir);
  const root = join(dir, 'knowledge');
  cpSync(GOOD, root, { recursive: true });
  return root;
}

function edit(root: string, file: string, change: (text: string) => string): void {
  const path = join(root, 'testshire', file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `the edit to ${file} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
}

function problemsOf(root: string): string[] {
  try {
    loadKnowledge(root);
  } catch (error) {
    if (error instanceof KnowledgeError) return error.problems;
    throw error;
  }
  throw new Error('expected the knowledge base to be rejected');
}

afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loading the knowledge base', () => {
  it('loads a good compact with every kind of entry', () => {
    const kb = loadKnowledge(GOOD);
    expect(kb.compacts.map((c) => c.meta.id)).toEqual(['testshire']);
    expect(kb.entries.map((e) => e.key)).toEqual([
      'testshire:undertaking:1.1',
      'testshire:undertaking:1.2',
      'testshire:undertaking:1.3',
      'testshire:principle:respect',
      'testshire:term:grant',
      'testshire:term:vcs',
      'testshire:route:disputes',
      'testshire:fact:legal-status',
    ]);
    expect(kb.entries[2]).toMatchObject({ by: 'vcs', section: '1. Funding', heading: 'Undertakings by the Voluntary Sector:' });
  });

  it('names the file and the path of a field with the wrong type', () => {
    const root = copyOfGood();
    edit(root, 'terms.yml', (t) => t.replace('definition: Money given to an organisation for a purpose.', 'definition: 42'));
    expect(problemsOf(root)).toEqual(['knowledge/testshire/terms.yml: [0].definition: Invalid input: expected string, received number']);
  });

  it('names the file, the item and the words where a quote leaves the source', () => {
    const root = copyOfGood();
    edit(root, 'undertakings.yml', (t) => t.replace('three months', 'six months'));
    expect(problemsOf(root)).toEqual([
      'knowledge/testshire/undertakings.yml: [0].items[0] (1.1): text "Give a minimum of six months\'…" ' +
        'is not verbatim in Testshire Compact: a fixture: ' +
        'it differs from the source at "six months\' notice in writing before" (after 4 matching words)',
    ]);
  });

  it('checks route text and contact details word for word too', () => {
    const root = copyOfGood();
    edit(root, 'routes.yml', (t) => t.replace('"01234 567890"', '"01234 999999"'));
    expect(problemsOf(root)).toEqual([
      'knowledge/testshire/routes.yml: [0] (disputes): contacts[0].phone "01234 999999…" ' +
        'is not verbatim in Testshire Compact: a fixture: it differs from the source at "999999" (after 1 matching words)',
    ]);
  });

  it('rejects a duplicate number and says where the first one is', () => {
    const root = copyOfGood();
    edit(root, 'undertakings.yml', (t) => t.replace('id: "1.3"', 'id: "1.1"'));
    expect(problemsOf(root)).toEqual([
      'knowledge/testshire/undertakings.yml: [1].items[0] (1.1): ' +
        'duplicate undertaking id "1.1" in Testshire Compact; first at undertakings.yml [0].items[0]',
    ]);
  });

  it('reports invalid YAML with the file name', () => {
    const root = copyOfGood();
    edit(root, 'facts.yml', (t) => t.replace('topic: legal status', 'topic: [legal status'));
    const problems = problemsOf(root);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatch(/^knowledge\/testshire\/facts\.yml: not valid YAML: \S/);
  });

  it('reports a YAML alias bomb as a problem of its file, like any other malformed file', () => {
    const root = copyOfGood();
    writeFileSync(join(root, 'testshire', 'terms.yml'), aliasBombYaml());
    expect(problemsOf(root)).toEqual([
      expect.stringMatching(/^knowledge\/testshire\/terms\.yml: refused because its aliases expand too far; remove the aliases/),
    ]);
  });

  it('reports a source file that is missing from the folder', () => {
    const root = copyOfGood();
    rmSync(join(root, 'testshire', 'testshire-compact.txt'));
    expect(problemsOf(root)).toEqual([
      'knowledge/testshire/compact.yml: source "compact" names testshire-compact.txt, which is not in knowledge/testshire',
    ]);
  });

  it('reports a folder without a compact.yml', () => {
    const root = copyOfGood();
    mkdirSync(join(root, 'empty'));
    expect(problemsOf(root)).toEqual(['knowledge/empty/compact.yml: cannot be read (ENOENT)']);
  });

  it('reports an entry citing a source that compact.yml does not list', () => {
    const root = copyOfGood();
    edit(root, 'facts.yml', (t) => t.replace('source: compact', 'source: annual-report'));
    expect(problemsOf(root)).toEqual(['knowledge/testshire/facts.yml: [0]: source "annual-report" is not listed in compact.yml']);
  });

  it('checks a period against the words of its item, and its exceptions word for word', () => {
    const field = (months: number, exception: string) =>
      `      period: { months: ${months}, counts: back, given: "the grant ends", due: "notice is due by", exceptions: ["${exception}"] }\n`;
    const period = (months: number, exception: string) => (t: string) =>
      t.replace('      keywords: [cut]\n', `      keywords: [cut]\n${field(months, exception)}`);
    const good = copyOfGood();
    edit(good, 'undertakings.yml', period(3, 'in writing'));
    expect(loadKnowledge(good).entries[0]?.period).toMatchObject({ months: 3, counts: 'back', exceptions: ['in writing'] });

    const root = copyOfGood();
    edit(root, 'undertakings.yml', period(2, 'unless urgent'));
    expect(problemsOf(root)).toEqual([
      'knowledge/testshire/undertakings.yml: [0].items[0] (1.1): period "two months" is not stated in the text ' +
        '(it must say it in words or digits, e.g. "two months")',
      'knowledge/testshire/undertakings.yml: [0].items[0] (1.1): period exception "unless urgent" is not word for word in the text',
    ]);
  });

  it('refuses a period with no unit, or two', () => {
    const root = copyOfGood();
    const field = '      period: { months: 3, weeks: 2, counts: back, given: "a", due: "b" }\n';
    edit(root, 'undertakings.yml', (t) => t.replace('      keywords: [cut]\n', `      keywords: [cut]\n${field}`));
    expect(problemsOf(root)).toEqual([
      'knowledge/testshire/undertakings.yml: [0].items[0].period: a period needs exactly one of days, weeks or months',
    ]);
  });

  it('lists every problem at once rather than stopping at the first', () => {
    const root = copyOfGood();
    edit(root, 'terms.yml', (t) => t.replace('definition: Money given to an organisation for a purpose.', 'definition: 42'));
    edit(root, 'principles.yml', (t) => t.replace('with respect', 'with kindness'));
    const error = (() => {
      try {
        loadKnowledge(root);
      } catch (e) {
        return e as KnowledgeError;
      }
    })();
    expect(error?.problems).toHaveLength(2);
    expect(error?.message).toMatch(/^The knowledge base has 2 problems:\n- .*terms\.yml.*\n- .*principles\.yml: \[0\] \(respect\): text/);
  });

  it('takes a source’s web address only when the source itself names it', () => {
    const root = copyOfGood();
    edit(root, 'compact.yml', (t) =>
      t.replace('file: testshire-compact.txt', 'file: testshire-compact.txt\n    url: https://www.testshire.example/compact'),
    );
    expect(problemsOf(root)).toEqual([
      'knowledge/testshire/compact.yml: source "compact" gives the address https://www.testshire.example/compact, ' +
        'which testshire-compact.txt does not name',
    ]);
    edit(root, 'testshire-compact.txt', (t) => `${t}\nThis Compact is published at www.testshire.example/compact\n`);
    const kb = loadKnowledge(root);
    expect(kb.compacts[0]!.meta.sources[0]!.url).toBe('https://www.testshire.example/compact');
    expect(citationOf(kb, kb.entries[0]!).sourceUrl).toBe('https://www.testshire.example/compact');
    expect(renderText(itemReply(kb, 'x', kb.entries[0]!))).toContain(
      'Testshire Compact: a fixture (https://www.testshire.example/compact)',
    );
  });
});
