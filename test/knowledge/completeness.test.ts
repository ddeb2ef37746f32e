import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge, termSlug } from '../../src/core/knowledge/load.js';
import type { Entry, EntryKind } from '../../src/core/knowledge/types.js';
import { foldForComparison as fold } from '../../src/core/knowledge/verbatim.js';

// Each check reads the source text itself, so dropping an item from the YAML fails here even though
// the loader (which only checks what is there) would still pass.
const ROOT = join(import.meta.dirname, '..', '..', 'knowledge');
const kb = loadKnowledge(ROOT);

const source = (compact: string, file: string) => readFileSync(join(ROOT, compact, file), 'utf8');
const entries = (compact: string, kind: EntryKind) => kb.entries.filter((e) => e.compact === compact && e.kind === kind);
const find = (compact: string, kind: EntryKind, id: string) => entries(compact, kind).find((e) => e.id === id);
const termNames = (e: Entry) =>
  [e.term!.term, e.term!.acronym, e.term!.expansion, ...e.term!.aliases].filter((n): n is string => Boolean(n)).map(fold);
const nonEmptyLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The text after the last `start` (contents pages repeat headings) up to the next `end`. */
function between(text: string, start: string, end: string): string {
  const i = text.lastIndexOf(start);
  const j = text.indexOf(end, i + start.length);
  expect(i, `"${start.trim()}" is in the source`).toBeGreaterThanOrEqual(0);
  expect(j, `"${end.trim()}" follows "${start.trim()}"`).toBeGreaterThan(i);
  return text.slice(i + start.length, j);
}

describe('the knowledge base', () => {
  it('loads with every quote verbatim in its source', () => {
    expect(() => loadKnowledge(ROOT)).not.toThrow();
    expect(kb.compacts.map((c) => c.meta.id)).toEqual(['dacorum', 'halton', 'herefordshire', 'hertfordshire']);
  });

  it('holds the expected number of each kind of entry', () => {
    const counts = Object.fromEntries(
      kb.compacts.map((c) => [
        c.meta.id,
        (['undertaking', 'principle', 'term', 'route', 'fact'] as const).map((k) => entries(c.meta.id, k).length),
      ]),
    );
    expect(counts).toEqual({
      dacorum: [26, 22, 18, 2, 24],
      halton: [14, 20, 22, 3, 28],
      herefordshire: [0, 2, 3, 1, 11],
      hertfordshire: [56, 13, 14, 3, 21],
    });
  });

  it('uses every text file in a compact folder as a source, under its own name', () => {
    for (const c of kb.compacts) {
      const files = readdirSync(join(ROOT, c.meta.id)).filter((f) => f.endsWith('.txt'));
      expect(files.sort()).toEqual(c.meta.sources.map((s) => s.file).sort());
    }
  });

  it('introduces every bracketed or dashed acronym in the sources as a term of that compact', () => {
    for (const c of kb.compacts) {
      const acronyms = new Set(entries(c.meta.id, 'term').map((e) => e.term!.acronym));
      for (const text of c.texts.values()) {
        for (const m of text.matchAll(/\(([A-Z]{2,6})\)|– ([A-Z]{2,6})\b/g))
          expect(acronyms, `${c.meta.id}: ${m[0]}`).toContain(m[1] ?? m[2]);
      }
    }
  });
});

describe('Hertfordshire Compact', () => {
  const text = source('hertfordshire', 'hertfordshire-compact-2016.txt');

  it('has every numbered undertaking with its exact words, outcome, group heading and giver', () => {
    let section = '';
    let heading = '';
    const numbers: string[] = [];
    for (const line of text.split('\n')) {
      if (/^\d\. /.test(line)) section = line;
      else if (/^(Undertakings by|Joint Undertaking)/.test(line)) heading = line;
      const m = line.match(/^- (\d\.\d+) (.+)$/);
      if (!m) continue;
      numbers.push(m[1]!);
      const e = find('hertfordshire', 'undertaking', m[1]!);
      expect(e, m[1]).toBeDefined();
      expect(fold(e!.text), m[1]).toBe(fold(m[2]!));
      expect([e!.section, e!.heading], m[1]).toEqual([section, heading]);
      expect(e!.by, m[1]).toBe(/Statutory/.test(heading) ? 'statutory' : /Voluntary/.test(heading) ? 'vcs' : 'joint');
    }
    expect(numbers).toHaveLength(56);
    expect(numbers.at(-1)).toBe('5.5');
    expect(entries('hertfordshire', 'undertaking').map((e) => e.id)).toEqual(numbers);
  });

  it('defines every glossary entry', () => {
    const glossary = entries('hertfordshire', 'term').map((e) => fold(`${e.term!.term} ${e.term!.definition ?? ''}`));
    const lines = nonEmptyLines(between(text, '\nGlossary\n', '\nFurther details\n'));
    expect(lines.length).toBeGreaterThanOrEqual(11);
    for (const line of lines)
      expect(
        glossary.some((g) => g.includes(fold(line))),
        line,
      ).toBe(true);
  });

  it('has the five outcomes', () => {
    const outcomes = nonEmptyLines(between(text, 'following outcomes:\n', '\nCase Study\n')).map((l) => fold(l.replace(/^- /, '')));
    expect(outcomes).toHaveLength(5);
    expect(
      entries('hertfordshire', 'principle')
        .filter((e) => e.id.startsWith('outcome-'))
        .map((e) => fold(e.text)),
    ).toEqual(outcomes);
  });

  it('has the sign-up and broken-commitment routes and every co-chair phone and email', () => {
    const details = between(text, '\nFurther details\n', '#HertsCompact');
    const routes = entries('hertfordshire', 'route');
    expect(routes.find((r) => r.route!.kind === 'signup')?.text).toMatch(/'sign up' to the Hertfordshire Compact/);
    expect(routes.find((r) => r.route!.kind === 'dispute')?.text).toMatch(/has broken the commitments made/);
    const contacts = routes.flatMap((r) => r.route!.contacts);
    for (const m of details.matchAll(/^(?:Tel|E): \*\*(.+)\*\*$/gm)) {
      expect(
        contacts.some((c) => c.phone === m[1] || c.email === m[1]),
        m[1],
      ).toBe(true);
    }
    expect(contacts.map((c) => c.name)).toEqual(expect.arrayContaining(['Jacquie Hime', 'Ruth Harrington']));
  });

  it('records that neither the 2016 compact nor the 2001 one is legally binding', () => {
    const legal = entries('hertfordshire', 'fact').filter((e) => e.heading === 'legal status');
    expect(legal.map((e) => e.source.id).sort()).toEqual(['cabinet-report-2001', 'compact-2016']);
    for (const e of legal) expect(e.text).toContain('not legally binding');
  });
});

