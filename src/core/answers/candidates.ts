import type { Entry } from '../knowledge/types.js';
import type { Scored, SearchIndex } from '../search/search-index.js';
import type { Analysis, Analyzer } from './analyze.js';
import type { ExampleIndex, Featurized, LabelSimilarity } from './example-index.js';
import type { Glossary } from './glossary.js';

/** What the candidate stage found for one question: the items worth scoring, and the evidence for each. */
export interface Evidence {
  analysis: Analysis;
  features: Featurized;
  /** Similarity to each label's examples: item keys, `intent:<name>`, and `none`. */
  similar: Map<string, LabelSimilarity>;
  /** BM25F over the items' own text, titles and keywords. */
  bm25: Map<string, Scored>;
  /** Glossary entries named in the question. */
  named: Set<string>;
  items: Entry[];
}

const BY_EXAMPLES = 12;
const BY_TEXT = 8;
const PER_NAMED_COMPACT = 5;

/** Finds candidate items by their nearest examples, by BM25F over their text, and by glossary names. */
export function findCandidates(
  deps: { byKey: Map<string, Entry>; index: SearchIndex; examples: ExampleIndex; analyzer: Analyzer; glossary: Glossary },
  analysis: Analysis,
  features: Featurized,
  scope: string[],
  exclude = -1,
): Evidence {
  const inScope = (e: Entry | undefined): e is Entry => e !== undefined && (scope.length === 0 || scope.includes(e.compact));
  const only = scope.length > 0 ? new Set(scope) : undefined;
  const scored = deps.index.search(deps.analyzer.terms(analysis.content), only ? (e) => only.has(e.compact) : undefined, BY_TEXT * 2);
  const bm25 = new Map(scored.map((s) => [s.entry.key, s]));
  const named = deps.glossary.spot(analysis).filter(inScope);
  const byWords = (sims: Map<string, LabelSimilarity>) =>
    [...sims]
      .map(([label, s]) => ({ entry: deps.byKey.get(label), c: Math.max(s.words[0] ?? 0, s.chars * 0.8) }))
      .filter((x): x is { entry: Entry; c: number } => inScope(x.entry))
      .sort((a, b) => b.c - a.c || (a.entry.key < b.entry.key ? -1 : 1));
  // Character n-grams are compared only for the items still in question: the nearest by words, and those
  // BM25F and the glossary found.
  const charLabels = (sims: Map<string, LabelSimilarity>) => [
    ...byWords(sims)
      .slice(0, BY_EXAMPLES * 2)
      .map((x) => x.entry.key),
    ...scored.map((s) => s.entry.key),
    ...named.map((e) => e.key),
  ];
  const similar = deps.examples.similar(features, charLabels, exclude);
  const byExamples = byWords(similar);
  const items = [
    ...byExamples.slice(0, BY_EXAMPLES).map((x) => x.entry),
    ...scored.slice(0, BY_TEXT).map((s) => s.entry),
    ...named,
    ...analysis.compacts.flatMap((c) =>
      byExamples
        .filter((x) => x.entry.compact === c)
        .slice(0, PER_NAMED_COMPACT)
        .map((x) => x.entry),
    ),
  ];
  const candidates = new Set(items);
  // BM25F and coverage for every candidate, not only those in BM25F's own top list.
  const terms = deps.analyzer.terms(analysis.content);
  for (const s of deps.index.search(terms, (e) => candidates.has(e), candidates.size)) bm25.set(s.entry.key, s);
  return { analysis, features, similar, bm25, named: new Set(named.map((e) => e.key)), items: [...candidates] };
}
