import type { KnowledgeBase } from '../knowledge/types.js';
import type { QueryTerm } from '../search/search-index.js';
import { isStopword, normalize, stem, words } from '../search/text.js';
import { editDistance, type Vocabulary } from '../search/vocabulary.js';

export interface Analysis {
  /** The question with spelling corrected, normalized. */
  text: string;
  words: string[];
  /** Compact ids the question names. */
  compacts: string[];
  /** Corrected content words, compact names removed. */
  content: string[];
  /** Content words that are neither known nor correctable. */
  unknown: string[];
  /** Stems of words owned by the asker ("my job", "my landlord"): what the question is about, if not the compacts. */
  personal: Set<string>;
  corrections: { from: string; to: string }[];
  /** A bare reference such as "4.4" or "8.2-time". */
  refs: string[];
  /** The question's words, spelling corrected but with compact names as typed ("herts"), for spotting glossary terms. */
  typed: string[];
  /** The question's words as typed, less the words that name a compact: for character n-grams. */
  plain: string[];
}

export class Analyzer {
  private readonly compactNames = new Map<string, string>();

  constructor(
    kb: KnowledgeBase,
    private readonly vocab: Vocabulary,
    /** The IDF of a stem in the searchable text; 0 when it does not occur. */
    private readonly idf: (stem: string) => number,
  ) {
    for (const c of kb.compacts) {
      for (const name of [c.meta.id, c.meta.area, ...c.meta.aliases]) this.compactNames.set(normalize(name), c.meta.id);
    }
  }

  private compactOf(word: string): string | undefined {
    // "halton's" arrives as "haltons".
    const exact = this.compactNames.get(word) ?? (word.endsWith('s') ? this.compactNames.get(word.slice(0, -1)) : undefined);
    if (exact || word.length < 5 || this.vocab.words.has(word)) return exact;
    let best: { id: string; d: number } | undefined;
    let tie = false;
    for (const [name, id] of this.compactNames) {
      if (name.length < 5 || name.includes(' ') || Math.abs(name.length - word.length) > 2) continue;
      const d = editDistance(word, name);
      if (d > (name.length >= 9 ? 2 : 1)) continue;
      if (!best || d < best.d) {
        best = { id, d };
        tie = false;
      } else if (d === best.d && id !== best.id) tie = true;
    }
    return best && !tie ? best.id : undefined;
  }

  analyze(question: string): Analysis {
    const raw = words(question);
    const compacts: string[] = [];
    const out: string[] = [];
    const content: string[] = [];
    const unknown: string[] = [];
    const refs: string[] = [];
    const corrections: { from: string; to: string }[] = [];
    const typed: string[] = [];
    const plain: string[] = [];
    const personal = new Set<string>();
    for (let i = 0; i < raw.length; i++) {
      if (i > 0 && raw[i - 1] === 'my' && !isStopword(raw[i]!)) personal.add(stem(raw[i]!));
      const w = raw[i]!;
      const pair = i + 1 < raw.length ? `${w} ${raw[i + 1]}` : '';
      const named = (pair && this.compactNames.get(pair)) || this.compactOf(w);
      if (named) {
        if (!compacts.includes(named)) compacts.push(named);
        typed.push(w);
        if (pair && this.compactNames.get(pair)) typed.push(raw[++i]!);
        out.push(named);
        continue;
      }
      plain.push(w);
      if (/^\d+(\.\d+)+$/.test(w) || /^\d+\.\d+-[a-z-]+$/.test(w)) {
        refs.push(w);
        out.push(w);
        typed.push(w);
        continue;
      }
      if (isStopword(w) || /^\d+$/.test(w)) {
        out.push(w);
        typed.push(w);
        continue;
      }
      const fixed = this.vocab.correct(w);
      if (fixed === null) {
        unknown.push(w);
        out.push(w);
        typed.push(w);
        continue;
      }
      typed.push(fixed);
      if (fixed !== w) corrections.push({ from: w, to: fixed });
      out.push(fixed);
      if (!isStopword(fixed)) content.push(fixed);
    }
    return { text: out.join(' '), words: out, compacts, content, unknown, personal, corrections, refs, typed, plain };
  }

  /** Query terms for content words: each word's stem, plus synonym and acronym expansions at lower weight. */
  terms(content: string[]): QueryTerm[] {
    const topical = content.filter((w) => !INTENT_ONLY.has(w));
    const stems = topical.map(stem);
    const terms: QueryTerm[] = [];
    const seen = new Set<string>();
    for (const s of stems) {
      if (seen.has(s)) continue;
      seen.add(s);
      terms.push(WEAK.has(s) ? { stem: s, weight: 0.5, origin: s, importance: 0 } : { stem: s, weight: 1, origin: s });
    }
    for (const w of topical) {
      if (this.idf(stem(w)) > 0) continue;
      for (const x of this.vocab.extensions(w)) {
        if (seen.has(x) || this.idf(x) === 0) continue;
        seen.add(x);
        terms.push({ stem: x, weight: 0.8, origin: stem(w) });
      }
    }
    for (const { from, add } of this.vocab.expand(stems)) {
      // A phrase stands for its most telling word: "statutory organisations" searches for "statutory",
      // not for "organisations", which is everywhere.
      const p = add.reduce((best, x) => (this.idf(x) > this.idf(best) ? x : best), add[0]!);
      if (seen.has(p) || this.idf(p) === 0) continue;
      seen.add(p);
      terms.push({ stem: p, weight: 0.6, origin: from[0]! });
    }
    return terms;
  }
}

/** Request words that say nothing about the topic and so are left out of retrieval. */
const INTENT_ONLY = new Set(
  `define definition definitions meaning means stand stands explain compare comparison difference differences differ different
  versus vs`.split(/\s+/),
);

/**
 * Everyday words that help rank but say nothing on their own about the topic, so they neither cover a
 * question nor make it one about the compacts: "how do I book a meeting room at the council" is not.
 */
const WEAK = new Set(
  `compact local council councils county borough district staff people person new get use make made time work working office set
  check apply leader library book booking meeting room way thing next last today tomorrow current number find go going come give take
  put good best right wrong able allow allowed expect expected suppos supposed happen happens happened sure true start stop etc`
    .split(/\s+/)
    .filter(Boolean)
    .map(stem),
);