describe('Dacorum Compact', () => {
  const text = source('dacorum', 'dacorum-compact.txt');

  it('has every undertaking bullet with its exact words, section, sub-heading and giver', () => {
    const region = between(text, '\nUndertakings by the Statutory Sector\n', '\nAnnex A');
    let section = 'Undertakings by the Statutory Sector';
    let heading = '';
    let bullets = 0;
    for (const line of nonEmptyLines(region)) {
      if (line.startsWith('Undertakings by')) section = line;
      else if (line.length < 40 && !/[.:;]$/.test(line)) heading = line;
      if (!line.startsWith('- ')) continue;
      bullets++;
      const e = entries('dacorum', 'undertaking').find((u) => fold(u.text) === fold(line.slice(2)));
      expect(e, line).toBeDefined();
      expect([e!.section, e!.heading, e!.by], line).toEqual([section, heading, section.includes('Statutory') ? 'statutory' : 'vcs']);
    }
    expect(bullets).toBe(24);
    expect(fold(find('dacorum', 'undertaking', 'statutory-independence-1')!.text)).toBe(
      fold(nonEmptyLines(between(text, '\nIndependence\n', '\nFunding'))[0]!),
    );
  });

  it('defines every jargon buster entry under its own name', () => {
    const region = between(text, '\nAnnex B – Jargon buster\n', '\nAnnex C');
    const items = [...region.matchAll(/^- \*\*(.+?):?\*\*:? ?(?:[-–] )?(.+)$/gm)];
    expect(items).toHaveLength(15);
    const terms = entries('dacorum', 'term');
    for (const [, label, definition] of items) {
      const name = fold(label!.replace(/\s*\(.*\)$/, ''));
      const e = terms.find((t) => termNames(t).includes(name));
      expect(e, label).toBeDefined();
      expect(fold(e!.term!.definition ?? ''), label).toBe(fold(definition!));
    }
  });

  it('has every shared principle and challenge', () => {
    const principles = entries('dacorum', 'principle');
    const check = (start: string, end: string, kind: string, n: number) => {
      const bullets = nonEmptyLines(between(text, start, end)).filter((l) => l.startsWith('- '));
      expect(bullets).toHaveLength(n);
      for (const b of bullets)
        expect(
          principles.some((p) => p.id.startsWith(kind) && fold(p.text) === fold(b.slice(2))),
          b,
        ).toBe(true);
    };
    check('\nShared Principles\n', '\nUndertakings by the Statutory Sector\n', 'principle', 11);
    check('\nChallenges\n', '\nShared Principles\n', 'challenge', 5);
  });

  it('has every Annex A example and every Annex C local contact', () => {
    const facts = entries('dacorum', 'fact').map((e) => fold(e.text));
    const examples = nonEmptyLines(between(text, '\nAnnex A - How the Dacorum Compact is working for us!\n', '\nAnnex B')).filter((l) =>
      l.startsWith('- '),
    );
    expect(examples).toHaveLength(15);
    for (const x of examples) expect(facts, x).toContain(fold(x.slice(2)));
    const phones = [...between(text, '\nLocal contacts:-\n', '\nThis publication').matchAll(/\b01\d{3} \d{6}\b/g)].map((m) => m[0]);
    expect(phones).toHaveLength(6);
    const contacts = entries('dacorum', 'route').flatMap((r) => r.route!.contacts);
    for (const p of phones)
      expect(
        contacts.some((c) => c.phone === p),
        p,
      ).toBe(true);
  });

  it('sets out no sign-up or dispute route, because the compact gives none', () => {
    expect(entries('dacorum', 'route').map((r) => r.route!.kind)).toEqual(['contact', 'contact']);
  });
});

