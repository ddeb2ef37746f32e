import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { isEnglishWord } from './english.js';
import { isStopword, stem, stopwords, words } from './text.js';

/** A phrase (as stems) that, when seen in a question, brings in the other phrases of its group. */
interface Expansion {
  phrase: string[];
  adds: string[][];
}

/**
 * The words the knowledge base knows, its synonym groups and acronyms, and a fuzzy speller over them.
 * Built once at start from the knowledge files; nothing here is specific to a phrasing.
 */
export class Vocabulary {
  /** Every word seen in the knowledge base and the synonym file. */
  readonly words = new Set<string>();
  readonly stems = new Set<string>();
  /** Words seen in lower case somewhere: spelling targets. Names ("Heather") are known but never a correction. */
  private readonly common = new Set<string>();
  private readonly expansions: Expansion[] = [];
  private readonly speller: Fuse<string>;
  private readonly corrections = new Map<string, string | null>();

  constructor(kb: KnowledgeBase, extraWords: string[] = []) {
    const groups: string[][] = [...kb.synonyms];
    for (const e of kb.entries) {
      for (const text of [e.text, e.title, e.section ?? '', e.heading ?? '', ...e.keywords]) this.addWords(text);
      const t = e.term;
      if (t) {
        const names = [t.term, ...(t.acronym ? [t.acronym] : []), ...(t.expansion ? [t.expansion] : []), ...t.aliases];
        if (names.length > 1) groups.push(names);
      }
    }
    for (const group of groups) {
      for (const phrase of group) this.addWords(phrase);
      const stemmed = group.map((p) => this.phraseStems(p)).filter((p) => p.length > 0);
      for (const phrase of stemmed) {
        this.expansions.push({ phrase, adds: stemmed.filter((p) => p !== phrase) });
      }
    }
    for (const w of extraWords) this.addWords(w);
    // Stopwords are targets too ("befor" → "before"), so that a misspelt filler word is not taken for a topic.
    this.speller = new Fuse(
      [...this.common, ...stopwords()].filter((w) => w.length >= 4),
      {
        includeScore: true,
        threshold: 0.34,
        distance: 8,
        minMatchCharLength: 3,
      },
    );
  }

  private addWords(text: string) {
    for (const w of words(text)) {
      this.words.add(w);
      this.stems.add(stem(w));
    }
    for (const m of text.matchAll(/(?<![A-Za-z])[a-z]+(?![A-Za-z])/g)) this.common.add(m[0]);
  }

  phraseStems(phrase: string): string[] {
    return words(phrase)
      .filter((w) => !isStopword(w))
      .map(stem);
  }

  knows(word: string): boolean {
    return this.words.has(word) || this.stems.has(stem(word));
  }

  /** The closest known word for a misspelt one, or null when nothing is close enough. */
  correct(word: string): string | null {
    if (this.words.has(word)) return word;
    // A known stem in an unknown spelling ("becom") is kept, but spelt as the word it was meant to be where
    // one is a letter away, so that request phrases ("become a signatory") are recognised.
    const stemKnown = this.stems.has(stem(word));
    if (word.length < 4 || /\d/.test(word) || isEnglishWord(word)) return stemKnown ? word : null;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    const best = this.speller
      .search(word, { limit: 5 })
      .filter((r) => {
        // Two edits only for long words, and then only with the same first letter: a short real word
        // ("weather") must not turn into a nearby vocabulary word ("gather").
        const d = editDistance(r.item, word);
        return d <= 1 || (d === 2 && word.length >= 8 && r.item[0] === word[0]);
      })
      .sort((a, b) => editDistance(a.item, word) - editDistance(b.item, word) || (a.score ?? 1) - (b.score ?? 1))[0];
    const result = stemKnown ? (best && stem(best.item) === stem(word) ? best.item : word) : best ? best.item : null;
    if (this.corrections.size < 10_000) this.corrections.set(word, result);
    return result;
  }

  /** Stems of known words that begin with `word` ("pay" → "payment"), for a word whose own stem finds nothing. */
  extensions(word: string): string[] {
    if (word.length < 3) return [];
    const out = new Set<string>();
    for (const w of this.words) {
      if (w.startsWith(word) && SUFFIX.test(w.slice(word.length)) && !isStopword(w)) out.add(stem(w));
    }
    return [...out];
  }

  /** Synonym and acronym phrases implied by a question's stems, each with the phrase that implied it. */
  expand(stems: string[]): { from: string[]; add: string[] }[] {
    const out: { from: string[]; add: string[] }[] = [];
    for (const x of this.expansions) {
      if (containsSequence(stems, x.phrase)) for (const add of x.adds) out.push({ from: x.phrase, add });
    }
    return out;
  }
}

/** Endings that make another form of the same word ("pay" → "payment"), unlike "bin" → "binding". */
const SUFFIX =
  /^(s|es|ed|d|ing|er|ers|ment|ments|ly|al|ally|ion|ions|ation|ations|ance|ence|ity|ness|able|ible|ive|ise|ize|ised|ized|ship)$/;

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
