import { describe, expect, it } from 'vitest';
import { termSlug } from '../../src/core/knowledge/compact-entries.js';
import { foldForComparison as fold } from '../../src/core/knowledge/verbatim.js';
import { between, entries, find, source, termNames } from './compact-sources.js';

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