describe('Halton Local Compact', () => {
  const text = source('halton', 'getting-it-right-together.txt');

  it('has shared principles 1 to 9 word for word', () => {
    const region = between(text, '\n4. Shared Principles\n', '\n5. Broader Aims');
    const items = [...region.matchAll(/^(\d)\. (.+(?:\n - .+)*)/gm)];
    expect(items.map((m) => m[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const [, n, words] of items) expect(fold(find('halton', 'principle', `principle-${n}`)?.text ?? ''), n).toBe(fold(words!));
  });

  it('has every section 8 undertaking under its sub-heading', () => {
    const region = between(text, '\n8. Undertakings by organisations adopting the Local Compact\n', '\n9. Codes of Good Practice\n');
    let group = '';
    let found = 0;
    for (const block of region
      .split(/\n\s*\n/)
      .map((b) => b.trim())
      .filter(Boolean)) {
      if (/^8\.\d /.test(block)) group = block;
      else if (block.length < 40 && !block.endsWith('.')) {
        const e = find('halton', 'undertaking', `${group.slice(0, 3)}-${termSlug(block)}`);
        expect(e, `${group} ${block}`).toBeDefined();
        expect(e!.heading).toBe(group);
        found++;
      }
    }
    expect(found).toBe(14);
    expect(entries('halton', 'undertaking')).toHaveLength(14);
  });

  it('defines every section 13 definition', () => {
    const region = between(text, '\n13. Definitions\n', '\nGlossary\n');
    const terms = entries('halton', 'term');
    const labelled = [...region.matchAll(/^([A-Z][^:\n]{2,60}?)(?: \(in the context of a Local Compact\))?: (.+)$/gm)];
    expect(labelled).toHaveLength(6);
    for (const [, label, definition] of labelled) {
      const e = terms.find((t) => termNames(t).includes(fold(label!)));
      expect(e, label).toBeDefined();
      expect(fold(e!.term!.definition ?? ''), label).toContain(fold(definition!));
    }
    expect(
      terms.some((t) => fold(t.term!.definition ?? '').startsWith('Often reference is made to the Voluntary & Community Sector.')),
    ).toBe(true);
  });

  it('spells out every glossary acronym', () => {
    const terms = entries('halton', 'term').filter((t) => t.term!.acronym);
    const acronyms = terms.map((t) => t.term!.acronym);
    const expansions = terms.map((t) => t.term!.expansion!).sort((a, b) => b.length - a.length);
    const region = between(text, '\nGlossary\n', '\nOn behalf of all Partners');
    const tokens = region
      .split(/[\t\n]/)
      .map((t) => t.trim())
      .filter((t) => t && t !== '-');
    expect(tokens.length).toBeGreaterThanOrEqual(23);
    for (const token of tokens) {
      if (acronyms.includes(token)) continue;
      // One glossary line runs two expansions together, so take out every known expansion and expect nothing left.
      const rest = expansions.reduce((t, x) => t.replace(x, ''), token);
      expect(rest.replace(/[\s.,]/g, ''), token).toBe('');
    }
  });

  it('quotes section 10 in full as the dispute route, with the monitoring group’s role', () => {
    const section10 = between(text, '\n10. Resolution of Disputes\n', '\n11. Implementation');
    const dispute = entries('halton', 'route').find((r) => r.route!.kind === 'dispute')!;
    expect(fold(dispute.text)).toContain(fold(section10));
    expect(dispute.text).toContain('Seek to resolve disputes');
    expect(entries('halton', 'route').find((r) => r.route!.kind === 'signup')?.text).toContain(
      'requesting further adoptions and compliance',
    );
  });

  it('cites the 2006 board report, not the compact, for Compact Plus', () => {
    const plus = entries('halton', 'fact').filter((e) => e.heading === 'compact plus');
    expect(plus.length).toBeGreaterThanOrEqual(4);
    for (const e of plus) expect(e.source.id).toBe('board-report-2006');
    expect(source('halton', 'board-report-2006.txt')).not.toContain('Shared Principles');
  });
});

describe('Herefordshire Compact', () => {
  it('says who may sign up and invents no dispute route', () => {
    const routes = entries('herefordshire', 'route');
    expect(routes.map((r) => r.route!.kind)).toEqual(['signup']);
    expect(routes[0]!.text).toContain('all members of the Herefordshire Partnership will be able to sign up to');
  });

  it('has the facts the Cabinet report gives', () => {
    const facts = entries('herefordshire', 'fact')
      .map((e) => e.text)
      .join('\n');
    for (const words of [
      'be adopted',
      'codes of good practice',
      'three-month consultation',
      'supersede the existing Health and Social Care Compact',
      'three year funding settlements',
      '(LCWG)',
      '(CCIG)',
    ]) {
      expect(facts, words).toContain(words);
    }
  });
});
