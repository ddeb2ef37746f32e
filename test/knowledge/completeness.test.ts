import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { foldForComparison as fold } from '../../src/core/knowledge/verbatim.js';
import { between, entries, find, kb, nonEmptyLines, ROOT, source, termNames } from './compact-sources.js';

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
